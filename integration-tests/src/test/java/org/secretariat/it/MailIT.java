package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The platform's outbox on the distribution started with {@code bin/secretariat}, with contacts and
 * meetings installed, sending to a real SMTP server (GreenMail) on this machine, configured through
 * {@code etc/org.secretariat.mail.config} as an administrator would, with a quick back-off (2 s doubling
 * to 4 s, 10 attempts: a message waits about forty seconds for the server before it is given up). The
 * messages are the modules' own: a delegation registering through meetings' public form (as plain HTTP,
 * as a browser without JavaScript sends it), staff's decisions, a document published, a contacts
 * mailing; the administration's test message only where an administrator's act is tested. The form's
 * rate limit per address is raised to 200 submissions (registrationSubmissions in
 * {@code etc/org.secretariat.meetings.config}), since every registration here comes from 127.0.0.1.
 * Exactly once is counted by recipient and by Message-ID, which the platform derives from each message's
 * outbox key. One platform for the class (restarted by the kill -9 tests); the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "isu@ccm.example.org";
    private static final String TO = "delegate@mission.example.org";
    private static final String MEETING = "Fourteenth Meeting of States Parties";
    private static final String FORM_MEETING = "Fifteenth Meeting of States Parties";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/register/\\S+)");
    private static final Map<String, String> ACKNOWLEDGED = Map.of("en", "Registration received: ", "fr", "Inscription reçue : ",
            "es", "Inscripción recibida: ");

    private Path folder;
    private Path home;
    private Map<String, String> environment;
    private int port;
    private int smtpPort;
    private int run;
    private Distribution platform;
    private Http admin;
    private GreenMail smtp;

    // What the tests build on one another.
    private long meetingId;
    private long claireId;
    private long groupId;
    private final Map<String, String> groupLanguages = new TreeMap<>();
    private long formMeetingId;
    private final List<String> links = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("mail-" + System.nanoTime()));
        smtpPort = PlatformOptions.freePort();
        smtp = startSmtp();
        home = Distribution.copy(folder.resolve("secretariat"), Map.of("org.secretariat.mail.config", mailSettings(10, FROM),
                "org.secretariat.meetings.config", "registrationSubmissions=\"200\"\n"));
        port = PlatformOptions.freePort();
        environment = Distribution.environment(folder.resolve("data"), port);
        startPlatform();
        for (String module : List.of("contacts", "meetings")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        }
    }

    private String mailSettings(int maxAttempts, String fromAddress) {
        return String.join("\n", "host=\"127.0.0.1\"", "port=I\"" + smtpPort + "\"", "starttls=\"none\"", "fromAddress=\"" + fromAddress + "\"",
                "fromName=\"CCM Implementation Support Unit\"", "connectionTimeoutSeconds=I\"5\"", "timeoutSeconds=I\"5\"", "writeTimeoutSeconds=I\"5\"",
                "pollSeconds=I\"1\"", "maxAttempts=I\"" + maxAttempts + "\"", "retryFirstSeconds=I\"2\"", "retryMaxSeconds=I\"4\"",
                "claimSeconds=I\"5\"", "");
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

    private Http visitor() {
        return new Http(port);
    }

    // ---- what the server received

    /** The Message-ID the platform gives the message of an outbox key: {@code <first 32 hex digits of SHA-256(key)>.outbox@<sender's domain>}. */
    private static String messageId(String key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".outbox@" + FROM.substring(FROM.indexOf('@') + 1) + ">";
    }

    private static InternetAddress to(MimeMessage message) throws MessagingException {
        jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
        assertEquals(1, to.length, "one recipient per message");
        return (InternetAddress) to[0];
    }

    /** The copies GreenMail received so far, by recipient address. */
    private Map<String, List<MimeMessage>> byRecipient() {
        Map<String, List<MimeMessage>> copies = new TreeMap<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                copies.computeIfAbsent(to(message).getAddress(), a -> new ArrayList<>()).add(message);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return copies;
    }

    /** The one message a recipient got, once it is there. */
    private MimeMessage awaitMessage(String recipient) throws Exception {
        await("a message to " + recipient, DELIVERY, () -> byRecipient().containsKey(recipient));
        List<MimeMessage> copies = byRecipient().get(recipient);
        assertEquals(1, copies.size(), () -> recipient + " got " + copies.size() + " messages");
        return copies.get(0);
    }

    /** The plain-text part: the whole message, or the text/plain alternative. */
    private static String plainText(Part message) throws Exception {
        if (message.isMimeType("text/plain")) {
            // SMTP carries lines ended by CRLF; the templates' lines end with LF.
            return ((String) message.getContent()).replace("\r\n", "\n");
        }
        if (message.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return ((String) parts.getBodyPart(i).getContent()).replace("\r\n", "\n");
                }
            }
        }
        throw new AssertionError("no plain-text part in " + message.getContentType());
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

    /**
     * Waits until the outbox holds no waiting message: every message is then SENT (or FAILED), and no
     * sender is in the middle of one, so what the server received is all it will receive.
     */
    private void awaitOutboxSettled() throws InterruptedException {
        await("the outbox settled (nothing waiting)", DELIVERY, () -> {
            try {
                return admin.get("/api/platform/mail/status").json.get("queued").asInt() == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private JsonNode status() throws Exception {
        return admin.get("/api/platform/mail/status").json;
    }

    /** The outbox's messages of a template, by recipient: their keys. */
    private Map<String, List<String>> outboxKeys(String template) throws Exception {
        Http.Answer page = admin.get("/api/platform/mail/outbox?size=500");
        assertEquals(200, page.status, page::toString);
        assertTrue(page.json.get("total").asInt() <= 500, "one page holds the outbox of this test");
        Map<String, List<String>> keys = new TreeMap<>();
        for (JsonNode message : page.json.get("items")) {
            if (template.equals(message.get("template").asText())) {
                keys.computeIfAbsent(message.get("recipient").asText(), r -> new ArrayList<>()).add(message.get("key").asText());
            }
        }
        return keys;
    }

    /**
     * Every expected recipient got exactly one copy of its message, whose Message-ID is its outbox key's,
     * and nobody else got anything: {@code expected} maps each recipient to the key of its message.
     */
    private void assertEachDeliveredOnce(Map<String, String> expected, String what) throws Exception {
        Map<String, List<MimeMessage>> received = byRecipient();
        assertEquals(expected.keySet(), received.keySet(), what + ": every recipient, and no other");
        for (Map.Entry<String, String> message : expected.entrySet()) {
            List<MimeMessage> copies = received.get(message.getKey());
            assertEquals(1, copies.size(), () -> what + ": " + message.getKey() + " got " + copies.size() + " copies");
            assertEquals(messageId(message.getValue()), copies.get(0).getMessageID(), what + ": the Message-ID of " + message.getValue());
        }
        assertEquals(expected.size(), smtp.getReceivedMessages().length);
    }

    /** The single key of each recipient's message of a template, among the recipients given. */
    private Map<String, String> keysOf(String template, Iterable<String> recipients) throws Exception {
        Map<String, List<String>> all = outboxKeys(template);
        Map<String, String> keys = new TreeMap<>();
        for (String recipient : recipients) {
            List<String> found = all.get(recipient);
            assertNotNull(found, "a " + template + " message to " + recipient + " in the outbox");
            assertEquals(1, found.size(), () -> "one " + template + " message queued for " + recipient + ": " + found);
            keys.put(recipient, found.get(0));
        }
        return keys;
    }

    // ---- the modules' data

    private JsonNode participant(long meeting, String email) throws Exception {
        for (JsonNode participant : admin.get("/api/meetings/" + meeting + "/participants?size=500").json.get("items")) {
            if (email.equals(participant.path("email").asText())) {
                return participant;
            }
        }
        throw new AssertionError("no participant " + email + " in meeting " + meeting);
    }

    private Http.Answer decide(long meeting, JsonNode participant, String status) throws Exception {
        ObjectNode decided = (ObjectNode) participant.deepCopy();
        decided.put("status", status);
        Http.Answer answer = admin.put("/api/meetings/" + meeting + "/participants/" + participant.get("id").asLong(), JSON.writeValueAsString(decided));
        assertEquals(200, answer.status, answer::toString);
        return answer;
    }

    /** Queues a test message; answers its reference (the part of its key and subject that tells it apart). */
    private String queueTestMessage(String language) throws Exception {
        Http.Answer queued = admin.post("/api/platform/mail/test", "{\"to\":\"" + TO + "\",\"language\":\"" + language + "\"}");
        assertEquals(201, queued.status, queued::toString);
        assertEquals("QUEUED", queued.json.get("state").asText());
        return queued.json.get("key").asText().substring("platform:test:".length());
    }

    private JsonNode testMessage(String reference) throws Exception {
        Http.Answer answer = admin.get("/api/platform/mail/outbox/platform:test:" + reference);
        assertEquals(200, answer.status, answer::toString);
        return answer.json;
    }

    /** Fifty delegations' links to the form of one meeting, each sent to its mission (received, then forgotten). */
    private void inviteFiftyDelegations() throws Exception {
        formMeetingId = PublicRegistration.meeting(admin, FORM_MEETING, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        StringBuilder recipients = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            recipients.append(i == 1 ? "" : ",").append("{\"email\":\"mission-").append(i).append("@org-").append(i)
                    .append(".example.org\",\"delegationKind\":\"ORGANISATION\",\"delegation\":\"Organisation ").append(i)
                    .append("\",\"language\":\"").append(language(i)).append("\"}");
        }
        Http.Answer sent = admin.post("/api/meetings/" + formMeetingId + "/invitations", "{\"recipients\":[" + recipients + "]}");
        assertEquals(201, sent.status, sent::toString);
        assertEquals(50, sent.json.get("queued").asInt(), sent::toString);
        for (JsonNode invitation : sent.json.get("invitations")) {
            links.add(invitation.get("linkToken").asText());
        }
        await("the 50 invitations delivered", DELIVERY, () -> byRecipient().size() == 50);
        awaitOutboxSettled();
        assertEquals(50, smtp.getReceivedMessages().length, "one invitation each");
        smtp.reset();
    }

    private static String language(int i) {
        return List.of("en", "fr", "es").get(i % 3);
    }

    /**
     * Registers delegations {@code 1..count} through their links, each by a focal point at
     * {@code <prefix>-<i>@org-<i>.example.org} with two delegates; answers each focal point's language.
     */
    private Map<String, String> registerDelegations(int count, String prefix) throws Exception {
        Map<String, String> focalPoints = new TreeMap<>();
        Http browser = visitor();
        for (int i = 1; i <= count; i++) {
            String focal = prefix + "-" + i + "@org-" + i + ".example.org";
            PublicRegistration.register(browser, links.get(i - 1), language(i), "Focal Point " + i, focal,
                    "Amina|Delegate " + i + "|Head of delegation|amina-" + prefix + "-" + i + "@org-" + i + ".example.org|" + language(i)
                            + "|HEAD_OF_DELEGATION|",
                    "Tomás|Adviser " + i + "||tomas-" + prefix + "-" + i + "@org-" + i + ".example.org|es|ADVISER|");
            focalPoints.put(focal, language(i));
        }
        return focalPoints;
    }

    /** Each focal point's acknowledgement arrived once, in the form's language, naming the meeting. */
    private void assertAcknowledgedOnce(Map<String, String> focalPoints, String what) throws Exception {
        Map<String, String> keys = keysOf("registration-received", focalPoints.keySet());
        assertEachDeliveredOnce(keys, what);
        for (Map.Entry<String, List<MimeMessage>> copy : byRecipient().entrySet()) {
            String language = focalPoints.get(copy.getKey());
            MimeMessage message = copy.getValue().get(0);
            assertEquals(language, message.getHeader("Content-Language", null), copy.getKey());
            assertEquals(ACKNOWLEDGED.get(language) + FORM_MEETING, message.getSubject());
            assertTrue(plainText(message).contains("Amina Delegate "), () -> "the delegates listed to " + copy.getKey());
        }
    }

    // ---- the tests

    @Test
    @Order(1)
    void aTestMessageIsDeliveredOnceInItsLanguageAndAudited() throws Exception {
        String reference = queueTestMessage("fr");
        MimeMessage message = awaitMessage(TO);
        awaitOutboxSettled();
        assertEquals(1, smtp.getReceivedMessages().length, "once");
        assertEquals("Secretariat : message d'essai " + reference, message.getSubject());
        assertEquals("CCM Implementation Support Unit <" + FROM + ">", message.getHeader("From", null));
        assertEquals(TO, message.getHeader("To", null));
        assertEquals("fr", message.getHeader("Content-Language", null));
        assertEquals(messageId("platform:test:" + reference), message.getMessageID());
        assertTrue(plainText(message).contains("la demande d'un administrateur"), () -> "the French text");

        JsonNode sent = testMessage(reference);
        assertEquals("SENT", sent.get("state").asText());
        assertEquals(1, sent.get("attempts").asInt());
        JsonNode status = status();
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
    void aFrenchFocalPointRegistersThroughTheFormAndEachDecisionArrivesInTheDelegatesLanguage() throws Exception {
        meetingId = PublicRegistration.meeting(admin, MEETING, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        Http.Answer invited = admin.post("/api/meetings/" + meetingId + "/invitations", "{\"recipients\":[{\"email\":\"mission.geneve@diplomatie.gouv.fr\","
                + "\"name\":\"Sophie Laurent\",\"delegationKind\":\"STATE\",\"stateIso2\":\"FR\",\"language\":\"fr\"}]}");
        assertEquals(201, invited.status, invited::toString);
        assertEquals("France", invited.json.get("invitations").get(0).get("delegation").asText(), "named by the contacts module");
        String token = invited.json.get("invitations").get(0).get("linkToken").asText();

        // The invitation arrives in French with the link, which the focal point follows.
        MimeMessage invitation = awaitMessage("mission.geneve@diplomatie.gouv.fr");
        assertEquals("Invitation : " + MEETING, invitation.getSubject());
        assertEquals("fr", invitation.getHeader("Content-Language", null));
        String invitationText = plainText(invitation);
        assertTrue(invitationText.contains("Nous avons l'honneur de vous inviter à désigner la délégation de France"), invitationText);
        Matcher link = LINK.matcher(invitationText);
        assertTrue(link.find(), invitationText);
        assertEquals("http://127.0.0.1:" + port + "/register/" + token, link.group(1));
        Http browser = visitor();
        Http.Answer form = browser.get(link.group(1).substring(("http://127.0.0.1:" + port).length()));
        assertEquals(200, form.status, form::toString);
        assertEquals("fr", form.headers.firstValue("Content-Language").orElse(""), "the form opens in the invitation's language");
        Http.Answer sent = PublicRegistration.send(browser, token, PublicRegistration.fieldsFrom(PublicRegistration.nonce(form.body), "fr", "Sophie Laurent",
                "sophie.laurent@diplomatie.gouv.fr", "Claire|Martin|Conseillère|claire.martin@diplomatie.gouv.fr|fr|HEAD_OF_DELEGATION|",
                "Lucía|García|Asesora jurídica|lucia.garcia@diplomatie.gouv.fr|es|ADVISER|"), PublicRegistration.LETTER);
        assertEquals(303, sent.status, sent::toString);

        // The acknowledgement, in French, to the focal point, naming both delegates.
        MimeMessage acknowledgement = awaitMessage("sophie.laurent@diplomatie.gouv.fr");
        assertEquals("Inscription reçue : " + MEETING, acknowledgement.getSubject());
        assertEquals("Sophie Laurent", to(acknowledgement).getPersonal());
        assertEquals("fr", acknowledgement.getHeader("Content-Language", null));
        String acknowledged = plainText(acknowledgement);
        assertTrue(acknowledged.contains("Le Secrétariat a bien reçu l'inscription de la délégation de France"), acknowledged);
        assertTrue(acknowledged.contains("Délégués inscrits (2) :"), acknowledged);
        assertTrue(acknowledged.contains("- Claire Martin, Conseillère\n- Lucía García, Asesora jurídica"), acknowledged);

        // Both pending; staff approve the French-speaking delegate and reject the Spanish-speaking one.
        JsonNode claire = participant(meetingId, "claire.martin@diplomatie.gouv.fr");
        JsonNode lucia = participant(meetingId, "lucia.garcia@diplomatie.gouv.fr");
        assertEquals("PENDING", claire.get("status").asText());
        assertEquals("PENDING", lucia.get("status").asText());
        assertEquals("fr", claire.get("language").asText());
        assertEquals("es", lucia.get("language").asText());
        assertTrue(claire.get("selfRegistered").asBoolean());
        claireId = claire.get("id").asLong();
        Http.Answer approved = decide(meetingId, claire, "APPROVED");
        assertEquals("approval e-mail queued", approved.json.get("notice").asText());
        Http.Answer rejected = decide(meetingId, lucia, "REJECTED");
        assertEquals("rejection e-mail queued", rejected.json.get("notice").asText());

        MimeMessage approval = awaitMessage("claire.martin@diplomatie.gouv.fr");
        assertEquals("Inscription confirmée : " + MEETING, approval.getSubject());
        assertEquals("Claire Martin", to(approval).getPersonal());
        assertEquals("fr", approval.getHeader("Content-Language", null));
        assertTrue(approval.isMimeType("text/plain"), approval.getContentType());
        String approvalText = plainText(approval);
        assertTrue(approvalText.startsWith("Madame, Monsieur (Claire Martin),"), approvalText);
        assertTrue(approvalText.contains("Votre inscription en tant que membre de la délégation de France à la réunion suivante :"), approvalText);
        assertTrue(approvalText.contains("a été approuvée."), approvalText);
        assertEquals(messageId("meetings:participant-approved:" + claireId + ":" + approved.json.get("version").asInt()), approval.getMessageID());

        MimeMessage rejection = awaitMessage("lucia.garcia@diplomatie.gouv.fr");
        assertEquals("Inscripción no aceptada: " + MEETING, rejection.getSubject());
        assertEquals("es", rejection.getHeader("Content-Language", null));
        String rejectionText = plainText(rejection);
        assertTrue(rejectionText.startsWith("Estimado/a Lucía García:"), rejectionText);
        assertTrue(rejectionText.contains("no ha podido ser aceptada."), rejectionText);

        awaitOutboxSettled();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.putAll(keysOf("invitation", List.of("mission.geneve@diplomatie.gouv.fr")));
        keys.putAll(keysOf("registration-received", List.of("sophie.laurent@diplomatie.gouv.fr")));
        keys.putAll(keysOf("participant-approved", List.of("claire.martin@diplomatie.gouv.fr")));
        keys.putAll(keysOf("participant-rejected", List.of("lucia.garcia@diplomatie.gouv.fr")));
        assertEachDeliveredOnce(keys, "the registration's messages");
        System.out.println("mail: registration through the form: invitation, acknowledgement (fr), approval (fr), rejection (es): "
                + smtp.getReceivedMessages().length + " messages, each once");
        smtp.reset();
    }

    @Test
    @Order(3)
    void aDocumentPublishedIsAnnouncedOnceToTheApprovedParticipantOnly() throws Exception {
        String meeting = "/api/meetings/" + meetingId;
        Http.Answer uploaded = admin.multipart(meeting + "/documents", Map.of("title", "Provisional agenda", "category", "OFFICIAL", "language", "en"),
                "agenda.pdf", "application/pdf", PublicRegistration.LETTER);
        assertEquals(201, uploaded.status, uploaded::toString);
        long documentId = uploaded.json.get("id").asLong();
        String symbol = uploaded.json.get("symbol").asText();
        assertEquals(201, admin.multipart(meeting + "/documents/" + documentId + "/files", Map.of("language", "fr"), "ordre-du-jour.pdf",
                "application/pdf", PublicRegistration.LETTER).status);
        assertEquals(200, admin.post(meeting + "/documents/" + documentId + "/publish", "{}").status);

        MimeMessage notice = awaitMessage("claire.martin@diplomatie.gouv.fr");
        assertEquals("Document disponible : " + symbol, notice.getSubject());
        assertEquals("fr", notice.getHeader("Content-Language", null));
        String text = plainText(notice);
        assertTrue(text.contains("Un document de la réunion suivante a été publié le "), text);
        assertTrue(text.contains(symbol + " – Provisional agenda\nLangues : en, fr"), text);
        assertEquals(messageId("meetings:document-available:" + documentId + ":" + claireId), notice.getMessageID());

        // Withdrawn and published again: the participant was told already.
        assertEquals(200, admin.post(meeting + "/documents/" + documentId + "/unpublish", "").status);
        assertEquals(200, admin.post(meeting + "/documents/" + documentId + "/publish", "{}").status);
        awaitOutboxSettled();
        assertEquals(Map.of("claire.martin@diplomatie.gouv.fr", List.of("meetings:document-available:" + documentId + ":" + claireId)),
                outboxKeys("document-available"), "once, and not to the rejected delegate");
        assertEquals(1, smtp.getReceivedMessages().length);
        System.out.println("mail: document " + symbol + " published twice: 1 notice, to the 1 approved participant of 2");
        smtp.reset();
    }

    @Test
    @Order(4)
    void aGroupMailingReachesEachConsentingMemberInTheirLanguageAndNobodyElse() throws Exception {
        List<Long> members = new ArrayList<>();
        Map<Long, String> addresses = new TreeMap<>();
        for (int i = 1; i <= 30; i++) {
            String email = "contact-" + i + "@mission-" + i + ".example.org";
            String language = language(i);
            Http.Answer person = admin.post("/api/contacts/people", "{\"givenName\":\"Alex\",\"familyName\":\"Contact " + i + "\",\"email\":\"" + email
                    + "\",\"consent\":true,\"language\":\"" + language + "\"}");
            assertEquals(201, person.status, person::toString);
            members.add(person.json.get("id").asLong());
            addresses.put(person.json.get("id").asLong(), email);
            groupLanguages.put(email, language);
        }
        Http.Answer withheld = admin.post("/api/contacts/people", "{\"givenName\":\"Sam\",\"familyName\":\"Without-Consent\",\"language\":\"fr\"}");
        assertEquals(201, withheld.status, withheld::toString);
        members.add(withheld.json.get("id").asLong());
        Http.Answer group = admin.post("/api/contacts/groups", "{\"name\":\"Intersessional contacts\",\"kind\":\"STATIC\"}");
        assertEquals(201, group.status, group::toString);
        groupId = group.json.get("id").asLong();
        Http.Answer added = admin.post("/api/contacts/groups/" + groupId + "/members", "{\"personIds\":" + members + "}");
        assertEquals(200, added.status, added::toString);

        Http.Answer mailing = admin.post("/api/contacts/mailings", mailing("Intersessional meetings"));
        assertEquals(201, mailing.status, mailing::toString);
        long mailingId = mailing.json.get("id").asLong();
        assertEquals(31, mailing.json.get("recipients").asInt());
        assertEquals(30, mailing.json.get("queued").asInt(), mailing::toString);
        assertEquals(1, mailing.json.get("skipped").asInt());
        JsonNode skipped = admin.get("/api/contacts/mailings/" + mailingId + "/recipients?outcome=SKIPPED_NO_CONSENT").json.get("items");
        assertEquals(1, skipped.size(), skipped::toString);
        assertEquals(withheld.json.get("id").asLong(), skipped.get(0).get("personId").asLong());

        await("the mailing delivered", DELIVERY, () -> byRecipient().size() == 30);
        awaitOutboxSettled();
        Map<String, String> keys = new TreeMap<>();
        addresses.forEach((person, email) -> keys.put(email, "contacts:mailing:" + mailingId + ":" + person));
        assertEachDeliveredOnce(keys, "the group mailing");
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (Map.Entry<String, List<MimeMessage>> copy : byRecipient().entrySet()) {
            MimeMessage message = copy.getValue().get(0);
            String language = groupLanguages.get(copy.getKey());
            String text = plainText(message);
            assertEquals(language, message.getHeader("Content-Language", null), copy.getKey());
            switch (language) {
                case "fr" -> {
                    assertEquals("Réunions intersessionnelles : les dates", message.getSubject());
                    assertTrue(text.startsWith("Bonjour Alex Contact ") && text.contains("Les réunions auront lieu en juin.")
                            && text.contains("Vous recevez ce message en tant que contact de l'unité d'appui"), text);
                }
                case "es" -> {
                    assertEquals("Reuniones entre períodos de sesiones: las fechas", message.getSubject());
                    assertTrue(text.startsWith("Estimado/a Alex Contact ") && text.contains("Las reuniones tendrán lugar en junio.")
                            && text.contains("Recibe este mensaje como contacto de la unidad de apoyo"), text);
                }
                default -> {
                    assertEquals("Intersessional meetings: the dates", message.getSubject());
                    assertTrue(text.startsWith("Dear Alex Contact ") && text.contains("The meetings will take place in June.")
                            && text.contains("You receive this message as a contact of the"), text);
                }
            }
            perLanguage.merge(language, 1, Integer::sum);
        }
        System.out.println("mail: group mailing: 31 members, 30 delivered once each " + perLanguage + ", 1 without consent skipped");
        smtp.reset();
    }

    private String mailing(String purpose) {
        return "{\"groupId\":" + groupId + ",\"template\":\"notice\",\"texts\":["
                + "{\"language\":\"en\",\"subject\":\"" + purpose + ": the dates\",\"body\":\"The meetings will take place in June.\"},"
                + "{\"language\":\"fr\",\"subject\":\"Réunions intersessionnelles : les dates\",\"body\":\"Les réunions auront lieu en juin.\"},"
                + "{\"language\":\"es\",\"subject\":\"Reuniones entre períodos de sesiones: las fechas\",\"body\":\"Las reuniones tendrán lugar en junio.\"}]}";
    }

    @Test
    @Order(5)
    void fiftyRegistrationsWhileTheServerIsDownAreEachAcknowledgedOnceWhenItIsBack() throws Exception {
        inviteFiftyDelegations();
        stopSmtp();
        Map<String, String> focalPoints = registerDelegations(50, "focal");
        await("a failed attempt seen", Duration.ofSeconds(20), () -> {
            try {
                return !status().path("lastError").isMissingNode();
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode status = status();
        assertEquals(50, status.get("queued").asInt(), status::toString);
        assertTrue(status.get("lastError").asText().contains("Connection refused"), status::toString);
        assertEquals(100, admin.get("/api/meetings/" + formMeetingId + "/participants?status=PENDING&size=1").json.get("total").asInt(),
                "the registrations are taken while the mail server is away");

        smtp = startSmtp();
        await("the 50 acknowledgements delivered", DELIVERY, () -> byRecipient().size() >= 50);
        awaitOutboxSettled();
        assertAcknowledgedOnce(focalPoints, "50 registrations while the server was down");
        assertEquals(0, admin.get("/api/platform/mail/outbox?state=FAILED").json.get("total").asInt());
        System.out.println("mail: 50 registrations (100 delegates) while the SMTP server was down: 50 acknowledgements queued, "
                + smtp.getReceivedMessages().length + " delivered, each once, after it came back");
        smtp.reset();
    }

    @Test
    @Order(6)
    void messagesQueuedWhenThePlatformIsKilledAreDeliveredAfterTheRestart() throws Exception {
        // The server away: the acknowledgements are surely still waiting when the platform dies.
        stopSmtp();
        Map<String, String> focalPoints = registerDelegations(20, "again");
        assertEquals(20, status().get("queued").asInt());
        platform.kill();
        smtp = startSmtp();
        startPlatform();
        await("the 20 acknowledgements delivered after the restart", DELIVERY, () -> byRecipient().size() >= 20);
        awaitOutboxSettled();
        assertAcknowledgedOnce(focalPoints, "20 registrations before a kill -9");
        System.out.println("mail: killed with 20 acknowledgements queued: " + smtp.getReceivedMessages().length + " delivered after the restart, each once");
        smtp.reset();

        // The server there: the platform dies while it sends a mailing (killed as the first message arrives). A message
        // the server took just before the kill, and not yet marked sent, goes out once more after the restart with the
        // same Message-ID.
        Http.Answer mailing = admin.post("/api/contacts/mailings", mailing("Review Conference"));
        assertEquals(201, mailing.status, mailing::toString);
        await("the mailing's first message", DELIVERY, () -> smtp.getReceivedMessages().length > 0);
        platform.kill();
        int beforeKill = smtp.getReceivedMessages().length;
        long mailingId = mailing.json.get("id").asLong();
        startPlatform();
        await("the mailing's 30 messages delivered after the restart", DELIVERY, () -> byRecipient().size() == 30);
        awaitOutboxSettled();
        Map<String, List<MimeMessage>> received = byRecipient();
        assertEquals(groupLanguages.keySet(), received.keySet());
        int copies = smtp.getReceivedMessages().length;
        System.out.println("mail: killed while sending a mailing: " + beforeKill + " of 30 delivered before the kill, " + copies
                + " copies received in all");
        assertTrue(copies - received.size() <= 1, () -> "at most one message sent twice, was " + (copies - received.size()));
        JsonNode recipients = admin.get("/api/contacts/mailings/" + mailingId + "/recipients?outcome=QUEUED&size=100").json.get("items");
        assertEquals(30, recipients.size());
        for (JsonNode recipient : recipients) {
            String key = "contacts:mailing:" + mailingId + ":" + recipient.get("personId").asLong();
            for (MimeMessage copy : received.get(recipient.get("email").asText())) {
                assertEquals(messageId(key), copy.getMessageID(), "a copy carries the same Message-ID");
            }
        }
        smtp.reset();
    }

    @Test
    @Order(7)
    void aMessageFailsAfterItsAttemptsWithTheReasonAndAnAdministratorsRetryDeliversIt() throws Exception {
        // Fewer attempts, read by the running platform from the file (it shows that it did by the new sender's address).
        Files.writeString(home.resolve("etc/org.secretariat.mail.config"), mailSettings(3, "retries@ccm.example.org"));
        await("the new settings in use", Duration.ofSeconds(30), () -> {
            try {
                return "retries@ccm.example.org".equals(status().get("from").asText());
            } catch (Exception e) {
                return false;
            }
        });
        stopSmtp();
        String reference = queueTestMessage("en");
        await("the message given up", Duration.ofSeconds(40), () -> {
            try {
                return "FAILED".equals(testMessage(reference).get("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode failed = testMessage(reference);
        assertEquals(3, failed.get("attempts").asInt());
        assertTrue(failed.get("lastError").asText().contains("Connection refused"), failed::toString);
        assertEquals(1, admin.get("/api/platform/mail/outbox?state=FAILED").json.get("total").asInt());
        JsonNode audit = admin.get("/api/platform/audit?action=mail.send&outcome=failed").json.get("items");
        assertEquals(1, audit.size(), audit::toString);
        assertTrue(audit.get(0).get("detail").asText().contains("Connection refused"), audit::toString);

        Http.Answer early = admin.post("/api/platform/mail/outbox/" + failed.get("id").asText() + "/retry", "");
        assertEquals(200, early.status, early::toString);
        assertEquals("QUEUED", early.json.get("state").asText());
        assertEquals(0, early.json.get("attempts").asInt());
        Http.Answer again = admin.post("/api/platform/mail/outbox/platform:test:" + reference + "/retry", "");
        assertEquals(409, again.status, "only a failed message is retried: " + again);

        await("given up again while the server is away", Duration.ofSeconds(40), () -> {
            try {
                return "FAILED".equals(testMessage(reference).get("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        smtp = startSmtp();
        Http.Answer retried = admin.post("/api/platform/mail/outbox/platform:test:" + reference + "/retry", "");
        assertEquals(200, retried.status, retried::toString);
        MimeMessage delivered = awaitMessage(TO);
        assertEquals("CCM Implementation Support Unit <retries@ccm.example.org>", delivered.getHeader("From", null));
        awaitOutboxSettled();
        assertEquals("SENT", testMessage(reference).get("state").asText());
        assertEquals(1, testMessage(reference).get("attempts").asInt(), "a retry counts its attempts afresh");
        assertEquals(404, admin.post("/api/platform/mail/outbox/platform:test:nothing/retry", "").status);
        assertEquals(400, admin.post("/api/platform/mail/test", "{\"to\":\"not an address\"}").status);
        assertEquals("to", admin.post("/api/platform/mail/test", "{\"to\":\"not an address\"}").json.get("field").asText());
    }
}
