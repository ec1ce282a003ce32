package org.secretariat.website.impl.web.meetings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.meetings.api.MeetingCalendar;

/**
 * Turns the site's meetings parts on while the meetings module's {@link MeetingCalendar} is there, and
 * off when it leaves. Each part is a component with a mandatory reference to the calendar, declared
 * disabled: an enabled component waiting for a service counts as a fault for the platform (health says
 * DOWN, and installing the website without meetings would be refused for a component not satisfied),
 * whereas a disabled one is simply not there. So the website installs and runs without meetings, and
 * its meetings pages, downloads, calendar, feed and search come and go with the module.
 */
@Component(immediate = true)
public class MeetingsParts {

    /** The components this switch enables: every part of the site fed by the meetings module. */
    static final List<String> PARTS = List.of(MeetingsSection.class.getName(), DocumentsSection.class.getName(),
            CalendarFileSection.class.getName(), DocumentFeed.class.getName(), DocumentSearch.class.getName());

    private final ComponentContext context;
    private final Set<Object> calendars = new HashSet<>();

    @Activate
    public MeetingsParts(ComponentContext context) {
        this.context = context;
    }

    @Reference(service = MeetingCalendar.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addCalendar(ServiceReference<MeetingCalendar> calendar) {
        if (calendars.add(calendar.getProperty(Constants.SERVICE_ID)) && calendars.size() == 1) {
            PARTS.forEach(context::enableComponent);
        }
    }

    synchronized void removeCalendar(ServiceReference<MeetingCalendar> calendar) {
        if (calendars.remove(calendar.getProperty(Constants.SERVICE_ID)) && calendars.isEmpty()) {
            PARTS.forEach(context::disableComponent);
        }
    }
}
