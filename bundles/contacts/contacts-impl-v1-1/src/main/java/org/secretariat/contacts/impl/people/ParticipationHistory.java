package org.secretariat.contacts.impl.people;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.MeetingParticipations;
import org.secretariat.contacts.impl.service.People;

/**
 * A person's participation in meetings, from the module that offers {@link MeetingParticipations} (the
 * meetings module) while it is installed; without it the answer says so.
 */
@Component(service = ParticipationHistory.class)
public class ParticipationHistory {

    /** A person's meetings, or why they cannot be known now. */
    public record History(boolean available, String reason, List<MeetingParticipations.Participation> items) {
    }

    private final People people;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingParticipations meetings;

    @Activate
    public ParticipationHistory(@Reference People people) {
        this.people = people;
    }

    /** With this provider for good (or none), as a test wants. */
    public ParticipationHistory(People people, MeetingParticipations meetings) {
        this.people = people;
        this.meetings = meetings;
    }

    /** The person's meetings, the latest first (404 for an unknown person). */
    public History of(long personId) {
        people.get(personId);
        MeetingParticipations provider = meetings;
        if (provider == null) {
            return new History(false, "the meetings module is not installed", List.of());
        }
        return new History(true, null, provider.participations(personId));
    }
}
