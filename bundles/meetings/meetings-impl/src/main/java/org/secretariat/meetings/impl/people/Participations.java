package org.secretariat.meetings.impl.people;

import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.MeetingParticipations;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.Participant;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * A person's participation history: the registrations linked to them, the latest meeting first. Offered
 * to the contacts module (contacts-api 1.1 {@link MeetingParticipations}), whose person page shows it, and
 * answered at {@code GET /api/meetings/participations?person=}.
 */
@Component(service = {MeetingParticipations.class, Participations.class})
public class Participations implements MeetingParticipations {

    static final int MAX = 500;

    private final EntityManagerFactory factory;

    @Activate
    public Participations(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public List<Participation> participations(long personId) {
        return Transactions.read(factory, em -> em.createQuery("SELECT p, m FROM Participant p, Meeting m WHERE p.personId = :person"
                + " AND m.id = p.meetingId ORDER BY m.startDate DESC, m.id DESC, p.id", Object[].class).setParameter("person", personId)
                .setMaxResults(MAX).getResultList().stream().map(row -> {
                    Participant p = (Participant) row[0];
                    Meeting m = (Meeting) row[1];
                    return new Participation(m.id, m.title, m.type, m.startDate, m.endDate, p.delegationName, p.stateIso2, p.role.name(),
                            p.positionTitle, p.status.name());
                }).collect(Collectors.toList()));
    }
}
