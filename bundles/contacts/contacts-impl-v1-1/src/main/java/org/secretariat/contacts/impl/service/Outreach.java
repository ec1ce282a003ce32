package org.secretariat.contacts.impl.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.impl.domain.Organisation;
import org.secretariat.contacts.impl.domain.OutreachEntry;
import org.secretariat.contacts.impl.domain.OutreachKind;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * The universalization outreach log: interactions with a state, an organisation or a person (date, kind,
 * who, summary, next step). An entry with an organisation or a person carries the state it concerns (theirs
 * unless told otherwise), so a state's log shows the contacts with its ministries and delegates too.
 */
@Component(service = Outreach.class)
public class Outreach {

    private final EntityManagerFactory contacts;
    private final States states;
    private final Organisations organisations;
    private final People people;

    @Activate
    public Outreach(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states,
            @Reference Organisations organisations, @Reference People people) {
        this.contacts = contacts;
        this.states = states;
        this.organisations = organisations;
        this.people = people;
    }

    /** The log of a state (any case; not found if there is no such state), latest first. */
    public Page<OutreachDto> ofState(String iso2, PageRequest page) {
        return list(states.existing(iso2), null, null, page);
    }

    /**
     * The log, latest first: of a state (any case; not found if there is no such state), of an organisation,
     * of a person, each optional and together all required; everything when none is given.
     */
    public Page<OutreachDto> list(String iso2, Long organisationId, Long personId, PageRequest page) {
        String code = iso2 == null ? null : states.existing(iso2);
        List<String> conditions = new ArrayList<>();
        if (code != null) {
            conditions.add("o.stateIso2 = :state");
        }
        if (organisationId != null) {
            conditions.add("o.organisationId = :organisation");
        }
        if (personId != null) {
            conditions.add("o.personId = :person");
        }
        String where = " FROM OutreachEntry o" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(contacts, em -> {
            long total = bind(em.createQuery("SELECT COUNT(o)" + where, Long.class), code, organisationId, personId).getSingleResult();
            List<OutreachEntry> entries = bind(em.createQuery("SELECT o" + where + " ORDER BY o.occurredOn DESC, o.id DESC", OutreachEntry.class),
                    code, organisationId, personId).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            return Page.of(dtos(em, entries), total, page);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String state, Long organisationId, Long personId) {
        if (state != null) {
            query.setParameter("state", state);
        }
        if (organisationId != null) {
            query.setParameter("organisation", organisationId);
        }
        if (personId != null) {
            query.setParameter("person", personId);
        }
        return query;
    }

    /** Records a contact that took place, by {@code actor}. */
    public OutreachDto record(OutreachDto entry, String actor) {
        if (entry == null) {
            throw DomainException.invalid("stateIso2", "a JSON body is required");
        }
        OutreachEntry recorded = new OutreachEntry();
        recorded.createdBy = actor;
        with(entry, recorded);
        apply(entry, recorded);
        return Transactions.inTransaction(contacts, em -> {
            em.persist(recorded);
            em.flush();
            return dtos(em, List.of(recorded)).get(0);
        });
    }

    /**
     * Who the contact was with: a state, an organisation or a person (or an organisation and a person of it);
     * with an organisation or a person and no state given, the state is theirs, if they have one.
     */
    private void with(OutreachDto source, OutreachEntry entry) {
        boolean stateGiven = source.stateIso2() != null && !source.stateIso2().isBlank();
        if (!stateGiven && source.organisationId() == null && source.personId() == null) {
            throw DomainException.invalid("stateIso2", "an outreach entry is with a state (stateIso2), an organisation (organisationId) or a person (personId)");
        }
        if (source.organisationId() != null) {
            organisations.check(source.organisationId());
        }
        if (source.personId() != null) {
            people.check(source.personId());
        }
        entry.organisationId = source.organisationId();
        entry.personId = source.personId();
        if (stateGiven) {
            entry.stateIso2 = states.code(source.stateIso2());
        } else {
            entry.stateIso2 = Transactions.read(contacts, em -> {
                Person person = entry.personId == null ? null : em.find(Person.class, entry.personId);
                Organisation organisation = entry.organisationId == null ? null : em.find(Organisation.class, entry.organisationId);
                return person != null && person.stateIso2 != null ? person.stateIso2 : organisation == null ? null : organisation.stateIso2;
            });
        }
    }

    /**
     * Changes the entry to {@code changed}, whose {@code version} must be the current one. Who it was with
     * stays (an entry of 1.0 has only its state), so a client of 1.0 that sends none of it changes nothing there.
     */
    public OutreachDto update(long id, OutreachDto changed) {
        return Transactions.inTransaction(contacts, em -> {
            OutreachEntry entry = find(em, id);
            Fields.version(changed == null ? null : changed.version(), entry.version, "Outreach entry " + id);
            apply(changed, entry);
            em.flush();
            return dtos(em, List.of(entry)).get(0);
        });
    }

    private static void apply(OutreachDto source, OutreachEntry entry) {
        if (source == null) {
            throw DomainException.invalid("summary", "a JSON body is required");
        }
        entry.occurredOn = Fields.present("date", source.date(), "the day of the contact");
        if (entry.occurredOn.isAfter(States.today())) {
            throw DomainException.invalid("date", "date is in the future: record outreach once it happened (plan it in nextStep)");
        }
        entry.kind = Fields.present("kind", source.kind(), Arrays.toString(OutreachKind.values()));
        entry.staff = Fields.required("staff", source.staff(), 200);
        entry.summary = Fields.required("summary", source.summary(), 4000);
        entry.nextStep = Fields.optional("nextStep", source.nextStep(), 1000);
    }

    public void delete(long id) {
        Transactions.inTransaction(contacts, em -> {
            em.remove(find(em, id));
            return null;
        });
    }

    /** The entries with the names of their organisations and people, read once per page. */
    private static List<OutreachDto> dtos(EntityManager em, List<OutreachEntry> entries) {
        Map<Long, String> organisationNames = names(em, "SELECT o FROM Organisation o WHERE o.id IN :ids", Organisation.class,
                entries.stream().map(e -> e.organisationId).filter(Objects::nonNull).collect(Collectors.toSet()), o -> o.id, o -> o.name);
        Map<Long, String> personNames = names(em, "SELECT p FROM Person p WHERE p.id IN :ids", Person.class,
                entries.stream().map(e -> e.personId).filter(Objects::nonNull).collect(Collectors.toSet()), p -> p.id, Person::displayName);
        return entries.stream().map(e -> OutreachDto.of(e, e.organisationId == null ? null : organisationNames.get(e.organisationId),
                e.personId == null ? null : personNames.get(e.personId))).collect(Collectors.toList());
    }

    private static <T> Map<Long, String> names(EntityManager em, String query, Class<T> type, Set<Long> ids, Function<T, Long> id,
            Function<T, String> name) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(query, type).setParameter("ids", ids).getResultList().stream().collect(Collectors.toMap(id, name));
    }

    private static OutreachEntry find(EntityManager em, long id) {
        OutreachEntry entry = em.find(OutreachEntry.class, id);
        if (entry == null) {
            throw DomainException.notFound("No outreach entry " + id);
        }
        return entry;
    }
}
