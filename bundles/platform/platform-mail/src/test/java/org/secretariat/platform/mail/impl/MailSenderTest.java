package org.secretariat.platform.mail.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.testing.ModuleDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The sender against a real SMTP server (GreenMail) and a real outbox over Derby. */
class MailSenderTest {

    private static ModuleDatabase database;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final RecordingAudit audit = new RecordingAudit();
    private int port;
    private GreenMail smtp;
    private Outbox outbox;

    @BeforeAll
    static void open() {
        database = ModuleDatabase.of("mail", OutboxMessage.class);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        smtp = server(port);
        outbox = new Outbox(database.factory(), clock);
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        Transactions.inTransaction(database.factory(), em -> em.createNativeQuery("DELETE FROM MAIL_OUTBOX").executeUpdate());
    }

    private static GreenMail server(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void queue(Mail mail) {
        assertTrue((boolean) Transactions.<Boolean>inTransaction(database.factory(), em -> outbox.queue(em, mail)));
    }

    private MailSender sender(TestMailConfiguration configuration) {
        return new MailSender(configuration, outbox, audit, clock);
    }

    @Test
    void queuedMessagesGoOutOnceWithTheirHeadersAndAreMarkedSent() throws Exception {
        queue(OutboxTest.mail("meetings:ack:1"));
        queue(new Mail("meetings:notice:2", "meetings", "document-available", "es", "participante@example.org", null,
                "Documento disponible: ¿Informe final?", "El documento está disponible.", "<p>El documento está <b>disponible</b>.</p>"));
        MailSender sender = sender(new TestMailConfiguration(port));

        assertFalse(sender.round(), "a batch that was not full: no hurry for the next round");
        assertFalse(sender.round());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length, "each once");

        MimeMessage ack = find(received, "Accusé de réception");
        assertEquals("Implementation Support Unit <isu@secretariat.example.org>", ack.getHeader("From", null));
        assertEquals("=?UTF-8?Q?D=C3=A9l=C3=A9gu=C3=A9_Exemple?= <delegate@example.org>", ack.getHeader("To", null));
        assertEquals(SmtpConnection.messageId("meetings:ack:1", "isu@secretariat.example.org"), ack.getMessageID());
        assertTrue(ack.getMessageID().matches("<[0-9a-f]{32}\\.outbox@secretariat\\.example\\.org>"), ack.getMessageID());
        assertEquals("fr", ack.getHeader("Content-Language", null));
        assertEquals("auto-generated", ack.getHeader("Auto-Submitted", null));
        assertTrue(ack.getContentType().startsWith("text/plain; charset=UTF-8"), ack.getContentType());
        assertEquals("Bonjour,\r\nvotre inscription est reçue.", ((String) ack.getContent()).strip());

        MimeMessage notice = find(received, "Documento disponible: ¿Informe final?");
        assertTrue(notice.getContentType().startsWith("multipart/alternative"), notice.getContentType());
        MimeMultipart parts = (MimeMultipart) notice.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).getContentType().startsWith("text/plain"));
        assertEquals("El documento está disponible.", ((String) parts.getBodyPart(0).getContent()).strip());
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html"));
        assertEquals("<p>El documento está <b>disponible</b>.</p>", ((String) parts.getBodyPart(1).getContent()).strip());

        assertEquals("SENT", outbox.find("meetings:ack:1").state());
        assertEquals(clock.instant(), outbox.find("meetings:notice:2").sentAt());
        assertEquals(2, audit.count("sent"));
        RecordingAudit.Event event = audit.events.stream().filter(e -> e.entity().equals("delegate@example.org")).findFirst().orElseThrow();
        assertNull(event.actor(), "the system sends");
        assertEquals("mail.send", event.action());
        assertTrue(event.detail().contains("template registration-ack of module meetings"), event.detail());
        assertFalse(event.detail().contains("Bonjour"), "never the body");
    }

    private static MimeMessage find(MimeMessage[] received, String subject) throws MessagingException {
        for (MimeMessage message : received) {
            if (subject.equals(message.getSubject())) {
                return message;
            }
        }
        throw new AssertionError("no message " + subject);
    }

    @Test
    void aServerThatIsAwayIsTriedAgainWithBackOffThenTheMessageFailsAndARetryDeliversIt() throws Exception {
        smtp.stop();
        smtp = null;
        queue(OutboxTest.mail("meetings:ack:away"));
        MailSender sender = sender(new TestMailConfiguration(port));

        sender.round();
        Outbox.View first = outbox.find("meetings:ack:away");
        assertEquals("QUEUED", first.state());
        assertEquals(1, first.attempts());
        assertEquals(clock.instant().plusSeconds(1), first.nextAttemptAt());
        assertTrue(first.lastError().contains("Connection refused"), first.lastError());
        sender.round();
        assertEquals(1, outbox.find("meetings:ack:away").attempts(), "not before its time");

        clock.advance(Duration.ofSeconds(1));
        sender.round();
        assertEquals(2, outbox.find("meetings:ack:away").attempts());
        assertEquals(clock.instant().plusSeconds(2), outbox.find("meetings:ack:away").nextAttemptAt(), "twice as long");
        clock.advance(Duration.ofSeconds(2));
        sender.round();
        Outbox.View failed = outbox.find("meetings:ack:away");
        assertEquals("FAILED", failed.state(), "given up after the third attempt");
        assertEquals(3, failed.attempts());
        assertTrue(failed.lastError().contains("Couldn't connect to host"), failed.lastError());
        assertEquals(List.of("retry", "retry", "failed"), audit.events.stream().map(RecordingAudit.Event::outcome).toList());
        assertTrue(audit.events.get(2).detail().contains("Connection refused"));
        MailSender.Status status = sender.status();
        assertEquals(1, status.failed());
        assertNotNull(status.lastError());

        clock.advance(Duration.ofHours(1));
        sender.round();
        assertEquals("FAILED", outbox.find("meetings:ack:away").state(), "stays failed until an administrator retries");
        smtp = server(port);
        outbox.retry("meetings:ack:away");
        sender.round();
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals("SENT", outbox.find("meetings:ack:away").state());
        assertEquals("sent", audit.events.get(audit.events.size() - 1).outcome());
    }

    @Test
    void withoutAHostNothingIsSentAndTheStatusSaysWhy() {
        TestMailConfiguration configuration = new TestMailConfiguration(port);
        configuration.host = "";
        queue(OutboxTest.mail("meetings:ack:nohost"));
        MailSender sender = sender(configuration);
        assertFalse(sender.round());
        assertEquals(0, smtp.getReceivedMessages().length);
        MailSender.Status status = sender.status();
        assertFalse(status.configured());
        assertTrue(status.reason().contains("no SMTP host"), status.reason());
        assertEquals(1, status.queued());
        assertEquals(Map.of(), sender.problems(), "no host is no health problem: the platform may run without e-mail");
        assertEquals("QUEUED", outbox.find("meetings:ack:nohost").state());
        assertEquals(0, outbox.find("meetings:ack:nohost").attempts(), "nothing lost, nothing tried");

        configuration.host = "127.0.0.1";
        sender.modified(configuration);
        sender.round();
        assertEquals(1, smtp.getReceivedMessages().length, "sent once the host is set, without a restart");
    }

    @Test
    void refusedSettingsAreAHealthProblemAndTheLastValidOnesStay() {
        TestMailConfiguration configuration = new TestMailConfiguration(port);
        MailSender sender = sender(configuration);
        configuration.starttls = "sometimes";
        sender.modified(configuration);
        String problem = sender.problems().get("platform").get(0);
        assertTrue(problem.contains("starttls must be none, optional or required"), problem);
        assertTrue(sender.status().configured());
        queue(OutboxTest.mail("meetings:ack:kept"));
        sender.round();
        assertEquals(1, smtp.getReceivedMessages().length);
        configuration.starttls = "none";
        sender.modified(configuration);
        assertEquals(Map.of(), sender.problems());
    }

    @Test
    void thePasswordIsNeverShown() {
        TestMailConfiguration configuration = new TestMailConfiguration(port);
        configuration.username = "isu";
        configuration.password = "s3cret-Pa55";
        MailSettings settings = MailSettings.of(configuration);
        assertFalse(settings.toString().contains("s3cret-Pa55"), settings.toString());
        String reason = MailSender.reason(new MessagingException("535 authentication failed for s3cret-Pa55"), settings);
        assertEquals("535 authentication failed for ***", reason);
    }

    @Test
    void theSenderThreadSendsSoonAfterAMessageIsQueued() throws Exception {
        Outbox live = new Outbox(database.factory(), Clock.systemUTC());
        TestMailConfiguration configuration = new TestMailConfiguration(port);
        MailSender sender = new MailSender(configuration, live, audit, Clock.systemUTC());
        sender.start();
        try {
            long started = System.nanoTime();
            assertTrue((boolean) Transactions.<Boolean>inTransaction(database.factory(), em -> live.queue(em, OutboxTest.mail("meetings:ack:live"))));
            assertTrue(smtp.waitForIncomingEmail(5_000, 1), "delivered within 5 s");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "right after the commit rather than at the next poll: " + took);
        } finally {
            sender.stop();
        }
        assertEquals("SENT", live.find("meetings:ack:live").state());
    }

    @Test
    void aMessageSentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
        MailSettings settings = MailSettings.of(new TestMailConfiguration(port));
        Mail mail = OutboxTest.mail("meetings:ack:crash");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
        MimeMessage once = SmtpConnection.message(session, settings, mail, clock.instant());
        MimeMessage again = SmtpConnection.message(session, settings, mail, clock.instant().plusSeconds(300));
        assertEquals(once.getMessageID(), again.getMessageID());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        once.writeTo(raw);
        assertTrue(raw.toString(StandardCharsets.US_ASCII).contains("Content-Transfer-Encoding: quoted-printable"), "accents travel as 7-bit");
    }
}
