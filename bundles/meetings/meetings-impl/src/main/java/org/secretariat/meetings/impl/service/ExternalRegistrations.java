package org.secretariat.meetings.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingRegistrations;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ExternalRegistration;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * meetings-api 1.3's {@link MeetingRegistrations}: another module (sponsorship) registers approved
 * participants, each once under its key. The participant is checked and approved as the unit's own
 * registrations are ({@link Participants#registerApproved}); the key is written in the same
 * transaction, so a participant is never registered without it, nor twice under it.
 */
@Component(service = MeetingRegistrations.class)
public class ExternalRegistrations implements MeetingRegistrations {

    private final EntityManagerFactory factory;
    private final Participants participants;
    private final Clock clock;

    @Activate
    public ExternalRegistrations(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory,
            @Reference Participants participants) {
        this(factory, participants, Clock.systemUTC());
    }

    ExternalRegistrations(EntityManagerFactory factory, Participants participants, Clock clock) {
        this.factory = factory;
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public long register(long meetingId, String externalKey, Delegate delegate) {
        String key = Fields.required("externalKey", externalKey, 100);
        return Transactions.inTransaction(factory, em -> {
            ExternalRegistration known = em.find(ExternalRegistration.class, key);
            if (known != null) {
                if (known.meetingId != meetingId) {
                    throw DomainException.conflict("the key " + key + " registered a participant of meeting " + known.meetingId
                            + ", not of meeting " + meetingId);
                }
                return known.participantId;
            }
            if (delegate == null) {
                throw DomainException.invalid("familyName", "a delegate is required");
            }
            Registration registered = participants.registerApproved(em, meetingId, registration(delegate), delegate.sponsored());
            ExternalRegistration registration = new ExternalRegistration();
            registration.externalKey = key;
            registration.meetingId = meetingId;
            registration.participantId = registered.id();
            registration.registeredAt = Instant.now(clock);
            em.persist(registration);
            return registered.id();
        });
    }

    @Override
    public boolean withdraw(String externalKey) {
        String key = Fields.required("externalKey", externalKey, 100);
        return Transactions.inTransaction(factory, em -> {
            ExternalRegistration known = em.find(ExternalRegistration.class, key);
            return known != null && participants.withdraw(em, known.participantId);
        });
    }

    private static Registration registration(Delegate delegate) {
        DelegationKind kind = delegate.stateIso2() == null ? DelegationKind.ORGANISATION : DelegationKind.STATE;
        return new Registration(null, kind, delegate.stateIso2(), delegate.delegation(), null, null, delegate.givenName(), delegate.familyName(),
                delegate.positionTitle(), delegate.email(), role(delegate.role()), null, null, null, null, delegate.language(), null, null, null,
                null, null);
    }

    private static ParticipantRole role(String role) {
        if (role == null || role.isBlank()) {
            return ParticipantRole.DELEGATE;
        }
        try {
            return ParticipantRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", "role is HEAD_OF_DELEGATION, DELEGATE, ADVISER or OBSERVER, not '" + role + "'");
        }
    }
}
