package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.MailTemplates;

/**
 * Approval and rejection are written to the participant in their language (1.2), queued in the
 * transaction that records the decision; and the module's mail templates exist in every language with
 * the same placeholders.
 */
@ExtendWith(TestModule.Shared.class)
class DecisionMailsTest {

    private final TestModule module;
    private final long meetingId;

    DecisionMailsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private Registration register(String familyName, String email, String language) {
        return module.participants.register(meetingId, new Registration(null, DelegationKind.STATE, "FR", "France", ProtocolGroup.STATE_PARTY,
                "Mme", "Claire", familyName, null, email, ParticipantRole.DELEGATE, null, null, null, null, language, null, null, null, null, null));
    }

    private Registration decide(Registration read, RegistrationStatus status) {
        return module.participants.update(meetingId, read.id(), new Registration(read.id(), null, null, null, null, read.honorific(),
                read.givenName(), read.familyName(), read.positionTitle(), read.email(), read.role(), status, read.credentialsReceived(),
                read.credentialsKind(), read.credentialsReceivedOn(), read.language(), read.accessibilityNeeds(), null, null, read.version(), null));
    }

    private List<Mail> mailsTo(String address) {
        return module.mailer.committed().stream().filter(m -> m.to().equals(address)).toList();
    }

    @Test
    void anApprovalIsWrittenInTheParticipantsLanguage() {
        Registration pending = register("Martin", "claire.martin@diplomatie.fr", "fr");
        Registration approved = decide(pending, RegistrationStatus.APPROVED);
        assertEquals("approval e-mail queued", approved.notice());
        List<Mail> mails = mailsTo("claire.martin@diplomatie.fr");
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertEquals("meetings:participant-approved:" + pending.id() + ":" + approved.version(), mail.key());
        assertEquals("fr", mail.language());
        assertEquals("participant-approved", mail.template());
        assertEquals("Inscription confirmée : Second Meeting of States Parties", mail.subject());
        assertTrue(mail.text().startsWith("Madame, Monsieur (Mme Claire Martin),"), mail.text());
        assertTrue(mail.text().contains("délégation de France"), mail.text());
        assertTrue(mail.text().contains("13 septembre 2011 – 16 septembre 2011, Beirut, a été approuvée"), mail.text());

        Registration withdrawn = decide(approved, RegistrationStatus.WITHDRAWN);
        assertNull(withdrawn.notice(), "a withdrawal is not written about");
        Registration again = decide(decide(withdrawn, RegistrationStatus.PENDING), RegistrationStatus.APPROVED);
        assertEquals("approval e-mail queued", again.notice());
        assertEquals(2, mailsTo("claire.martin@diplomatie.fr").size(), "each decision its own message");
        Registration unchanged = decide(again, RegistrationStatus.APPROVED);
        assertNull(unchanged.notice(), "a change that decides nothing new sends nothing");
    }

    @Test
    void aRejectionToo_andWithoutAddressOrLanguageItSaysSo() {
        Registration spanish = register("García", "lucia.garcia@exteriores.es", "es");
        assertEquals("rejection e-mail queued", decide(spanish, RegistrationStatus.REJECTED).notice());
        Mail rejection = mailsTo("lucia.garcia@exteriores.es").get(0);
        assertEquals("Inscripción no aceptada: Second Meeting of States Parties", rejection.subject());

        Registration noLanguage = register("Dupont", "dupont@example.org", null);
        decide(noLanguage, RegistrationStatus.APPROVED);
        assertEquals("en", mailsTo("dupont@example.org").get(0).language(), "without a language: the profile's first");

        Registration noAddress = register("Sans", null, "fr");
        assertEquals("approval e-mail not sent: no e-mail address", decide(noAddress, RegistrationStatus.APPROVED).notice());
    }

    @Test
    void aDecisionThatFailsSendsNothing() {
        Registration pending = register("Stale", "stale@example.org", "fr");
        decide(pending, RegistrationStatus.APPROVED);
        int before = mailsTo("stale@example.org").size();
        assertRefused(Kind.CONFLICT, null, "Participant " + pending.id() + " was changed by someone else (now version 2); reload and try again",
                () -> decide(pending, RegistrationStatus.REJECTED));
        assertEquals(before, mailsTo("stale@example.org").size());
    }

    @Test
    void withoutTheMailServiceTheDecisionStandsAndStaffAreTold() {
        Participants unsent = new Participants(module.database.factory(), module.meetings, new Notices(new TestModule.CcmProfile(), null),
                module.clock, null);
        Registration pending = register("Offline", "offline@example.org", "fr");
        Registration approved = unsent.update(meetingId, pending.id(), new Registration(pending.id(), null, null, null, null, null, "Claire",
                "Offline", null, "offline@example.org", null, RegistrationStatus.APPROVED, null, null, null, "fr", null, null, null,
                pending.version(), null));
        assertEquals(RegistrationStatus.APPROVED, approved.status());
        assertEquals("approval e-mail not sent: the platform's mail service is not installed", approved.notice());
    }

    @Test
    void everyTemplateInEveryLanguageHasASubjectAndTheSamePlaceholders() throws Exception {
        Pattern placeholder = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");
        for (String template : List.of("invitation", "registration-received", "participant-approved", "participant-rejected",
                "document-available", "action-due-soon", "action-overdue")) {
            Set<String> english = null;
            for (String language : List.of("en", "fr", "es")) {
                String source = new String(Notices.class.getClassLoader().getResourceAsStream("mail/" + template + "/" + language + ".txt")
                        .readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(source.startsWith("Subject: "), template + "/" + language);
                Set<String> names = new TreeSet<>();
                Matcher matcher = placeholder.matcher(source);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                if (english == null) {
                    english = names;
                }
                assertEquals(english, names, template + "/" + language);
                Map<String, String> values = new java.util.HashMap<>();
                names.forEach(name -> values.put(name, "x"));
                assertEquals(language, new MailTemplates(Notices.class).render(template, language, List.of("en"), values).language());
            }
        }
    }
}
