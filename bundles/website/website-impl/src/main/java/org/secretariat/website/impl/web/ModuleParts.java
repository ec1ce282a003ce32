package org.secretariat.website.impl.web;

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
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.expertise.api.PublicOffers;
import org.secretariat.finance.api.PublishedContributions;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.sponsorship.api.SponsorshipStatistics;
import org.secretariat.website.impl.web.meetings.CalendarFileSection;
import org.secretariat.website.impl.web.meetings.DocumentFeed;
import org.secretariat.website.impl.web.meetings.DocumentSearch;
import org.secretariat.website.impl.web.meetings.DocumentsSection;
import org.secretariat.website.impl.web.meetings.MeetingsSection;

/**
 * Turns on the parts of the site another module feeds while that module's API service is there, and
 * off when it leaves: the meetings pages, downloads, calendar, document feed and search with the
 * meetings module's {@link MeetingCalendar}; the status page with the contacts module's
 * {@link StateDirectory}; the contributions page with the finance module's {@link PublishedContributions}; the
 * sponsorship statistics with the sponsorship module's {@link SponsorshipStatistics}; the offers of expertise with
 * the expertise module's {@link PublicOffers}.
 * Each part is a component with a mandatory reference to its module's service, declared disabled: an
 * enabled component waiting for a service is a fault for the platform (health DOWN, and the website's
 * install refused for a component not satisfied), a disabled one is simply not there. So the website
 * installs and runs without any of those modules, and each part comes and goes with its module (an
 * upgrade binds the new service before the old one leaves: the parts stay on).
 */
@Component(immediate = true)
public class ModuleParts {

    static final List<String> MEETINGS = List.of(MeetingsSection.class.getName(), DocumentsSection.class.getName(),
            CalendarFileSection.class.getName(), DocumentFeed.class.getName(), DocumentSearch.class.getName());
    static final List<String> CONTACTS = List.of(StatusSection.class.getName());
    static final List<String> FINANCE = List.of(ContributionsSection.class.getName());
    static final List<String> SPONSORSHIP = List.of(SponsorshipSection.class.getName());
    static final List<String> EXPERTISE = List.of(OffersSection.class.getName());

    private final Switch meetings;
    private final Switch contacts;
    private final Switch finance;
    private final Switch sponsorship;
    private final Switch expertise;

    @Activate
    public ModuleParts(ComponentContext context) {
        this.meetings = new Switch(context, MEETINGS);
        this.contacts = new Switch(context, CONTACTS);
        this.finance = new Switch(context, FINANCE);
        this.sponsorship = new Switch(context, SPONSORSHIP);
        this.expertise = new Switch(context, EXPERTISE);
    }

    @Reference(service = MeetingCalendar.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCalendar(ServiceReference<MeetingCalendar> calendar) {
        meetings.add(calendar);
    }

    void removeCalendar(ServiceReference<MeetingCalendar> calendar) {
        meetings.remove(calendar);
    }

    @Reference(service = StateDirectory.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDirectory(ServiceReference<StateDirectory> directory) {
        contacts.add(directory);
    }

    void removeDirectory(ServiceReference<StateDirectory> directory) {
        contacts.remove(directory);
    }

    @Reference(service = PublishedContributions.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPublications(ServiceReference<PublishedContributions> published) {
        finance.add(published);
    }

    void removePublications(ServiceReference<PublishedContributions> published) {
        finance.remove(published);
    }

    @Reference(service = SponsorshipStatistics.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStatistics(ServiceReference<SponsorshipStatistics> statistics) {
        sponsorship.add(statistics);
    }

    void removeStatistics(ServiceReference<SponsorshipStatistics> statistics) {
        sponsorship.remove(statistics);
    }

    @Reference(service = PublicOffers.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOffers(ServiceReference<PublicOffers> offers) {
        expertise.add(offers);
    }

    void removeOffers(ServiceReference<PublicOffers> offers) {
        expertise.remove(offers);
    }

    /** The parts of one module: on from its first service, off when its last one leaves. */
    static final class Switch {
        private final ComponentContext context;
        private final List<String> parts;
        private final Set<Object> services = new HashSet<>();

        Switch(ComponentContext context, List<String> parts) {
            this.context = context;
            this.parts = parts;
        }

        synchronized void add(ServiceReference<?> service) {
            if (services.add(service.getProperty(Constants.SERVICE_ID)) && services.size() == 1) {
                parts.forEach(context::enableComponent);
            }
        }

        synchronized void remove(ServiceReference<?> service) {
            if (services.remove(service.getProperty(Constants.SERVICE_ID)) && services.isEmpty()) {
                parts.forEach(context::disableComponent);
            }
        }
    }
}
