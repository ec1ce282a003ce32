package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.Organisation;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.domain.Position;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Cursor;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * People with their positions in organisations or delegations. Contact details are personal data:
 * each person records consent (and when it was given) and a retention note.
 */
@Component(service = People.class)
public class People {

    private static final Map<String, String> SORT_FIELDS = Map.of("name", "p.nameKey", "familyName", "p.familyName", "id", "p.id");
    /** What a list of people can be sorted by. */
    public static final Set<String> SORTABLE = SORT_FIELDS.keySet();

    private final EntityManagerFactory contacts;
    private final States states;
    private final Languages languages;

    @Activate
    public People(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states,
            @Reference Languages languages) {
        this.contacts = contacts;
        this.states = states;
        this.languages = languages;
    }

    /**
     * A page of people (without their positions) with {@code text} in their name or e-mail, of a state (any case), each
     * optional: numbered and counted, or by cursor ({@code after}), which neither counts nor skips.
     */
    public Page<PersonDto> list(String text, String stateIso2, PageRequest page) {
        String search = text == null || text.isBlank() ? null : text;
        String code = stateIso2 == null || stateIso2.isBlank() ? null : stateIso2.trim().toUpperCase(Locale.ROOT);
        List<String> conditions = new ArrayList<>();
        if (search != null) {
            conditions.add("(p.nameKey LIKE :pattern ESCAPE '\\' OR LOWER(p.email) LIKE :pattern ESCAPE '\\')");
        }
        if (code != null) {
            conditions.add("p.stateIso2 = :state");
        }
        String sortPath = SORT_FIELDS.get(page.sortField());
        Cursor after = page.after();
        Object afterKey = after == null ? null : page.sortField().equals("id") ? (Object) after.key(Long::valueOf) : after.key();
        if (after != null) {
            conditions.add(after.condition(sortPath, "p.id", true));
        }
        String where = " FROM Person p" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(contacts, em -> {
            long total = page.counted() ? bind(em.createQuery("SELECT COUNT(p)" + where, Long.class), search, code).getSingleResult() : Page.UNCOUNTED;
            // The page's ids first, read from an index holding the order's columns and the id (V3), so a deep page skips
            // index entries rather than whole rows (and a page by cursor starts where the last one ended); then those rows
            // only. One more id than the page tells whether another page follows.
            TypedQuery<Long> idQuery = bind(em.createQuery("SELECT p.id" + where + " ORDER BY " + sortPath
                    + (page.ascending() ? " ASC" : " DESC") + ", p.id", Long.class), search, code);
            List<Long> ids = (after == null ? idQuery : after.bind(idQuery, afterKey))
                    .setFirstResult(page.offset()).setMaxResults(page.size() + 1).getResultList();
            boolean more = ids.size() > page.size();
            List<Person> people = byIds(em, more ? ids.subList(0, page.size()) : ids);
            Person last = people.isEmpty() ? null : people.get(people.size() - 1);
            Cursor next = more && last != null ? Cursor.after(page, sortKey(last, page.sortField()), last.id) : null;
            return Page.of(people.stream().map(p -> PersonDto.of(p, null)).collect(Collectors.toList()), total, page, next);
        });
    }

    private static String sortKey(Person person, String sortField) {
        switch (sortField) {
            case "familyName":
                return person.familyName;
            case "id":
                return String.valueOf(person.id);
            default:
                return person.nameKey;
        }
    }

