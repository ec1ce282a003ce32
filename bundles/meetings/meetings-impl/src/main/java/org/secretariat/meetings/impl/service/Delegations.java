package org.secretariat.meetings.impl.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.MeetingDelegations;
import org.secretariat.meetings.impl.domain.Participant;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * The heads of delegation at the last meeting of a type, offered to the contacts module (contacts-api 1.1
 * {@link MeetingDelegations}): its groups "heads of delegation at the last Meeting of States Parties" are
 * evaluated through this. Each head carries the person of the contacts module the participant is linked to
 * (1.2.0: by e-mail or by staff), else the address the registration gave, which the contacts module matches.
 */
@Component(service = MeetingDelegations.class)
public class Delegations implements MeetingDelegations {

    private final EntityManagerFactory factory;

    @Activate
    public Delegations(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Optional<Meeting> lastMeeting(String meetingType, LocalDate asOf) {
        if (meetingType == null || asOf == null) {
            return Optional.empty();
        }
        return Transactions.read(factory, em -> {
            List<org.secretariat.meetings.impl.domain.Meeting> last = em.createQuery("SELECT m FROM Meeting m WHERE m.type = :type"
                    + " AND m.startDate <= :asOf ORDER BY m.startDate DESC, m.id DESC", org.secretariat.meetings.impl.domain.Meeting.class)
                    .setParameter("type", meetingType).setParameter("asOf", asOf).setMaxResults(1).getResultList();
            if (last.isEmpty()) {
                return Optional.empty();
            }
            org.secretariat.meetings.impl.domain.Meeting meeting = last.get(0);
            List<Head> heads = em.createQuery("SELECT p FROM Participant p WHERE p.meetingId = :meeting AND p.role = :head"
                    + " AND p.status = :approved ORDER BY p.protocolGroup, p.delegationName, p.id", Participant.class)
                    .setParameter("meeting", meeting.id).setParameter("head", ParticipantRole.HEAD_OF_DELEGATION)
                    .setParameter("approved", RegistrationStatus.APPROVED).getResultList().stream()
                    .map(p -> new Head(p.stateIso2, p.delegationName, p.givenName == null || p.givenName.isBlank() ? p.familyName
                            : p.givenName + " " + p.familyName, p.email, p.personId))
                    .collect(Collectors.toList());
            return Optional.of(new Meeting(meeting.id, meeting.title, meeting.startDate, heads));
        });
    }
}
