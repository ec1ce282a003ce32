package org.secretariat.meetings.impl.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Component;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.service.MeetingExtension;
import org.secretariat.meetings.impl.service.MeetingJson;
import org.secretariat.platform.api.domain.DomainException;

/**
 * Since 1.2: a meeting's {@code registrationDeadline} (an instant, or a day meaning its end in UTC), after
 * which the registration form refuses nominations (409); {@code registrationClosesAt} answers when it
 * closes in effect: the deadline, or without one the start of the meeting's first day (UTC). The
 * latter is read only (ignored when sent back).
 */
@Component(service = MeetingExtension.class)
public class RegistrationDeadline implements MeetingExtension {

    static final String DEADLINE = "registrationDeadline";
    static final String CLOSES_AT = "registrationClosesAt";
    private static final Set<String> FIELDS = Set.of(DEADLINE, CLOSES_AT);

    @Override
    public Set<String> fields() {
        return FIELDS;
    }

    /** When registration for the meeting closes: its deadline, or the start of its first day. */
    public static Instant closesAt(EntityManager em, Meeting meeting) {
        MeetingRegistration registration = em.find(MeetingRegistration.class, meeting.id);
        return registration != null && registration.deadline != null ? registration.deadline
                : meeting.startDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public void read(EntityManager em, Meeting meeting, MeetingJson json) {
        MeetingRegistration registration = em.find(MeetingRegistration.class, meeting.id);
        if (registration != null && registration.deadline != null) {
            json.extension(DEADLINE, registration.deadline.toString());
        }
        json.extension(CLOSES_AT, closesAt(em, meeting).toString());
    }

    @Override
    public void write(EntityManager em, Meeting meeting, MeetingJson body) {
        if (!body.extensions().containsKey(DEADLINE)) {
            return;
        }
        Instant deadline = instant(body.extensions().get(DEADLINE));
        if (deadline != null && deadline.isAfter(meeting.endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw DomainException.invalid(DEADLINE, DEADLINE + " is after the meeting's last day");
        }
        MeetingRegistration registration = em.find(MeetingRegistration.class, meeting.id);
        if (registration == null) {
            registration = new MeetingRegistration();
            registration.meetingId = meeting.id;
            em.persist(registration);
        }
        registration.deadline = deadline;
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof String && ((String) value).isBlank()) {
            return null;
        }
        if (!(value instanceof String) || ((String) value).length() > 40) {
            throw DomainException.invalid(DEADLINE, DEADLINE + " is an ISO-8601 instant such as 2011-08-31T17:00:00Z, or a day (its end, UTC)");
        }
        String text = ((String) value).strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
            } catch (DateTimeParseException notADay) {
                throw DomainException.invalid(DEADLINE, DEADLINE + " is an ISO-8601 instant such as 2011-08-31T17:00:00Z, or a day (its end, UTC)");
            }
        }
    }

    @Override
    public void delete(EntityManager em, Meeting meeting) {
        MeetingRegistration registration = em.find(MeetingRegistration.class, meeting.id);
        if (registration != null) {
            em.remove(registration);
        }
    }
}
