package org.secretariat.sponsorship.impl.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.finance.api.earmarks.EarmarkedFunds;
import org.secretariat.meetings.api.MeetingAttendance;
import org.secretariat.meetings.api.MeetingRegistrations;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The other modules' services the sponsorship module uses, each while its module is installed (optional,
 * dynamic references, held in one place so every service sees the same): the meetings module's
 * {@link MeetingAttendance} (a meeting's dates and city) and {@link MeetingRegistrations} (an accepted
 * award registers a participant), the contacts module's {@link StateDirectory} and {@link ContactDirectory},
 * the finance module's {@link EarmarkedFunds} (what was received for a fund).
 */
@Component(service = Partners.class)
public class Partners {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingAttendance meetings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingRegistrations registrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StateDirectory states;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactDirectory contacts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EarmarkedFunds earmarks;

    public Partners() {
    }

    /** With finance's earmarked funds too (null: finance is not installed). */
    Partners(MeetingAttendance meetings, MeetingRegistrations registrations, StateDirectory states, ContactDirectory contacts,
            EarmarkedFunds earmarks) {
        this(meetings, registrations, states, contacts);
        this.earmarks = earmarks;
    }

    /** With the given services for good (null: that module is not installed), as a test wants. */
    Partners(MeetingAttendance meetings, MeetingRegistrations registrations, StateDirectory states, ContactDirectory contacts) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.states = states;
        this.contacts = contacts;
    }

    /** The meetings module's attendance service, or a 409 saying that {@code action} needs the meetings module. */
    MeetingAttendance meetings(String action) {
        MeetingAttendance service = meetings;
        if (service == null) {
            throw DomainException.conflict(action + " needs the meetings module, which is not installed: programmes are read-only without it");
        }
        return service;
    }

    MeetingRegistrations registrations(String action) {
        MeetingRegistrations service = registrations;
        if (service == null) {
            throw DomainException.conflict(action + " needs the meetings module, which is not installed: programmes are read-only without it");
        }
        return service;
    }

    /** Whether the meetings module is installed now. */
    public boolean meetingsInstalled() {
        return meetings != null && registrations != null;
    }

    Optional<StateDirectory> states() {
        return Optional.ofNullable(states);
    }

    Optional<ContactDirectory> contacts() {
        return Optional.ofNullable(contacts);
    }

    /** The finance module's earmarked contributions, while finance (1.2.0 or later) is installed. */
    Optional<EarmarkedFunds> earmarks() {
        return Optional.ofNullable(earmarks);
    }
}
