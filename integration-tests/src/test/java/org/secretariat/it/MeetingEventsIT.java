package org.secretariat.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
 * module will: Event Admin events when a meeting changes and when a public document is issued or
 * withdrawn, and the {@code MeetingCalendar} service listing public meetings and their public
 * documents, and (1.2) serving a public document's file with the bytes uploaded.
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

            byte[] pdf = "%PDF-1.4\n% agenda\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            Http.Answer document = admin.multipart("/api/meetings/" + meetingId + "/documents", Map.of("title", "Provisional agenda",
                    "category", "OFFICIAL", "language", "en"), "agenda.pdf", "application/pdf", pdf);
            assertEquals(document.toString(), 201, document.status);
            long documentId = document.json.get("id").asLong();
            assertEquals(200, admin.post("/api/meetings/" + meetingId + "/documents/" + documentId + "/publish", "{}").status);
            Event published = events.poll(10, TimeUnit.SECONDS);
            assertNotNull("publishing is announced", published);
            assertEquals("org/secretariat/meetings/DOCUMENT_PUBLISHED", published.getTopic());
            assertEquals(document.json.get("symbol").asText(), published.getProperty("symbol"));

            CalendarCheck.publicMeetingsAndDocuments(context, meetingId, document.json.get("symbol").asText());
            CalendarCheck.publicDocumentFile(context, documentId, pdf);

            assertEquals(200, admin.post("/api/meetings/" + meetingId + "/documents/" + documentId + "/unpublish", "").status);
            Event withdrawn = events.poll(10, TimeUnit.SECONDS);
            while (withdrawn != null && !withdrawn.getTopic().equals("org/secretariat/meetings/DOCUMENT_WITHDRAWN")) {
                withdrawn = events.poll(10, TimeUnit.SECONDS);
            }
            assertNotNull("withdrawing is announced", withdrawn);
            assertEquals(documentId, ((Number) withdrawn.getProperty("documentId")).longValue());
            CalendarCheck.notPublic(context, documentId);
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

        /** 1.2: the document's file as the website serves it, byte for byte. */
        static void publicDocumentFile(BundleContext context, long documentId, byte[] uploaded) throws Exception {
            ServiceReference<org.secretariat.meetings.api.MeetingCalendar> reference =
                    context.getServiceReference(org.secretariat.meetings.api.MeetingCalendar.class);
            org.secretariat.meetings.api.MeetingCalendar calendar = context.getService(reference);
            try {
                assertTrue(calendar.publicDocument(documentId).isPresent());
                org.secretariat.meetings.api.PublicDocumentFile file = calendar.publicDocumentFile(documentId, "en").orElseThrow();
                assertEquals("application/pdf", file.mediaType());
                assertEquals(uploaded.length, file.size());
                byte[] read;
                try (java.io.InputStream in = file.open()) {
                    read = in.readAllBytes();
                }
                assertArrayEquals(uploaded, read);
                assertEquals(file.sha256(), java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(read)));
                assertTrue(calendar.recentPublicDocuments(10).stream().anyMatch(d -> d.documentId() == documentId));
                assertEquals(1, calendar.searchPublicDocuments("PROVISIONAL agenda", 10).size());
            } finally {
                context.ungetService(reference);
            }
        }

        static void notPublic(BundleContext context, long documentId) {
            ServiceReference<org.secretariat.meetings.api.MeetingCalendar> reference =
                    context.getServiceReference(org.secretariat.meetings.api.MeetingCalendar.class);
            org.secretariat.meetings.api.MeetingCalendar calendar = context.getService(reference);
            try {
                assertFalse(calendar.publicDocument(documentId).isPresent());
                assertFalse(calendar.publicDocumentFile(documentId, "en").isPresent());
            } finally {
                context.ungetService(reference);
            }
        }
    }
}
