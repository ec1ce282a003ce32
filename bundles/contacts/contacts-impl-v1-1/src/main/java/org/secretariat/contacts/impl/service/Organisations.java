package org.secretariat.contacts.impl.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.Organisation;
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/** Organisations: UN bodies, international organisations, NGOs, the host institution, donors, ministries. */
@Component(service = Organisations.class)
public class Organisations {

    private static final Map<String, String> SORT_FIELDS = Map.of("name", "o.nameKey", "type", "o.type", "acronym", "o.acronym", "id", "o.id");
    /** What a list of organisations can be sorted by. */
    public static final Set<String> SORTABLE = SORT_FIELDS.keySet();

    private final EntityManagerFactory contacts;
    private final States states;

    @Activate
    public Organisations(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states) {
        this.contacts = contacts;
        this.states = states;
    }

    /** A page of organisations, of a type (or any) and with {@code text} in their name or acronym (or any). */
    public Page<OrganisationDto> list(OrganisationType type, String text, PageRequest page) {
        String search = text == null || text.isBlank() ? null : text;
        List<String> conditions = new ArrayList<>();
        if (type != null) {
            conditions.add("o.type = :type");
        }
        if (search != null) {
            conditions.add("(o.nameKey LIKE :pattern ESCAPE '\\' OR LOWER(o.acronym) LIKE :pattern ESCAPE '\\')");
        }
        String where = " FROM Organisation o" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(contacts, em -> {
            long total = bind(em.createQuery("SELECT COUNT(o)" + where, Long.class), type, search).getSingleResult();
            List<OrganisationDto> items = bind(em.createQuery("SELECT o" + where + " ORDER BY " + SORT_FIELDS.get(page.sortField())
                    + (page.ascending() ? " ASC" : " DESC") + ", o.id", Organisation.class), type, search)
                    .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                    .stream().map(OrganisationDto::of).collect(Collectors.toList());
            return Page.of(items, total, page);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, OrganisationType type, String text) {
        if (type != null) {
            query.setParameter("type", type);
        }
        if (text != null) {
            query.setParameter("pattern", Names.containsPattern(text));
        }
        return query;
    }

    public OrganisationDto get(long id) {
        return Transactions.read(contacts, em -> OrganisationDto.of(find(em, id)));
    }

    public OrganisationDto create(OrganisationDto organisation) {
        return Transactions.inTransaction(contacts, em -> {
            Organisation created = new Organisation();
            apply(organisation, created);
            em.persist(created);
            em.flush();
            return OrganisationDto.of(created);
        });
    }

    /** Changes the organisation to {@code changed}, whose {@code version} must be the current one. */
    public OrganisationDto update(long id, OrganisationDto changed) {
        return Transactions.inTransaction(contacts, em -> {
            Organisation organisation = find(em, id);
            Fields.version(changed == null ? null : changed.version(), organisation.version, "Organisation " + id);
            apply(changed, organisation);
            em.flush();
            return OrganisationDto.of(organisation);
        });
    }

    private void apply(OrganisationDto source, Organisation organisation) {
        if (source == null) {
            throw DomainException.invalid("name", "a JSON body is required");
        }
        organisation.name = Fields.required("name", source.name(), 300);
        organisation.nameKey = Names.key(organisation.name);
        organisation.acronym = Fields.optional("acronym", source.acronym(), 40);
        organisation.type = Fields.present("type", source.type(), Arrays.toString(OrganisationType.values()));
        organisation.stateIso2 = source.stateIso2() == null || source.stateIso2().isBlank() ? null : states.code(source.stateIso2());
        organisation.website = Fields.url("website", source.website());
        organisation.email = Fields.email("email", source.email());
        organisation.phone = Fields.optional("phone", source.phone(), 60);
        organisation.notes = Fields.optional("notes", source.notes(), 2000);
    }

    /** Removes an organisation nobody holds a position in (a conflict otherwise). */
    public void delete(long id) {
        Transactions.inTransaction(contacts, em -> {
            Organisation organisation = find(em, id);
            long positions = em.createQuery("SELECT COUNT(p) FROM Position p WHERE p.organisationId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (positions > 0) {
                throw DomainException.conflict("Organisation " + id + " still has " + positions + " position(s); end or remove them first");
            }
            long outreach = em.createQuery("SELECT COUNT(o) FROM OutreachEntry o WHERE o.organisationId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (outreach > 0) {
                throw DomainException.conflict("Organisation " + id + " is named in " + outreach + " outreach entr" + (outreach == 1 ? "y" : "ies")
                        + "; change or remove those first");
            }
            long groups = em.createQuery("SELECT COUNT(g) FROM ContactGroup g WHERE g.organisationId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (groups > 0) {
                throw DomainException.conflict("Organisation " + id + " is named by " + groups + " group(s); change or remove those first");
            }
            em.remove(organisation);
            return null;
        });
    }

    public Optional<ContactSummary> summary(long id) {
        return Transactions.read(contacts, em -> Optional.ofNullable(em.find(Organisation.class, id)).map(Organisation::summary));
    }

    /** Refused, naming {@code organisationId}, unless the organisation exists. */
    public void check(long organisationId) {
        if (Transactions.read(contacts, em -> em.find(Organisation.class, organisationId)) == null) {
            throw DomainException.invalid("organisationId", "no organisation " + organisationId);
        }
    }

    private static Organisation find(EntityManager em, long id) {
        Organisation organisation = em.find(Organisation.class, id);
        if (organisation == null) {
            throw DomainException.notFound("No organisation " + id);
        }
        return organisation;
    }
}