    /** The people with these ids, in the ids' order. */
    static List<Person> byIds(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> found = em.createQuery("SELECT p FROM Person p WHERE p.id IN :ids", Person.class).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(p -> p.id, p -> p));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String text, String state) {
        if (text != null) {
            query.setParameter("pattern", Names.containsPattern(text));
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        return query;
    }

    /** The person with their positions. */
    public PersonDto get(long id) {
        return Transactions.read(contacts, em -> withPositions(em, find(em, id)));
    }

    public PersonDto create(PersonDto person) {
        return Transactions.inTransaction(contacts, em -> {
            Person created = new Person();
            apply(person, created);
            em.persist(created);
            em.flush();
            return withPositions(em, created);
        });
    }

    /** Changes the person to {@code changed}, whose {@code version} must be the current one; positions are changed on their own. */
    public PersonDto update(long id, PersonDto changed) {
        return Transactions.inTransaction(contacts, em -> {
            Person person = find(em, id);
            Fields.version(changed == null ? null : changed.version(), person.version, "Person " + id);
            apply(changed, person);
            em.flush();
            return withPositions(em, person);
        });
    }

    private void apply(PersonDto source, Person person) {
        apply(source, person, states::code);
    }

    /** A new person from {@code source}, checked as {@link #create} checks it; state codes resolved by {@code stateCode}. */
    Person newPerson(PersonDto source, UnaryOperator<String> stateCode) {
        Person person = new Person();
        apply(source, person, stateCode);
        return person;
    }

    private void apply(PersonDto source, Person person, UnaryOperator<String> stateCode) {
        if (source == null) {
            throw DomainException.invalid("familyName", "a JSON body is required");
        }
        person.honorific = Fields.optional("honorific", source.honorific(), 40);
        person.givenName = Fields.optional("givenName", source.givenName(), 100);
        person.familyName = Fields.required("familyName", source.familyName(), 100);
        person.nameKey = Names.key(person.displayName() + " " + person.familyName);
        person.email = Fields.email("email", source.email());
        person.phone = Fields.optional("phone", source.phone(), 60);
        person.stateIso2 = source.stateIso2() == null || source.stateIso2().isBlank() ? null : stateCode.apply(source.stateIso2());
        person.language = languages.check("language", source.language());
        person.consent = Boolean.TRUE.equals(source.consent());
        person.consentDate = person.consent ? (source.consentDate() != null ? source.consentDate() : LocalDate.now()) : null;
        if ((person.email != null || person.phone != null) && !person.consent) {
            throw DomainException.invalid("consent",
                    "contact details are kept only with the person's consent: set consent to true, or leave email and phone empty");
        }
        person.retentionNote = Fields.optional("retentionNote", source.retentionNote(), 500);
        person.notes = Fields.optional("notes", source.notes(), 2000);
    }

    /**
     * Removes the person, their positions and their places in static groups, unless they are a focal point,
     * hold a mandate or are named in the outreach log (a conflict: that record would lose whom it is about).
     * Mailings keep the name and address each recipient was sent to, as the outbox does.
     */
    public void delete(long id) {
        Transactions.inTransaction(contacts, em -> {
            Person person = find(em, id);
            long references = em.createQuery("SELECT COUNT(f) FROM FocalPoint f WHERE f.personId = :id", Long.class).setParameter("id", id).getSingleResult()
                    + em.createQuery("SELECT COUNT(m) FROM Mandate m WHERE m.personId = :id", Long.class).setParameter("id", id).getSingleResult();
            if (references > 0) {
                throw DomainException.conflict("Person " + id + " is a focal point or holds a mandate; remove those first");
            }
            long outreach = em.createQuery("SELECT COUNT(o) FROM OutreachEntry o WHERE o.personId = :id", Long.class).setParameter("id", id)
                    .getSingleResult();
            if (outreach > 0) {
                throw DomainException.conflict("Person " + id + " is named in " + outreach + " outreach entr" + (outreach == 1 ? "y" : "ies")
                        + "; change or remove those first");
            }
            em.createQuery("DELETE FROM GroupMembership g WHERE g.personId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM Position p WHERE p.personId = :id").setParameter("id", id).executeUpdate();
            em.remove(person);
            return null;
        });
    }

    /** Adds a position, in an organisation or a state's delegation (or both); answers the person with all positions. */
    public PersonDto addPosition(long personId, PositionDto position) {
        return Transactions.inTransaction(contacts, em -> {
            Person holder = find(em, personId);
            if (position == null) {
                throw DomainException.invalid("title", "a JSON body is required");
            }
            Position added = new Position();
            added.personId = holder.id;
            added.title = Fields.required("title", position.title(), 200);
            boolean inDelegation = position.stateIso2() != null && !position.stateIso2().isBlank();
            if (position.organisationId() == null && !inDelegation) {
                throw DomainException.invalid("organisationId", "a position is in an organisation (organisationId) or a delegation (stateIso2)");
            }
            if (position.organisationId() != null && em.find(Organisation.class, position.organisationId()) == null) {
                throw DomainException.invalid("organisationId", "no organisation " + position.organisationId());
            }
            added.organisationId = position.organisationId();
            added.stateIso2 = inDelegation ? states.code(position.stateIso2()) : null;
            Fields.period(position.startDate(), position.endDate());
            added.startDate = position.startDate();
            added.endDate = position.endDate();
            em.persist(added);
            em.flush();
            return withPositions(em, holder);
        });
    }

    public void removePosition(long personId, long positionId) {
        Transactions.inTransaction(contacts, em -> {
            Position position = em.find(Position.class, positionId);
            if (position == null || position.personId != personId) {
                throw DomainException.notFound("No position " + positionId + " of person " + personId);
            }
            em.remove(position);
            return null;
        });
    }

    public Optional<ContactSummary> summary(long id) {
        return Transactions.read(contacts, em -> Optional.ofNullable(em.find(Person.class, id)).map(Person::summary));
    }

    /** Refused, naming {@code personId}, unless the person exists. */
    public void check(long personId) {
        if (Transactions.read(contacts, em -> em.find(Person.class, personId)) == null) {
            throw DomainException.invalid("personId", "no person " + personId);
        }
    }

    private static Person find(EntityManager em, long id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            throw DomainException.notFound("No person " + id);
        }
        return person;
    }

    private static PersonDto withPositions(EntityManager em, Person person) {
        List<PositionDto> positions = new ArrayList<>();
        for (Position position : em.createQuery("SELECT p FROM Position p WHERE p.personId = :id ORDER BY p.startDate DESC, p.id DESC",
                Position.class).setParameter("id", person.id).getResultList()) {
            Organisation organisation = position.organisationId == null ? null : em.find(Organisation.class, position.organisationId);
            positions.add(PositionDto.of(position, organisation == null ? null : organisation.name));
        }
        return PersonDto.of(person, positions);
    }
}
