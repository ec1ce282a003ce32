package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * What the meetings module offers other modules, seen from inside the framework as the website
 * module will: Event Admin events when a meeting changes and when a public document is issued, and
 * the {@code MeetingCalendar} service listing public meetings and their public documents.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MeetingEventsIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        // The distribution's modules/ folder offers the meetings module.
        return PlatformOptions.platform("meeting-events-it", PlatformOptions.freePort());
    }

    @Test
    public void meetingChangesAndPublishedDocumentsArePostedAndTheCalendarServiceListsThem() throws Exception {
        Http admin = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals(200, admin.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
        assertEquals(200, admin.await("/api/platform/modules", 200, STARTUP).status);
        Http.Answer installed = admin.post("/api/platform/modules/meetings/install", "");
        assertEquals(installed.toString(), 200, installed.status);

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "org/secretariat/meetings/*");
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, events::add, properties);
        try {
            LocalDate start = LocalDate.now().plusMonths(1);
            Http.Answer created = admin.post("/api/meetings", "{\"type\":\"MSP\",\"number\":14,\"title\":\"Fourteenth Meeting of States Parties\","
                    + "\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(3) + "\",\"city\":\"Geneva\"}");
            assertEquals(created.toString(), 201, created.status);
            long meetingId = created.json.get("id").asLong();
            Event changed = events.poll(10, TimeUnit.SECONDS);
            assertNotNull("a new meeting is announced", changed);
            assertEquals("org/secretariat/meetings/MEETING_CHANGED", changed.getTopic());
            assertEquals(meetingId, ((Number) changed.getProperty("meetingId")).longValue());

            Http.Answer document = admin.multipart("/api/meetings/" + meetingId + "/documents", Map.of("title", "Provisional agenda",
                    "category", "OFFICIAL", "language", "en"), "agenda.pdf", "application/pdf",
                    "%PDF-1.4\n% agenda\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(document.toString(), 201, document.status);
            long documentId = document.json.get("id").asLong();
            assertEquals(200, admin.post("/api/meetings/" + meetingId + "/documents/" + documentId + "/publish", "{}").status);
            Event published = events.poll(10, TimeUnit.SECONDS);
            assertNotNull("publishing is announced", published);
            assertEquals("org/secretariat/meetings/DOCUMENT_PUBLISHED", published.getTopic());
            assertEquals(document.json.get("symbol").asText(), published.getProperty("symbol"));

            CalendarCheck.publicMeetingsAndDocuments(context, meetingId, document.json.get("symbol").asText());
        } finally {
            listener.unregister();
        }
    }

    /** Touches the meetings API only once the module is installed (the probe imports it dynamically). */
    static final class CalendarCheck {
        static void publicMeetingsAndDocuments(BundleContext context, long meetingId, String symbol) {
            ServiceReference<org.secretariat.meetings.api.MeetingCalendar> reference =
                    context.getServiceReference(org.secretariat.meetings.api.MeetingCalendar.class);
            assertNotNull("the MeetingCalendar service", reference);
            org.secretariat.meetings.api.MeetingCalendar calendar = context.getService(reference);
            try {
                List<org.secretariat.meetings.api.MeetingSummary> upcoming = calendar.upcomingPublicMeetings(10);
                assertTrue(upcoming.toString(), upcoming.stream().anyMatch(m -> m.id() == meetingId));
                List<org.secretariat.meetings.api.PublicDocument> documents = calendar.publicDocuments(meetingId);
                assertEquals(1, documents.size());
                assertEquals(symbol, documents.get(0).symbol());
                assertEquals(List.of("en"), documents.get(0).languages());
            } finally {
                context.ungetService(reference);
            }
        }
    }
}
