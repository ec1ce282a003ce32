package org.secretariat.meetings.impl.service;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingAttendance;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.platform.api.persistence.Transactions;

/** Which states took part in a meeting (an approved participant in a state's delegation), for other modules. */
@Component(service = MeetingAttendance.class)
public class Attendance implements MeetingAttendance {

    private final EntityManagerFactory factory;

    @Activate
    public Attendance(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public Optional<MeetingSummary> meeting(long meetingId) {
        return Transactions.read(factory, em -> Optional.ofNullable(em.find(Meeting.class, meetingId)).map(PublicCalendar::summary));
    }

    @Override
    public List<String> statesTakingPart(long meetingId) {
        return Transactions.read(factory, em -> em.createQuery("SELECT DISTINCT p.stateIso2 FROM Participant p WHERE p.meetingId = :meeting"
                + " AND p.delegationKind = :state AND p.status = :approved AND p.stateIso2 IS NOT NULL ORDER BY p.stateIso2", String.class)
                .setParameter("meeting", meetingId).setParameter("state", DelegationKind.STATE).setParameter("approved", RegistrationStatus.APPROVED)
                .getResultList());
    }
}
