package ${package}.impl.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

import ${package}.impl.domain.${entity};

/**
 * ${entity} records: the queries and the rules. It knows nothing of HTTP: it refuses with a
 * {@link DomainException}, which the REST layer answers with 400 (invalid, naming the field), 404 or
 * 409. Its unit test runs it over the module's own migrations in an in-memory database.
 */
@Component(service = ${entity}Service.class)
public class ${entity}Service {

    private static final Map<String, String> SORT_FIELDS = Map.of("title", "e.titleKey", "createdAt", "e.createdAt", "id", "e.id");
    /** What a list can be sorted by. */
    public static final Set<String> SORTABLE = SORT_FIELDS.keySet();

    private final EntityManagerFactory factory;

    /** The persistence unit is the module's: the platform starts this component once the migrations have run. */
    @Activate
    public ${entity}Service(@Reference(target = "(osgi.unit.name=${moduleId})") EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** A page of records, those whose title contains {@code text} (any case) if it is given. */
    public Page<${entity}Dto> list(String text, PageRequest page) {
        String search = text == null || text.isBlank() ? null : LikePatterns.containing(text.strip().toLowerCase(Locale.ROOT));
        String where = " FROM ${entity} e" + (search == null ? "" : " WHERE e.titleKey LIKE :search ESCAPE '\\'");
        return Transactions.read(factory, em -> {
            var count = em.createQuery("SELECT COUNT(e)" + where, Long.class);
            var query = em.createQuery("SELECT e" + where + " ORDER BY " + SORT_FIELDS.get(page.sortField())
                    + (page.ascending() ? " ASC" : " DESC") + ", e.id", ${entity}.class);
            if (search != null) {
                count.setParameter("search", search);
                query.setParameter("search", search);
            }
            List<${entity}Dto> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(${entity}Dto::of).collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    public ${entity}Dto get(long id) {
        return Transactions.read(factory, em -> ${entity}Dto.of(require(em, id)));
    }

    public Optional<${entity}Dto> find(long id) {
        return Transactions.read(factory, em -> Optional.ofNullable(em.find(${entity}.class, id)).map(${entity}Dto::of));
    }

    public long count() {
        return Transactions.read(factory, em -> em.createQuery("SELECT COUNT(e) FROM ${entity} e", Long.class).getSingleResult());
    }

    public ${entity}Dto create(${entity}Dto input) {
        return Transactions.inTransaction(factory, em -> {
            ${entity} entity = new ${entity}();
            apply(em, input, entity);
            entity.createdAt = Instant.now();
            em.persist(entity);
            em.flush();
            return ${entity}Dto.of(entity);
        });
    }

    /** Changes a record; {@code input.version()} must be the version read. */
    public ${entity}Dto update(long id, ${entity}Dto input) {
        return Transactions.inTransaction(factory, em -> {
            ${entity} entity = require(em, id);
            Fields.version(input == null ? null : input.version(), entity.version, "${entity} " + id);
            apply(em, input, entity);
            em.flush();
            return ${entity}Dto.of(entity);
        });
    }

    /** Deletes a record; {@code version} must be the version read. */
    public void delete(long id, Integer version) {
        Transactions.inTransaction(factory, em -> {
            ${entity} entity = require(em, id);
            Fields.version(version, entity.version, "${entity} " + id);
            em.remove(entity);
            return null;
        });
    }

    private static ${entity} require(EntityManager em, long id) {
        ${entity} entity = em.find(${entity}.class, id);
        if (entity == null) {
            throw DomainException.notFound("No ${entity} " + id);
        }
        return entity;
    }

    /** The rules: a title (at most 200 characters) that no other record has, in any case; notes at most 2000. */
    private static void apply(EntityManager em, ${entity}Dto input, ${entity} entity) {
        if (input == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        String title = Fields.required("title", input.title(), 200);
        String key = title.toLowerCase(Locale.ROOT);
        List<Long> same = em.createQuery("SELECT e.id FROM ${entity} e WHERE e.titleKey = :key", Long.class)
                .setParameter("key", key).getResultList();
        if (!same.isEmpty() && !same.get(0).equals(entity.id)) {
            throw DomainException.conflict("${entity} " + same.get(0) + " has the title '" + title + "' already");
        }
        entity.title = title;
        entity.titleKey = key;
        entity.notes = Fields.optional("notes", input.notes(), 2000);
    }
}
