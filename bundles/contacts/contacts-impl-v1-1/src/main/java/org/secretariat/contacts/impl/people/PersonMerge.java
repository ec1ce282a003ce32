package org.secretariat.contacts.impl.people;

import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.secretariat.contacts.api.PersonEvents;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.service.PersonDto;
import org.secretariat.contacts.impl.service.People;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Two records of one person made one: everything the merged person is named in (positions, focal points,
 * mandates, static groups, the outreach log, mailings) moves to the kept person, who takes the merged one's
 * consent and contact details where they have none, in one transaction; the merged record is deleted. Once
 * committed, {@link PersonEvents#MERGED} tells other modules (the meetings module relinks its participants).
 */
@Component(service = PersonMerge.class)
public class PersonMerge {

    /** A merge: the person kept. */
    public record Input(Long into) {
    }

    private final EntityManagerFactory contacts;
    private final People people;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public PersonMerge(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference People people) {
        this.contacts = contacts;
        this.people = people;
    }

    /** With this Event Admin for good (or none), as a test wants. */
    public PersonMerge(EntityManagerFactory contacts, People people, EventAdmin events) {
        this(contacts, people);
        this.events = events;
    }

    /** Merges person {@code id} into {@code body.into}; answers the person kept. */
    public PersonDto merge(long id, Input body) {
        Long into = body == null ? null : body.into();
        if (into == null) {
            throw DomainException.invalid("into", "into is required: the id of the person to keep");
        }
        if (into == id) {
            throw DomainException.invalid("into", "a person is not merged into themselves");
        }
        Transactions.inTransaction(contacts, em -> {
            Person merged = em.find(Person.class, id);
            if (merged == null) {
                throw DomainException.notFound("No person " + id);
            }
            Person kept = em.find(Person.class, into);
            if (kept == null) {
                throw DomainException.invalid("into", "no person " + into);
            }
            takeDetails(merged, kept);
            move(em, id, into);
            em.remove(merged);
            em.flush();
            return null;
        });
        EventAdmin current = events;
        if (current != null) {
            current.postEvent(new Event(PersonEvents.MERGED, Map.of(PersonEvents.PERSON_ID, id, PersonEvents.INTO_PERSON_ID, into)));
        }
        return people.get(into);
    }

    /**
     * The kept person's details stay; what they lack is taken from the merged one. Consent goes with the
     * contact details it covers: the kept person takes the merged one's address only with their consent.
     */
    private static void takeDetails(Person merged, Person kept) {
        if (merged.consent && !kept.consent) {
            kept.consent = true;
            kept.consentDate = merged.consentDate;
            if (kept.retentionNote == null) {
                kept.retentionNote = merged.retentionNote;
            }
        }
        if (merged.consent && kept.email == null) {
            kept.email = merged.email;
        }
        if (merged.consent && kept.phone == null) {
            kept.phone = merged.phone;
        }
        if (kept.language == null) {
            kept.language = merged.language;
        }
        if (kept.stateIso2 == null) {
            kept.stateIso2 = merged.stateIso2;
        }
        if (kept.givenName == null) {
            kept.givenName = merged.givenName;
        }
        if (kept.honorific == null) {
            kept.honorific = merged.honorific;
        }
        if (merged.notes != null) {
            String notes = kept.notes == null ? merged.notes : kept.notes + "\n" + merged.notes;
            kept.notes = notes.length() > 2000 ? notes.substring(0, 2000) : notes;
        }
    }

    private static void move(EntityManager em, long from, long to) {
        em.createQuery("UPDATE Position p SET p.personId = :to WHERE p.personId = :from").setParameter("to", to).setParameter("from", from)
                .executeUpdate();
        em.createQuery("UPDATE FocalPoint f SET f.personId = :to WHERE f.personId = :from").setParameter("to", to).setParameter("from", from)
                .executeUpdate();
        em.createQuery("UPDATE Mandate m SET m.personId = :to WHERE m.personId = :from").setParameter("to", (Long) to).setParameter("from", (Long) from)
                .executeUpdate();
        em.createQuery("UPDATE OutreachEntry o SET o.personId = :to WHERE o.personId = :from").setParameter("to", (Long) to)
                .setParameter("from", (Long) from).executeUpdate();
        // A group or a mailing holds a person once: where both were, the kept person's place stays.
        em.createQuery("DELETE FROM GroupMembership g WHERE g.personId = :from AND g.groupId IN"
                + " (SELECT k.groupId FROM GroupMembership k WHERE k.personId = :to)").setParameter("to", to).setParameter("from", from).executeUpdate();
        em.createQuery("UPDATE GroupMembership g SET g.personId = :to WHERE g.personId = :from").setParameter("to", to).setParameter("from", from)
                .executeUpdate();
        em.createQuery("UPDATE MailingRecipient r SET r.personId = :to WHERE r.personId = :from AND r.mailingId NOT IN"
                + " (SELECT k.mailingId FROM MailingRecipient k WHERE k.personId = :to)").setParameter("to", to).setParameter("from", from)
                .executeUpdate();
    }
}
