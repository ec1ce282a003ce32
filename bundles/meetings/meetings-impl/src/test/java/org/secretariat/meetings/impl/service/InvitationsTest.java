package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.Invitations.Recipient;
import org.secretariat.meetings.impl.registration.LinkRefusal;
import org.secretariat.meetings.impl.registration.RegistrationLinks;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.mail.Mail;

/**
 * Invitations (1.2): recorded with their e-mail queued in one transaction, in each recipient's
 * language; the signed links hold for their meeting until their expiry or the deadline, and nothing
 * else opens the form: a forged, tampered, expired, revoked or other meeting's link, or any after the
 * deadline.
 */
@ExtendWith(TestModule.Shared.class)
class InvitationsTest {

    private static final Instant DEADLINE = Instant.parse("2011-10-15T17:00:00Z");

    private final TestModule module;
    private final long meetingId;

    InvitationsTest(TestModule module) {
        this.module = module;
        MeetingJson body = new MeetingJson();
        body.type = "MSP";
        body.title = "Third Meeting of States Parties " + System.nanoTime();
        body.startDate = LocalDate.of(2011, 11, 1);
        body.endDate = LocalDate.of(2011, 11, 4);
        body.venue = "Palais des Nations";
        body.city = "Geneva";
        body.extension("registrationDeadline", DEADLINE.toString());
        this.meetingId = module.meetings.create(body).id;
    }

    private static Recipient norway(String email, String language) {
        return new Recipient(email, "Ms Kari Berg", DelegationKind.STATE, "NO", "Norway", ProtocolGroup.STATE_PARTY, language);
    }

    private static Recipient icrc(String email) {
        return new Recipient(email, null, DelegationKind.ORGANISATION, null, "ICRC", null, null);
    }

    private Invitations at(Instant now) {
        return new Invitations(module.database.factory(), module.meetings, module.participants, module.links, module.notices,
                Clock.fixed(now, ZoneOffset.UTC), "https://secretariat.example.org");
    }

    private static String token(Mail mail) {
        String text = mail.text();
        int at = text.indexOf("https://secretariat.example.org/register/");
        return text.substring(at + "https://secretariat.example.org/register/".length()).split("\\s")[0];
    }

    private void refused(LinkRefusal.Reason reason, Invitations invitations, String token) {
        LinkRefusal refusal = assertThrows(LinkRefusal.class, () -> invitations.open(token));
        assertEquals(reason, refusal.reason(), token);
    }

    @Test
    void eachRecipientGetsAnInvitationInTheirLanguageWithALinkToTheForm() {
        Invitations.Sent sent = module.invitations.send(meetingId, new Invitations.Send(List.of(norway("kari@mfa.no", "fr"),
                icrc("focal@icrc.org")), null), "http://ignored:8080", "maria");
        assertEquals(2, sent.queued());
        assertNull(sent.notice());
        List<Mail> mails = module.mailer.committed().stream().filter(m -> sent.invitations().stream()
                .anyMatch(i -> m.key().equals("meetings:invitation:" + i.id()))).collect(Collectors.toList());
        assertEquals(2, mails.size());
        Mail french = mails.stream().filter(m -> m.to().equals("kari@mfa.no")).findFirst().orElseThrow();
        assertEquals("fr", french.language());
        assertEquals("meetings", french.module());
        assertEquals("invitation", french.template());
        assertTrue(french.subject().startsWith("Invitation : Third Meeting of States Parties"), french.subject());
        assertTrue(french.text().contains("délégation de Norway"), french.text());
        assertTrue(french.text().contains("1 novembre 2011 – 4 novembre 2011, Palais des Nations, Geneva"), french.text());
        assertTrue(french.text().contains("avant le 15 octobre 2011"), french.text());
        Mail english = mails.stream().filter(m -> m.to().equals("focal@icrc.org")).findFirst().orElseThrow();
        assertEquals("en", english.language(), "without a language: the profile's first");
        assertTrue(english.text().startsWith("Dear ICRC,"), english.text());

        Invitations.Opened opened = module.invitations.open(token(french));
        assertEquals(meetingId, opened.meetingId());
        assertEquals("Norway", opened.delegation());
        assertEquals(ProtocolGroup.STATE_PARTY, opened.protocolGroup());
        assertEquals("fr", opened.language());
        assertEquals(DEADLINE, opened.closesAt(), "the link holds until the deadline");
        assertEquals(token(french), sent.invitations().get(0).linkToken());

        List<Invitations.View> listed = module.invitations.list(meetingId);
        assertEquals(List.of("focal@icrc.org", "kari@mfa.no"), listed.stream().map(Invitations.View::email).collect(Collectors.toList()));
        assertTrue(listed.get(1).mailQueued());
        assertEquals("maria", listed.get(1).sentBy());
        assertEquals(0, listed.get(1).registered());
        assertEquals(meetingId, module.invitations.open(listed.get(0).linkToken()).meetingId(), "the listed link opens the form too");
    }

