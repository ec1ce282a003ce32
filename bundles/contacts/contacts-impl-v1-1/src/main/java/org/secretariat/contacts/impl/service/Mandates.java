package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.Mandate;
import org.secretariat.contacts.impl.domain.MandateKind;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/** The Presidency and the thematic Coordinators by period. */
@Component(service = Mandates.class)
public class Mandates {

    private static final String HELD_ON = "m.startDate <= :asOf AND (m.endDate IS NULL OR m.endDate >= :asOf)";

    private final EntityManagerFactory contacts;
    private final States states;
    private final People people;
    private final Themes themes;

    @Activate
    public Mandates(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states,
            @Reference People people, @Reference Themes themes) {
        this.contacts = contacts;
        this.states = states;
        this.people = people;
        this.themes = themes;
    }

    /** A page of mandates, latest first: of a kind (or any), held on {@code asOf} (or ever). */
    public Page<MandateDto> list(MandateKind kind, LocalDate asOf, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        if (kind != null) {
            conditions.add("m.kind = :kind");
        }
        if (asOf != null) {
            conditions.add(HELD_ON);
        }
        String where = " FROM Mandate m" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(contacts, em -> {
            long total = bind(em.createQuery("SELECT COUNT(m)" + where, Long.class), kind, asOf).getSingleResult();
            List<Mandate> mandates = bind(em.createQuery("SELECT m" + where + " ORDER BY m.startDate DESC, m.id DESC", Mandate.class), kind, asOf)
                    .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
            Map<String, String> stateNames = states.englishNames(mandates.stream().map(m -> m.stateIso2).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            List<MandateDto> items = mandates.stream().map(m -> dto(em, m, stateNames)).collect(Collectors.toList());
            return Page.of(items, total, page);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, MandateKind kind, LocalDate asOf) {
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        return query;
    }

    public MandateDto create(MandateDto mandate) {
        Mandate created = new Mandate();
        apply(mandate, created);
        return Transactions.inTransaction(contacts, em -> {
            em.persist(created);
            em.flush();
            return dto(em, created);
        });
    }

    /** Changes the mandate to {@code changed}, whose {@code version} must be the current one. */
    public MandateDto update(long id, MandateDto changed) {
        return Transactions.inTransaction(contacts, em -> {
            Mandate mandate = find(em, id);
            Fields.version(changed == null ? null : changed.version(), mandate.version, "Mandate " + id);
            apply(changed, mandate);
            em.flush();
            return dto(em, mandate);
        });
    }

    private void apply(MandateDto source, Mandate mandate) {
        if (source == null) {
            throw DomainException.invalid("kind", "a JSON body is required");
        }
        mandate.kind = Fields.present("kind", source.kind(), "PRESIDENCY or COORDINATOR");
        mandate.theme = themes.check(source.theme());
        if (mandate.kind == MandateKind.COORDINATOR && mandate.theme == null) {
            throw DomainException.invalid("theme", "a Coordinator's mandate has a theme");
        }
        mandate.stateIso2 = source.stateIso2() == null || source.stateIso2().isBlank() ? null : states.code(source.stateIso2());
        if (source.personId() != null) {
            people.check(source.personId());
        }
        mandate.personId = source.personId();
        if (mandate.stateIso2 == null && mandate.personId == null) {
            throw DomainException.invalid("stateIso2", "a mandate is held by a state (stateIso2), a person (personId) or both");
        }
        mandate.startDate = Fields.present("startDate", source.startDate(), "the first day of the mandate");
        Fields.period(source.startDate(), source.endDate());
        mandate.endDate = source.endDate();
    }

    public void delete(long id) {
        Transactions.inTransaction(contacts, em -> {
            em.remove(find(em, id));
            return null;
        });
    }

    /** The people who held a mandate of this kind (and theme, if given, in any case) on {@code asOf}, today if null. */
    public List<ContactSummary> holders(MandateKind kind, String theme, LocalDate asOf) {
        LocalDate date = asOf == null ? States.today() : asOf;
        return Transactions.read(contacts, em -> {
            List<ContactSummary> holders = new ArrayList<>();
            for (Mandate held : em.createQuery("SELECT m FROM Mandate m WHERE m.kind = :kind AND " + HELD_ON + " ORDER BY m.startDate",
                    Mandate.class).setParameter("kind", kind).setParameter("asOf", date).getResultList()) {
                if (theme != null && !theme.equalsIgnoreCase(held.theme)) {
                    continue;
                }
                Person person = held.personId == null ? null : em.find(Person.class, held.personId);
                if (person != null) {
                    holders.add(person.summary());
                }
            }
            return holders;
        });
    }

    private MandateDto dto(EntityManager em, Mandate mandate) {
        Map<String, String> stateNames = mandate.stateIso2 == null ? Map.of() : states.englishNames(List.of(mandate.stateIso2));
        return dto(em, mandate, stateNames);
    }

    private static MandateDto dto(EntityManager em, Mandate mandate, Map<String, String> stateNames) {
        Person person = mandate.personId == null ? null : em.find(Person.class, mandate.personId);
        return new MandateDto(mandate.id, mandate.kind, mandate.theme, mandate.stateIso2,
                mandate.stateIso2 == null ? null : stateNames.getOrDefault(mandate.stateIso2, mandate.stateIso2), mandate.personId,
                person == null ? null : person.displayName(), mandate.startDate, mandate.endDate, mandate.version);
    }

    private static Mandate find(EntityManager em, long id) {
        Mandate mandate = em.find(Mandate.class, id);
        if (mandate == null) {
            throw DomainException.notFound("No mandate " + id);
        }
        return mandate;
    }
}
