package org.secretariat.contacts.impl.groups;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;

/**
 * The heads of delegation at the last meeting of a type, from the meetings module. Until the meetings
 * module tells them through its API, a group of them cannot be evaluated.
 */
@Component(service = DelegationHeads.class)
public class MeetingsLink implements DelegationHeads {

    @Override
    public Optional<LastMeeting> lastMeeting(String meetingType) {
        return Optional.empty();
    }
}
