package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.LinkRefusal;
import org.secretariat.meetings.impl.registration.RegistrationForm;
import org.secretariat.meetings.impl.registration.RegistrationForm.Delegate;
import org.secretariat.meetings.impl.registration.RegistrationForm.Problem;
import org.secretariat.meetings.impl.registration.RegistrationForm.Submitted;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.mail.Mail;

/**
 * The public registration form's rules over the module's database: what a good submission makes
 * (pending participants with credentials of kind COPY, the letter stored, the acknowledgement queued
 * in the focal point's language), what it refuses (each field, the letter's content), and its
 * protections (the nonce taken once, stale and forged nonces, the honeypot, the deadline, the rate limit).
 */
@ExtendWith(TestModule.Shared.class)
class RegistrationFormTest {

    private static final Instant DEADLINE = Instant.parse("2011-10-15T17:00:00Z");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final TestModule module;
    private final long meetingId;
    private final String token;
    private final RegistrationForm form;

    RegistrationFormTest(TestModule module) {
        this.module = module;
        MeetingJson body = new MeetingJson();
        body.type = "MSP";
        body.title = "Third Meeting of States Parties";
        body.startDate = LocalDate.of(2011, 11, 1);
        body.endDate = LocalDate.of(2011, 11, 4);
        body.city = "Geneva";
        body.extension("registrationDeadline", DEADLINE.toString());
        this.meetingId = module.meetings.create(body).id;
        this.token = module.invitations.send(meetingId, new Invitations.Send(List.of(new Invitations.Recipient("mission@mfa.no", "Kari Berg",
                DelegationKind.STATE, "NO", "Norway", ProtocolGroup.STATE_PARTY, "fr")), null), null, "maria").invitations().get(0).linkToken();
        this.form = at(module.clock.instant());
    }

    private RegistrationForm at(Instant now) {
        return new RegistrationForm(module.database.factory(), invitationsAt(now), module.participants, module.links, module.notices,
                new TestModule.CcmProfile(), new TestModule.FolderStorage(module.files), Clock.fixed(now, ZoneOffset.UTC));
    }

    private Invitations invitationsAt(Instant now) {
        return new Invitations(module.database.factory(), module.meetings, module.participants, module.links, module.notices,
                Clock.fixed(now, ZoneOffset.UTC), null);
    }

    private RegistrationForm.Letter letter(byte[] content) throws Exception {
        Path file = Files.createTempFile(Files.createDirectories(form.incomingFolder()), "test-", ".part");
        Files.write(file, content);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return new RegistrationForm.Letter(file, "lettre de pouvoirs.pdf", content.length, sha, new String(content, 0, 5, StandardCharsets.ISO_8859_1)
                .equals("%PDF-"));
    }

    private static List<Delegate> rows(Delegate... delegates) {
        List<Delegate> rows = new ArrayList<>(List.of(delegates));
        while (rows.size() < RegistrationForm.ROWS) {
            rows.add(new Delegate("", "", "", "", "en", "DELEGATE", ""));
        }
        return rows;
    }

    private Submitted submitted(String nonce, String honeypot, Delegate... delegates) {
        return new Submitted(nonce, "fr", "Kari Berg", "kari@mfa.no", honeypot, rows(delegates));
    }

    private List<Registration> participants() {
        return module.participants.list(meetingId, null, Refusals.FIRST_PAGE).getItems();
    }

