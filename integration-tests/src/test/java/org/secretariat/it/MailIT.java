package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The platform's outbox on the distribution started with {@code bin/secretariat}, sending to a real SMTP
 * server (GreenMail) on this machine, configured through {@code etc/org.secretariat.mail.config} as an
 * administrator would, with a quick back-off (2 s doubling to 4 s, 4 attempts) so that the class runs
 * in well under two minutes. Messages are queued through the administration's test message, the same
 * {@code Mailer.queue} the modules call. One platform for the class; the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String TO = "delegate@mission.example.org";

    private Path folder;
    private Path home;
    private Map<String, String> environment;
    private int port;
    private int smtpPort;
    private int run;
    private Distribution platform;
    private Http admin;
    private GreenMail smtp;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("mail-" + System.nanoTime()));
        smtpPort = PlatformOptions.freePort();
        smtp = startSmtp();
        home = Distribution.copy(folder.resolve("secretariat"), Map.of("org.secretariat.mail.config", String.join("\n",
                "host=\"127.0.0.1\"", "port=I\"" + smtpPort + "\"", "starttls=\"none\"", "fromAddress=\"isu@ccm.example.org\"",
                "fromName=\"CCM Implementation Support Unit\"", "connectionTimeoutSeconds=I\"5\"", "timeoutSeconds=I\"5\"",
                "writeTimeoutSeconds=I\"5\"", "pollSeconds=I\"1\"", "maxAttempts=I\"4\"", "retryFirstSeconds=I\"2\"",
                "retryMaxSeconds=I\"4\"", "claimSeconds=I\"5\"", "")));
        port = PlatformOptions.freePort();
        environment = Distribution.environment(folder.resolve("data"), port);
        startPlatform();
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.terminate();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private void stopSmtp() {
        smtp.stop();
        smtp = null;
    }

    private void startPlatform() throws Exception {
        run++;
        platform = Distribution.start(home, environment, folder.resolve("run-" + run + ".log"));
        admin = new Http(port);
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
    }

    private String output() {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Queues a test message; answers its reference (the part of its key and subject that tells it apart). */
    private String queue(String language) throws Exception {
        Http.Answer queued = admin.post("/api/platform/mail/test", "{\"to\":\"" + TO + "\",\"language\":\"" + language + "\"}");
        assertEquals(201, queued.status, queued::toString);
        assertEquals("QUEUED", queued.json.get("state").asText());
        return queued.json.get("key").asText().substring("platform:test:".length());
    }

    /** What GreenMail received so far, by reference: the Message-IDs of each copy. */
    private Map<String, List<String>> received() throws MessagingException {
        Map<String, List<String>> byReference = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String subject = message.getSubject();
            String reference = subject.substring(subject.lastIndexOf(' ') + 1);
            byReference.computeIfAbsent(reference, r -> new ArrayList<>()).add(message.getMessageID());
        }
        return byReference;
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private boolean allReceived(Set<String> references) {
        try {
            return received().keySet().containsAll(references);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode message(String reference) throws Exception {
        Http.Answer answer = admin.get("/api/platform/mail/outbox/platform:test:" + reference);
        assertEquals(200, answer.status, answer::toString);
        return answer.json;
    }

    @Test
    @Order(1)
    void aTestMessageIsDeliveredOnceInItsLanguageAndAudited() throws Exception {
        String reference = queue("fr");
        await("the test message delivered", DELIVERY, () -> allReceived(Set.of(reference)));
        Thread.sleep(2_000);
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertEquals(1, messages.length, "once");
        MimeMessage message = messages[0];
        assertEquals("Secretariat : message d'essai " + reference, message.getSubject());
        assertEquals("CCM Implementation Support Unit <isu@ccm.example.org>", message.getHeader("From", null));
        assertEquals(TO, message.getHeader("To", null));
        assertEquals("fr", message.getHeader("Content-Language", null));
        assertTrue(((String) message.getContent()).contains("la demande d'un administrateur"), () -> "the French text");

        JsonNode sent = message(reference);
        assertEquals("SENT", sent.get("state").asText());
        assertEquals(1, sent.get("attempts").asInt());
        JsonNode status = admin.get("/api/platform/mail/status").json;
        assertTrue(status.get("configured").asBoolean(), status::toString);
        assertEquals("127.0.0.1:" + smtpPort, status.get("server").asText());
        assertEquals(1, status.get("sent").asInt());
        JsonNode audit = admin.get("/api/platform/audit?action=mail.send&size=10").json.get("items");
        assertEquals(1, audit.size(), audit::toString);
        assertEquals(TO, audit.get(0).get("entity").asText());
        assertEquals("sent", audit.get(0).get("outcome").asText());
        assertTrue(audit.get(0).get("detail").asText().contains("template test of module platform"), audit::toString);
        assertTrue(!audit.get(0).get("detail").asText().contains("administrateur"), "never the body");
        smtp.reset();
    }

    @Test
    @Order(2)
    void fiftyMessagesQueuedWhileTheServerIsDownAreEachDeliveredOnceWhenItIsBack() throws Exception {
        stopSmtp();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            references.add(queue(i % 2 == 0 ? "en" : "es"));
        }
        await("a failed attempt seen", Duration.ofSeconds(20), () -> {
            try {
                return !admin.get("/api/platform/mail/status").json.path("lastError").isMissingNode();
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode status = admin.get("/api/platform/mail/status").json;
        assertEquals(50, status.get("queued").asInt(), status::toString);
        assertTrue(status.get("lastError").asText().contains("Connection refused"), status::toString);

        smtp = startSmtp();
        await("all 50 delivered", DELIVERY, () -> allReceived(references));
        Thread.sleep(3_000);
        assertDeliveredOnce(references);
        assertEquals(0, admin.get("/api/platform/mail/status").json.get("queued").asInt());
        assertEquals(0, admin.get("/api/platform/mail/outbox?state=FAILED").json.get("total").asInt());
        smtp.reset();
    }

    private void assertDeliveredOnce(Set<String> references) throws MessagingException {
        Map<String, List<String>> received = received();
        assertEquals(references, received.keySet(), "every message, and no other");
        Set<String> messageIds = new HashSet<>();
        for (Map.Entry<String, List<String>> copies : received.entrySet()) {
            assertEquals(1, copies.getValue().size(), () -> copies.getKey() + " delivered " + copies.getValue().size() + " times");
            messageIds.add(copies.getValue().get(0));
        }
        assertEquals(references.size(), messageIds.size(), "one Message-ID per message");
        assertEquals(references.size(), smtp.getReceivedMessages().length);
    }

    @Test
    @Order(3)
    void messagesQueuedWhenThePlatformIsKilledAreDeliveredAfterTheRestart() throws Exception {
        // The server away: the messages are surely still waiting when the platform dies.
        stopSmtp();
        Set<String> waiting = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(queue("en"));
        }
        platform.kill();
        smtp = startSmtp();
        startPlatform();
        await("the 20 messages delivered after the restart", DELIVERY, () -> allReceived(waiting));
        Thread.sleep(3_000);
        assertDeliveredOnce(waiting);
        smtp.reset();

        // The server there: the platform dies while it sends. A message the server took just before the
        // kill, and not yet marked sent, goes out once more after the restart with the same Message-ID.
        Set<String> sending = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            sending.add(queue("es"));
        }
        platform.kill();
        int beforeKill = smtp.getReceivedMessages().length;
        startPlatform();
        await("the 30 messages delivered after the restart", DELIVERY, () -> allReceived(sending));
        Thread.sleep(6_000);
        Map<String, List<String>> received = received();
        assertEquals(sending, received.keySet());
        int copies = smtp.getReceivedMessages().length;
        System.out.println("mail: killed while sending: " + beforeKill + " of 30 delivered before the kill, " + copies
                + " copies received in all");
        assertTrue(copies - sending.size() <= 1, () -> "at most one message sent twice, was " + (copies - sending.size()));
        for (List<String> ids : received.values()) {
            assertEquals(1, new HashSet<>(ids).size(), "a copy carries the same Message-ID: " + ids);
        }
        assertEquals(0, admin.get("/api/platform/mail/status").json.get("queued").asInt());
        smtp.reset();
    }

    @Test
    @Order(4)
    void aMessageFailsAfterItsAttemptsWithTheReasonAndAnAdministratorsRetryDeliversIt() throws Exception {
        stopSmtp();
        String reference = queue("en");
        await("the message given up", Duration.ofSeconds(40), () -> {
            try {
                return "FAILED".equals(message(reference).get("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode failed = message(reference);
        assertEquals(4, failed.get("attempts").asInt());
        assertTrue(failed.get("lastError").asText().contains("Connection refused"), failed::toString);
        assertEquals(1, admin.get("/api/platform/mail/outbox?state=FAILED").json.get("total").asInt());
        JsonNode audit = admin.get("/api/platform/audit?action=mail.send&outcome=failed").json.get("items");
        assertEquals(1, audit.size(), audit::toString);
        assertTrue(audit.get(0).get("detail").asText().contains("Connection refused"), audit::toString);

        Http.Answer early = admin.post("/api/platform/mail/outbox/" + message(reference).get("id").asText() + "/retry", "");
        assertEquals(200, early.status, early::toString);
        assertEquals("QUEUED", early.json.get("state").asText());
        assertEquals(0, early.json.get("attempts").asInt());
        Http.Answer again = admin.post("/api/platform/mail/outbox/platform:test:" + reference + "/retry", "");
        assertEquals(409, again.status, "only a failed message is retried: " + again);

        await("given up again while the server is away", Duration.ofSeconds(40), () -> {
            try {
                return "FAILED".equals(message(reference).get("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        smtp = startSmtp();
        Http.Answer retried = admin.post("/api/platform/mail/outbox/platform:test:" + reference + "/retry", "");
        assertEquals(200, retried.status, retried::toString);
        await("delivered after the retry", DELIVERY, () -> allReceived(Set.of(reference)));
        assertEquals("SENT", message(reference).get("state").asText());
        assertEquals(404, admin.post("/api/platform/mail/outbox/platform:test:nothing/retry", "").status);
        assertEquals(400, admin.post("/api/platform/mail/test", "{\"to\":\"not an address\"}").status);
        assertEquals("to", admin.post("/api/platform/mail/test", "{\"to\":\"not an address\"}").json.get("field").asText());
    }
}
