package org.secretariat.contacts.impl.groups;

import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.MeetingDelegations;
import org.secretariat.contacts.impl.service.States;

/**
 * The heads of delegation at the last meeting of a type, from the module that offers
 * {@link MeetingDelegations} (the meetings module) while it is installed; without it, a group of them
 * cannot be evaluated, and says so.
 */
@Component(service = DelegationHeads.class)
public class MeetingsLink implements DelegationHeads {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingDelegations meetings;

    public MeetingsLink() {
    }

    /** With this provider for good (or none), as a test wants. */
    MeetingsLink(MeetingDelegations meetings) {
        this.meetings = meetings;
    }

    @Override
    public Optional<LastMeeting> lastMeeting(String meetingType) {
        MeetingDelegations provider = meetings;
        if (provider == null) {
            return Optional.empty();
        }
        return Optional.of(provider.lastMeeting(meetingType, States.today())
                .map(meeting -> new LastMeeting(meeting.title(), meeting.heads().stream()
                        .map(head -> new Head(head.stateIso2(), head.name(), head.email(), head.personId())).collect(Collectors.toList())))
                .orElse(new LastMeeting(null, java.util.List.of())));
    }
}
