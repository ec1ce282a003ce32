package org.secretariat.meetings.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The meetings pages of the staff app: the list and calendar, and a meeting's page with its tabs. */
@Component
public class MeetingsPages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(
                WebPage.of("meetings", "meetings.js", "Meetings").label("fr", "Réunions").label("es", "Reuniones")
                        .permission(MeetingsPermissions.MEETING_READ),
                WebPage.of("practice", "practice.js", "Established practice").label("fr", "Pratique établie").label("es", "Práctica establecida")
                        .permission(MeetingsPermissions.MEETING_READ));
    }
}
