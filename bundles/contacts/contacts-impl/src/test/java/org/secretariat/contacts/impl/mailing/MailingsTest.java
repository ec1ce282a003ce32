package org.secretariat.contacts.impl.mailing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.conflict;
import static org.secretariat.contacts.impl.service.Refusals.invalid;
import static org.secretariat.contacts.impl.service.Refusals.notFound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.impl.domain.GroupCriterion;
import org.secretariat.contacts.impl.domain.GroupKind;
import org.secretariat.contacts.impl.domain.MailingOutcome;
import org.secretariat.contacts.impl.groups.GroupDto;
import org.secretariat.contacts.impl.groups.GroupEvaluation;
import org.secretariat.contacts.impl.groups.GroupQueryDto;
import org.secretariat.contacts.impl.groups.Groups;
import org.secretariat.contacts.impl.service.Directory;
import org.secretariat.contacts.impl.service.PersonDto;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.Mailer;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * Mailings over a real database with a Mailer that records what it is given (and, like the platform's, queues a key
 * once): the language each recipient gets, the consent rules, the record of every recipient, a dry run that writes
 * nothing, and a platform without its mail part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailingsTest {

    private static final PageRequest FIRST_PAGE = PageRequest.parse(null, null, null, Set.of("name"), "name");

    private final Directory directory = new Directory();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Groups groups = new Groups(directory.database.factory(), directory.states, directory.organisations, directory.themes);
    private final GroupEvaluation evaluation = new GroupEvaluation(directory.database.factory(), type -> Optional.empty());
    private final Mailings mailings = mailings(new Outbox(mailer));

    private Mailings mailings(Outbox outbox) {
        return new Mailings(directory.database.factory(), evaluation, directory.languages, directory.profile, outbox);
    }

    @AfterEach
    void clear() {
        directory.clear();
        mailer.queued.clear();
        mailer.keys.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    /** Records each message with whether its caller's transaction was active on the EntityManager given; a key is queued once. */
    static final class RecordingMailer implements Mailer {

        record Queued(Mail mail, boolean inTransaction, EntityManager em) {
        }

        final List<Queued> queued = new ArrayList<>();
        final Set<String> keys = new HashSet<>();

        @Override
        public boolean queue(EntityManager em, Mail mail) {
            if (mail.to().endsWith(".invalid")) {
                throw new IllegalArgumentException("the address " + mail.to() + " cannot receive mail");
            }
            if (!keys.add(mail.key())) {
                return false;
            }
            queued.add(new Queued(mail, em.getTransaction().isActive(), em));
            return true;
        }

        Mail to(String address) {
            return queued.stream().map(Queued::mail).filter(m -> m.to().equals(address)).findFirst().orElseThrow(() -> new AssertionError(
                    "nothing queued to " + address + " in " + queued));
        }
    }

    private long person(String givenName, String familyName, String email, boolean consent, String language) {
        return directory.people.create(new PersonDto(null, null, givenName, familyName, null, email, null, "FR", language, consent, null, null, null,
                null, null)).id();
    }

    private long group(String name, Long... people) {
        GroupDto group = groups.create(new GroupDto(null, name, null, GroupKind.STATIC, null, null, null, null, null), "ana");
        if (people.length > 0) {
            groups.addMembers(group.id(), List.of(people), "ana");
        }
        return group.id();
    }

    private static MailingInput notice(long groupId, TextDto... texts) {
        return new MailingInput(groupId, "notice", List.of(texts));
    }

    private static TextDto text(String language, String subject, String body) {
        return new TextDto(language, subject, body);
    }

    private Map<Long, RecipientDto> recipients(long mailingId) {
        return mailings.recipients(mailingId, null, FIRST_PAGE).getItems().stream().collect(Collectors.toMap(RecipientDto::personId, r -> r));
    }

    @Test
    void eachRecipientGetsTheMessageInTheirLanguageAndTheConsentRulesHold() {
        long marie = person("Marie", "Dupont", "marie@example.org", true, "fr");
        long elena = person("Elena", "García", "elena@example.org", true, "es");
        long john = person("John", "Smith", "john@example.org", true, null);
        long refused = person("Paul", "Refus", null, false, "fr");
        long noAddress = person("Ana", "Sans", null, true, null);
        long groupId = group("Focal points", marie, elena, john, refused, noAddress);

        MailingDto sent = mailings.send(notice(groupId, text("en", "Intersessional meetings", "The meetings take place in June."),
                text("fr", "Réunions intersessions", "Les réunions ont lieu en juin.")), "director");
        assertEquals(5, sent.recipients());
        assertEquals(3, sent.queued());
        assertEquals(2, sent.skipped());
        assertEquals(0, sent.failed());
        assertEquals(Map.of(MailingOutcome.QUEUED, 3L, MailingOutcome.SKIPPED_NO_CONSENT, 1L, MailingOutcome.SKIPPED_NO_ADDRESS, 1L,
                MailingOutcome.FAILED, 0L), sent.outcomes());
        assertEquals("director", sent.sentBy());
        assertEquals("Focal points", sent.groupName());
        assertTrue(sent.mailService());

        Mail toMarie = mailer.to("marie@example.org");
        assertEquals("fr", toMarie.language(), "she prefers French, and it was written in French");
        assertEquals("Réunions intersessions", toMarie.subject());
        assertTrue(toMarie.text().startsWith("Bonjour Marie Dupont,\n\nLes réunions ont lieu en juin."), toMarie.text());
        assertTrue(toMarie.text().contains("Convention on Cluster Munitions (CCM)"), toMarie.text());
        assertEquals("contacts:mailing:" + sent.id() + ":" + marie, toMarie.key());
        assertEquals("contacts", toMarie.module());
        assertEquals("notice", toMarie.template());
        assertEquals("Marie Dupont", toMarie.toName());
        assertNull(toMarie.html(), "plain text");
        Mail toElena = mailer.to("elena@example.org");
        assertEquals("en", toElena.language(), "Spanish was not written: the profile's default language");
        assertEquals("Intersessional meetings", toElena.subject());
        assertTrue(toElena.text().startsWith("Dear Elena García,\n\nThe meetings take place in June."), toElena.text());
        assertEquals("en", mailer.to("john@example.org").language(), "no preference: the default");
        assertEquals(3, mailer.queued.size(), "nothing to the people without consent or address");
        assertTrue(mailer.queued.stream().allMatch(RecordingMailer.Queued::inTransaction), "queued in the transaction recording the mailing");
        assertSame(mailer.queued.get(0).em(), mailer.queued.get(2).em(), "one transaction for the whole mailing");

        Map<Long, RecipientDto> recorded = recipients(sent.id());
        assertEquals(MailingOutcome.QUEUED, recorded.get(marie).outcome());
        assertEquals("fr", recorded.get(marie).language());
        assertEquals("en", recorded.get(elena).language());
        assertEquals(MailingOutcome.SKIPPED_NO_CONSENT, recorded.get(refused).outcome());
        assertEquals("the person did not consent to be contacted", recorded.get(refused).reason());
        assertEquals(MailingOutcome.SKIPPED_NO_ADDRESS, recorded.get(noAddress).outcome());
        assertEquals(List.of("Paul Refus"), mailings.recipients(sent.id(), MailingOutcome.SKIPPED_NO_CONSENT, FIRST_PAGE).getItems().stream()
                .map(RecipientDto::name).collect(Collectors.toList()));

        MailingDto read = mailings.get(sent.id());
        assertEquals(List.of("en", "fr"), read.texts().stream().map(TextDto::language).collect(Collectors.toList()));
        assertEquals(sent.outcomes(), read.outcomes());
        assertEquals(1, mailings.list(groupId, FIRST_PAGE).getTotal());
        assertEquals(0, mailings.list(groupId + 1000, FIRST_PAGE).getTotal());
        notFound(() -> mailings.get(sent.id() + 1000));
    }

    @Test
    void aDryRunSaysWhoWouldGetItAndWhyNotAndWritesNothing() {
        long marie = person("Marie", "Dupont", "marie@example.org", true, "fr");
        long refused = person("Paul", "Refus", null, false, null);
        long groupId = group("Invitees", marie, refused);

        DryRunDto dry = mailings.dryRun(notice(groupId, text("en", "Save the date", "The Meeting of States Parties is in September."),
                text("fr", "À retenir", "La Réunion des États parties a lieu en septembre.")), FIRST_PAGE);
        assertTrue(dry.available());
        assertTrue(dry.mailService());
        assertEquals(2, dry.recipients());
        assertEquals(1, dry.queued());
        assertEquals(1, dry.skippedNoConsent());
        assertEquals(List.of("Marie Dupont", "Paul Refus"), dry.items().stream().map(RecipientDto::name).collect(Collectors.toList()));
        assertEquals(MailingOutcome.SKIPPED_NO_CONSENT, dry.items().get(1).outcome());
        assertEquals(1, dry.previews().size(), "one preview per language someone would get it in");
        assertEquals("fr", dry.previews().get(0).language());
        assertEquals("À retenir", dry.previews().get(0).subject());
        assertTrue(mailer.queued.isEmpty(), "a dry run queues nothing");
        assertEquals(0, mailings.list(null, FIRST_PAGE).getTotal(), "and records nothing");

        DryRunDto secondPage = mailings.dryRun(notice(groupId, text("en", "Save the date", "September.")), PageRequest.parse("1", "1", null,
                Set.of("name"), "name"));
        assertEquals(List.of("Paul Refus"), secondPage.items().stream().map(RecipientDto::name).collect(Collectors.toList()));
        assertEquals(2, secondPage.total());
    }

    @Test
    void theMessageIsCheckedBeforeAnythingIsSent() {
        long marie = person("Marie", "Dupont", "marie@example.org", true, "fr");
        long groupId = group("Invitees", marie);
        invalid("groupId", () -> mailings.send(null, "director"));
        invalid("groupId", () -> mailings.send(new MailingInput(null, "notice", List.of()), "director"));
        notFound(() -> mailings.send(notice(groupId + 1000, text("en", "S", "B")), "director"));
        invalid("template", () -> mailings.send(new MailingInput(groupId, "newsletter", List.of(text("en", "S", "B"))), "director"));
        invalid("texts.en.subject", () -> mailings.send(notice(groupId), "director"));
        invalid("texts.en.subject", () -> mailings.send(notice(groupId, text("fr", "Sujet", "Corps")), "director"));
        invalid("texts.en.subject", () -> mailings.send(notice(groupId, text("en", "Two\nlines", "Body")), "director"));
        invalid("texts.en.body", () -> mailings.send(notice(groupId, text("en", "Subject", " ")), "director"));
        invalid("texts", () -> mailings.send(notice(groupId, text("de", "Betreff", "Text")), "director"));
        invalid("texts.en.subject", () -> mailings.send(notice(groupId, text("en", "S", "B"), text("EN", "S", "B")), "director"));
        invalid("texts.en.subject", () -> mailings.send(new MailingInput(groupId, "details-check", List.of(text("en", "Own subject", null))),
                "director"));
        assertTrue(mailer.queued.isEmpty());
        assertEquals(0, mailings.list(null, FIRST_PAGE).getTotal());

        conflict(() -> mailings.send(notice(group("Nobody"), text("en", "S", "B")), "director"));
        long heads = groups.create(new GroupDto(null, "Heads", null, GroupKind.QUERY, new GroupQueryDto(GroupCriterion.HEADS_OF_DELEGATION, null,
                null, null, null, null, null, null, "MSP"), null, null, null, null), "ana").id();
        assertTrue(conflict(() -> mailings.send(notice(heads, text("en", "S", "B")), "director")).getMessage().contains("cannot be evaluated now"));
        DryRunDto unavailable = mailings.dryRun(notice(heads, text("en", "S", "B")), FIRST_PAGE);
        assertFalse(unavailable.available());
        assertTrue(unavailable.reason().contains("meetings module"), unavailable.reason());
    }

    @Test
    void aTemplateWithoutStaffTextsIsSentInEachWorkingLanguage() {
        long marie = person("Marie", "Dupont", "marie@example.org", true, "fr");
        long elena = person("Elena", "García", "elena@example.org", true, "es");
        long groupId = group("Everyone", marie, elena);
        mailings.send(new MailingInput(groupId, "details-check", List.of()), "director");
        Mail toElena = mailer.to("elena@example.org");
        assertEquals("es", toElena.language());
        assertEquals("CCM: ¿siguen siendo correctos sus datos de contacto?", toElena.subject());
        assertTrue(toElena.text().contains("Correo electrónico: elena@example.org"), toElena.text());
        assertEquals("CCM : vos coordonnées sont-elles toujours exactes ?", mailer.to("marie@example.org").subject());
    }

    @Test
    void withoutTheMailServiceEveryoneFailsAndSaysWhyThenARetryQueuesOnce() {
        long marie = person("Marie", "Dupont", "marie@example.org", true, "fr");
        long john = person("John", "Smith", "john@example.org", true, null);
        long bounced = person("Lou", "Rebond", "lou@example.invalid", true, null);
        long groupId = group("Invitees", marie, john, bounced);
        Outbox none = new Outbox(null);
        Mailings withoutMail = mailings(none);

        DryRunDto dry = withoutMail.dryRun(notice(groupId, text("en", "S", "B")), FIRST_PAGE);
        assertFalse(dry.mailService());
        assertEquals(3, dry.failed());
        MailingDto sent = withoutMail.send(notice(groupId, text("en", "Notice", "Body")), "director");
        assertFalse(sent.mailService());
        assertEquals(3, sent.failed());
        assertTrue(recipients(sent.id()).get(marie).reason().startsWith("no mail service"), recipients(sent.id()).get(marie).reason());
        assertTrue(mailer.queued.isEmpty());

        // The mail part is back; Marie withdrew her consent meanwhile.
        PersonDto before = directory.people.get(marie);
        directory.people.update(marie, new PersonDto(null, null, "Marie", "Dupont", null, null, null, "FR", "fr", false, null, null, null, null,
                before.version()));
        invalid("version", () -> mailings.retry(sent.id(), null));
        MailingDto retried = mailings.retry(sent.id(), sent.version());
        assertEquals(1, retried.queued());
        assertEquals(1, retried.skipped());
        assertEquals(1, retried.failed(), "the outbox refuses lou's address");
        Map<Long, RecipientDto> now = recipients(sent.id());
        assertEquals(MailingOutcome.SKIPPED_NO_CONSENT, now.get(marie).outcome(), "consent as it is at the retry");
        assertEquals(MailingOutcome.QUEUED, now.get(john).outcome());
        assertTrue(now.get(bounced).reason().contains("cannot receive mail"), now.get(bounced).reason());
        assertEquals(List.of("john@example.org"), mailer.queued.stream().map(q -> q.mail().to()).collect(Collectors.toList()));
        conflict(() -> mailings.retry(sent.id(), sent.version()));

        // Tried again, the message queued already is not queued twice.
        Transactions.inTransaction(directory.database.factory(), em -> em.createQuery(
                "UPDATE MailingRecipient r SET r.outcome = :failed WHERE r.personId = :john").setParameter("failed", MailingOutcome.FAILED)
                .setParameter("john", john).executeUpdate());
        MailingDto again = mailings.retry(sent.id(), mailings.get(sent.id()).version());
        assertEquals(1, again.queued());
        assertEquals("queued before under the same key", recipients(sent.id()).get(john).reason());
        assertEquals(1, mailer.queued.size());
    }

    @Test
    void theTemplatesOfferedSayWhatStaffWrite() {
        List<TemplateDto> offered = mailings.templates();
        assertEquals(List.of("notice", "reminder", "details-check"), offered.stream().map(TemplateDto::name).collect(Collectors.toList()));
        assertTrue(offered.get(0).needsSubject() && offered.get(0).needsBody());
        assertFalse(offered.get(2).needsSubject());
        assertTrue(offered.stream().allMatch(t -> t.languages().equals(List.of("en", "fr", "es"))), offered::toString);
    }
}
