package org.secretariat.meetings.impl.service;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.secretariat.meetings.api.MeetingEvents;

/**
 * The {@link MeetingEvents} the module posts, once a change is committed. Without Event Admin nobody
 * listens, which is fine: the module works the same.
 */
@Component(service = Announcements.class)
public class Announcements {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    public Announcements() {
    }

    /** Posting to {@code events} for good, as a test wants. */
    Announcements(EventAdmin events) {
        this.events = events;
    }

    public void meetingChanged(long meetingId) {
        post(MeetingEvents.MEETING_CHANGED, Map.of(MeetingEvents.MEETING_ID, meetingId));
    }

    public void documentPublished(long meetingId, long documentId, String symbol) {
        post(MeetingEvents.DOCUMENT_PUBLISHED, document(meetingId, documentId, symbol));
    }

    /** A document was taken off the public side. */
    public void documentWithdrawn(long meetingId, long documentId, String symbol) {
        post(MeetingEvents.DOCUMENT_WITHDRAWN, document(meetingId, documentId, symbol));
    }

    /** A public issued document's title changed. */
    public void documentChanged(long meetingId, long documentId, String symbol) {
        post(MeetingEvents.DOCUMENT_CHANGED, document(meetingId, documentId, symbol));
    }

    private static Map<String, Object> document(long meetingId, long documentId, String symbol) {
        return Map.of(MeetingEvents.MEETING_ID, meetingId, MeetingEvents.DOCUMENT_ID, documentId, MeetingEvents.SYMBOL, symbol);
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