    @Test
    void forgedTamperedExpiredRevokedAndOtherMeetingsLinksAreRefused() {
        Invitations.Sent sent = module.invitations.send(meetingId, new Invitations.Send(List.of(norway("kari@mfa.no", "en")),
                Instant.parse("2011-10-01T00:00:00Z")), null, "maria");
        Invitations.View invitation = sent.invitations().get(0);
        String token = invitation.linkToken();
        assertEquals(Instant.parse("2011-10-01T00:00:00Z"), module.invitations.open(token).closesAt(), "the expiry comes before the deadline");
        String[] parts = token.split("\\.");

        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, "");
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, "not-a-link");
        String mac = parts[4];
        String flipped = (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1);
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, String.join(".", parts[0], parts[1], parts[2], parts[3], flipped));
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, String.join(".", parts[0], parts[1],
                String.valueOf(Long.parseLong(parts[2]) + 86400), parts[3], mac));
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, String.join(".", parts[0], String.valueOf(invitation.id() + 1), parts[2], parts[3],
                mac));
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, String.join(".", parts[0], parts[1], parts[2], "7", mac));
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, String.join(".", parts[0], parts[1], parts[2], parts[3],
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        // A correct signature for another meeting, over this invitation, opens nothing.
        long otherMeeting = module.pastMeeting();
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, module.links.sign(otherMeeting, invitation.id(),
                Instant.parse("2011-10-01T00:00:00Z")));
        // Another platform's key signs links this one does not take.
        RegistrationLinks elsewhere = new RegistrationLinks(TestModule.otherDatabase(), module.clock);
        refused(LinkRefusal.Reason.NOT_VALID, module.invitations, elsewhere.sign(meetingId, invitation.id(), Instant.parse("2011-10-01T00:00:00Z")));

        refused(LinkRefusal.Reason.EXPIRED, at(Instant.parse("2011-10-01T00:00:00Z")), token);
        refused(LinkRefusal.Reason.CLOSED, at(DEADLINE), token);
        assertEquals(DEADLINE, assertThrows(LinkRefusal.class, () -> at(DEADLINE.plusSeconds(3600)).open(token)).closedAt());

        Invitations.View revoked = module.invitations.revoke(meetingId, invitation.id());
        assertNotEquals(null, revoked.revokedAt());
        refused(LinkRefusal.Reason.REVOKED, module.invitations, token);
        assertEquals(410, LinkRefusal.Reason.REVOKED.status());
        assertEquals(409, LinkRefusal.Reason.CLOSED.status());
        assertEquals(404, LinkRefusal.Reason.NOT_VALID.status());
    }

    @Test
    void aSendingIsAllOrNothingAndRefusesAfterTheDeadline() {
        int before = module.invitations.list(meetingId).size();
        int mails = module.mailer.committed().size();
        assertRefused(Kind.INVALID, "recipients[1].email", "recipients[1]: email is not an e-mail address", () -> module.invitations.send(meetingId,
                new Invitations.Send(List.of(norway("kari@mfa.no", "fr"), icrc("not-an-address")), null), null, "maria"));
        assertRefused(Kind.INVALID, "recipients[0].stateIso2", "recipients[0]: stateIso2 is an ISO 3166-1 alpha-2 code, e.g. NO",
                () -> module.invitations.send(meetingId, new Invitations.Send(List.of(new Recipient("a@b.org", null, DelegationKind.STATE, "N0",
                        "Norway", null, null)), null), null, "maria"));
        assertRefused(Kind.INVALID, "recipients[0].language", "recipients[0]: language is an ISO 639-1 code such as en, fr or es",
                () -> module.invitations.send(meetingId, new Invitations.Send(List.of(norway("kari@mfa.no", "xx")), null), null, "maria"));
        assertRefused(Kind.INVALID, "recipients[1].email", "recipients[1]: the mail service refuses the address bounce@mfa.invalid",
                () -> module.invitations.send(meetingId, new Invitations.Send(List.of(norway("kari@mfa.no", "fr"), icrc("bounce@mfa.invalid")),
                        null), null, "maria"));
        assertEquals(before, module.invitations.list(meetingId).size(), "no invitation kept from a refused sending");
        assertEquals(mails, module.mailer.committed().size(), "and no e-mail: it was queued in the transaction that rolled back");
        assertRefused(Kind.INVALID, "recipients", "recipients is required: at least one, or a groupId",
                () -> module.invitations.send(meetingId, new Invitations.Send(List.of(), null), null, "maria"));
        assertRefused(Kind.INVALID, "expiresAt", "expiresAt is in the past", () -> module.invitations.send(meetingId,
                new Invitations.Send(List.of(norway("kari@mfa.no", "fr")), Instant.parse("2011-09-01T00:00:00Z")), null, "maria"));
        assertRefused(Kind.CONFLICT, null, "Registration for meeting " + meetingId + " closed at " + DEADLINE + ": set a later registrationDeadline first",
                () -> at(DEADLINE).send(meetingId, new Invitations.Send(List.of(norway("kari@mfa.no", "fr")), null), null, "maria"));
        long past = module.pastMeeting();
        assertRefused(Kind.CONFLICT, null, "Registration for meeting " + past + " closed at 2011-09-13T00:00:00Z: set a later registrationDeadline first",
                () -> module.invitations.send(past, new Invitations.Send(List.of(norway("kari@mfa.no", "fr")), null), null, "maria"));
    }

    @Test
    void withoutTheMailServiceTheInvitationsAreKeptAndStaffAreTold() {
        Invitations unsent = new Invitations(module.database.factory(), module.meetings, module.participants, module.links,
                new Notices(new TestModule.CcmProfile(), null), module.clock, null);
        Invitations.Sent sent = unsent.send(meetingId, new Invitations.Send(List.of(icrc("focal@icrc.org")), null), "http://localhost:8398", "maria");
        assertEquals(0, sent.queued());
        assertFalse(sent.invitations().get(0).mailQueued());
        assertEquals("not sent: the platform's mail service is not installed: give each recipient their link", sent.notice());
        assertEquals(meetingId, unsent.open(sent.invitations().get(0).linkToken()).meetingId());
    }

    @Test
    void theDeadlineIsPartOfTheMeeting() {
        MeetingJson read = module.meetings.get(meetingId);
        assertEquals(DEADLINE.toString(), read.extensions().get("registrationDeadline"));
        assertEquals(DEADLINE.toString(), read.extensions().get("registrationClosesAt"));
        long past = module.pastMeeting();
        assertEquals("2011-09-13T00:00:00Z", module.meetings.get(past).extensions().get("registrationClosesAt"), "without one: the first day");
        assertFalse(module.meetings.get(past).extensions().containsKey("registrationDeadline"));
        MeetingJson change = module.meetings.get(meetingId);
        change.extension("registrationDeadline", "2011-10-20");
        change.extension("registrationClosesAt", "ignored");
        assertEquals("2011-10-20T23:59:59Z", module.meetings.update(meetingId, change).extensions().get("registrationDeadline"));
        MeetingJson late = module.meetings.get(meetingId);
        late.extension("registrationDeadline", "2011-11-05T00:00:01Z");
        assertRefused(Kind.INVALID, "registrationDeadline", "registrationDeadline is after the meeting's last day",
                () -> module.meetings.update(meetingId, late));
        late.extension("registrationDeadline", "soon");
        assertRefused(Kind.INVALID, "registrationDeadline", "registrationDeadline is an ISO-8601 instant such as 2011-08-31T17:00:00Z, or a day "
                + "(its end, UTC)", () -> module.meetings.update(meetingId, late));
        MeetingJson back = module.meetings.get(meetingId);
        back.extension("registrationDeadline", DEADLINE.toString());
        module.meetings.update(meetingId, back);
    }
}