    @Test
    void aGoodSubmissionMakesPendingParticipantsWithTheLetterAndQueuesTheAcknowledgement() throws Exception {
        RegistrationForm.Form opened = form.open(token, null);
        assertEquals("fr", opened.language(), "the invitation's language");
        assertEquals("es", form.open(token, "es").language());
        assertEquals("fr", form.open(token, "de").language(), "a language the form is not written in: the invitation's");
        assertEquals("Norway", opened.invitation().delegation());

        RegistrationForm.Outcome outcome = form.submit(token, submitted(opened.nonce(), "",
                new Delegate("Kari", "Berg", "Ambassador", "kari@mfa.no", "fr", "HEAD_OF_DELEGATION", "step-free access"),
                new Delegate("", "", "", "", "es", "DELEGATE", ""),
                new Delegate("Ola", "Dahl", "", "ola@mfa.no", "en", "ADVISER", "")), letter(PDF));
        RegistrationForm.Accepted accepted = assertInstanceOf(RegistrationForm.Accepted.class, outcome);
        assertEquals(2, accepted.delegates(), "the empty row is no delegate");
        assertEquals(Notices.Outcome.QUEUED, accepted.acknowledgement());

        List<Registration> registered = participants();
        assertEquals(List.of("Kari Berg HEAD_OF_DELEGATION PENDING COPY fr", "Ola Dahl ADVISER PENDING COPY en"), registered.stream()
                .map(p -> p.displayName() + " " + p.role() + " " + p.status() + " " + p.credentialsKind() + " " + p.language())
                .collect(Collectors.toList()));
        Registration kari = registered.get(0);
        assertEquals("Norway", kari.delegation());
        assertEquals(ProtocolGroup.STATE_PARTY, kari.protocolGroup());
        assertEquals("step-free access", kari.accessibilityNeeds());
        assertEquals(TestModule.TODAY, kari.credentialsReceivedOn());
        assertTrue(kari.selfRegistered());

        RegistrationForm.StoredLetter stored = form.letter(meetingId, kari.id());
        assertArrayEquals(PDF, Files.readAllBytes(stored.path()), "the letter is kept with the documents' files, once per content");
        assertEquals("lettre de pouvoirs.pdf", stored.fileName());
        assertEquals(2, module.invitations.list(meetingId).get(0).registered());

        Mail acknowledgement = module.mailer.committed("meetings:registration-received:" + accepted.submissionId()).get(0);
        assertEquals("kari@mfa.no", acknowledgement.to());
        assertEquals("fr", acknowledgement.language());
        assertEquals("Inscription reçue : Third Meeting of States Parties", acknowledgement.subject());
        assertTrue(acknowledgement.text().contains("- Kari Berg, Ambassador\n- Ola Dahl"), acknowledgement.text());

        assertInstanceOf(RegistrationForm.AlreadyReceived.class, form.submit(token, submitted(opened.nonce(), "",
                new Delegate("Kari", "Berg", "", "kari@mfa.no", "fr", "DELEGATE", "")), letter(PDF)), "the same form sent twice is taken once");
        assertEquals(2, participants().size());
    }

    @Test
    void everyFieldIsChecked() throws Exception {
        String nonce = form.open(token, null).nonce();
        Submitted empty = new Submitted(nonce, "fr", " ", "kari@", "", rows());
        assertEquals(List.of(new Problem("focalName", "error.required", 0), new Problem("focalEmail", "error.email", 0),
                new Problem("d1-family", "error.noDelegate", 0), new Problem("letter", "error.letterRequired", 0)),
                assertInstanceOf(RegistrationForm.Invalid.class, form.submit(token, empty, null)).problems());

        Submitted rowsWrong = submitted(nonce, "", new Delegate("Kari", "", "x".repeat(201), "kari", "de", "KING", "n".repeat(501)),
                new Delegate("", "", "", "", "fr", "DELEGATE", ""), new Delegate("Ola", "Dahl", "", "", "en", "DELEGATE", ""));
        assertEquals(List.of(new Problem("d1-family", "error.required", 0), new Problem("d1-function", "error.tooLong", 200),
                new Problem("d1-email", "error.email", 0), new Problem("d1-language", "error.choice", 0), new Problem("d1-role", "error.choice", 0),
                new Problem("d1-needs", "error.tooLong", 500), new Problem("d3-email", "error.required", 0),
                new Problem("letter", "error.letterNotPdf", 0)),
                assertInstanceOf(RegistrationForm.Invalid.class, form.submit(token, rowsWrong, letter("<html>not a pdf</html>".getBytes(
                        StandardCharsets.UTF_8)))).problems());
        assertEquals(0, participants().size(), "nothing is kept of a refused form");
    }

