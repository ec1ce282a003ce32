package org.secretariat.contacts.impl.service;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.FocalPoint;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/** National focal points: the people a state named, per theme (or for the convention as a whole). */
@Component(service = FocalPoints.class)
public class FocalPoints {

    private final EntityManagerFactory contacts;
    private final States states;
    private final People people;
    private final Themes themes;

    @Activate
    public FocalPoints(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states,
            @Reference People people, @Reference Themes themes) {
        this.contacts = contacts;
        this.states = states;
        this.people = people;
        this.themes = themes;
    }

    /** The focal points of a state (any case; not found if there is no such state), by theme. */
    public List<FocalPointDto> ofState(String iso2) {
        String code = states.existing(iso2);
        return Transactions.read(contacts, em -> em.createQuery("SELECT f FROM FocalPoint f WHERE f.stateIso2 = :state ORDER BY f.theme, f.id",
                FocalPoint.class).setParameter("state", code).getResultList().stream().map(f -> dto(em, f)).collect(Collectors.toList()));
    }

    public FocalPointDto add(FocalPointDto focalPoint) {
        if (focalPoint == null) {
            throw DomainException.invalid("personId", "a JSON body is required");
        }
        FocalPoint added = new FocalPoint();
        added.stateIso2 = states.code(Fields.present("stateIso2", focalPoint.stateIso2(), "the state's ISO code"));
        added.personId = Fields.present("personId", focalPoint.personId(), "the person named focal point");
        people.check(added.personId);
        added.theme = themes.check(focalPoint.theme());
        Fields.period(focalPoint.startDate(), focalPoint.endDate());
        added.startDate = focalPoint.startDate();
        added.endDate = focalPoint.endDate();
        return Transactions.inTransaction(contacts, em -> {
            em.persist(added);
            em.flush();
            return dto(em, added);
        });
    }

    public void remove(long id) {
        Transactions.inTransaction(contacts, em -> {
            FocalPoint focalPoint = em.find(FocalPoint.class, id);
            if (focalPoint == null) {
                throw DomainException.notFound("No focal point " + id);
            }
            em.remove(focalPoint);
            return null;
        });
    }

    /** The people who are focal points of a state, for a theme or for any when {@code theme} is null, by name. */
    public List<ContactSummary> people(String iso2, String theme) {
        if (iso2 == null) {
            return List.of();
        }
        return Transactions.read(contacts, em -> {
            TypedQuery<Person> query = em.createQuery("SELECT p FROM FocalPoint f, Person p WHERE p.id = f.personId AND f.stateIso2 = :state"
                    + (theme == null ? "" : " AND f.theme = :theme") + " ORDER BY p.nameKey", Person.class)
                    .setParameter("state", iso2.toUpperCase(Locale.ROOT));
            if (theme != null) {
                query.setParameter("theme", theme);
            }
            return query.getResultList().stream().map(Person::summary).collect(Collectors.toList());
        });
    }

    private static FocalPointDto dto(EntityManager em, FocalPoint focalPoint) {
        Person person = em.find(Person.class, focalPoint.personId);
        return new FocalPointDto(focalPoint.id, focalPoint.stateIso2, focalPoint.personId, person == null ? null : person.displayName(),
                person == null ? null : person.contactEmail(), focalPoint.theme, focalPoint.startDate, focalPoint.endDate);
    }
}
