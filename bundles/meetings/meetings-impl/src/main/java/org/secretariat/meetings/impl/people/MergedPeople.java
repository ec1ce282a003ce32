package org.secretariat.meetings.impl.people;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.secretariat.contacts.api.PersonEvents;

/** Follows the contacts module's merges: participants linked to the person merged away now name the person kept. */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + PersonEvents.MERGED)
public class MergedPeople implements EventHandler {

    private final PersonLinks links;

    @Activate
    public MergedPeople(@Reference PersonLinks links) {
        this.links = links;
    }

    @Override
    public void handleEvent(Event event) {
        Object from = event.getProperty(PersonEvents.PERSON_ID);
        Object into = event.getProperty(PersonEvents.INTO_PERSON_ID);
        if (from instanceof Number && into instanceof Number) {
            links.merged(((Number) from).longValue(), ((Number) into).longValue());
        }
    }
}