    @Test
    void theHoneypotIsAnsweredAsTakenAndKeepsNothing() throws Exception {
        String nonce = form.open(token, null).nonce();
        assertInstanceOf(RegistrationForm.Ignored.class, form.submit(token, submitted(nonce, "http://spam.example",
                new Delegate("Bot", "Bot", "", "bot@spam.example", "en", "DELEGATE", "")), letter(PDF)));
        assertEquals(0, participants().size());
        assertTrue(module.mailer.committed().stream().noneMatch(m -> m.to().equals("kari@mfa.no") && m.template().equals("registration-received")));
    }

    @Test
    void onlyANonceThisFormGaveAndNotTooOldIsTaken() throws Exception {
        Delegate kari = new Delegate("Kari", "Berg", "", "kari@mfa.no", "fr", "DELEGATE", "");
        assertInstanceOf(RegistrationForm.Stale.class, form.submit(token, submitted(null, "", kari), letter(PDF)));
        assertInstanceOf(RegistrationForm.Stale.class, form.submit(token, submitted("1316512800.AAAAAAAAAAAAAAAAAAAAAA.1."
                + "A".repeat(43), "", kari), letter(PDF)), "forged");
        String otherInvitation = module.links.formNonce(987654321L);
        assertInstanceOf(RegistrationForm.Stale.class, form.submit(token, submitted(otherInvitation, "", kari), letter(PDF)), "another form's");
        String nonce = form.open(token, null).nonce();
        assertInstanceOf(RegistrationForm.Stale.class, at(module.clock.instant().plus(Duration.ofHours(13))).submit(token, submitted(nonce, "", kari),
                letter(PDF)), "open for more than 12 hours");
        assertEquals(0, participants().size());
    }

    @Test
    void afterTheDeadlineNothingIsTaken() throws Exception {
        String nonce = form.open(token, null).nonce();
        LinkRefusal closed = assertThrows(LinkRefusal.class, () -> at(DEADLINE.plusSeconds(60)).submit(token, submitted(nonce, "",
                new Delegate("Kari", "Berg", "", "kari@mfa.no", "fr", "DELEGATE", "")), letter(PDF)));
        assertEquals(LinkRefusal.Reason.CLOSED, closed.reason());
        assertEquals(409, closed.reason().status());
        assertThrows(LinkRefusal.class, () -> at(DEADLINE).open(token, null));
        assertEquals(0, participants().size());
    }

    @Test
    void tenSubmissionsPerAddressInTenMinutes() {
        RegistrationForm limited = at(module.clock.instant());
        for (int i = 0; i < 10; i++) {
            assertTrue(limited.admit("192.0.2.1").isEmpty(), "submission " + (i + 1));
        }
        Duration wait = limited.admit("192.0.2.1").orElseThrow();
        assertEquals(Duration.ofMinutes(10), wait, "all ten came at the same moment: the first leaves the window in ten minutes");
        assertTrue(limited.admit("192.0.2.2").isEmpty(), "another address has its own count");
        assertFalse(limited.admit("192.0.2.1").isEmpty(), "a refused submission does not free a place");
    }

    @Test
    void aParticipantWithoutSubmissionHasNoLetter() throws IOException {
        Registration typed = module.participants.register(meetingId, new Registration(null, DelegationKind.ORGANISATION, null, "ICRC", null, null,
                null, "Observer", null, null, ParticipantRole.OBSERVER, null, null, null, null));
        assertThrows(org.secretariat.platform.api.domain.DomainException.class, () -> form.letter(meetingId, typed.id()));
        assertEquals(RegistrationStatus.PENDING, typed.status());
        assertEquals(null, typed.credentialsKind());
        assertFalse(typed.selfRegistered());
    }
}
