package org.secretariat.expertise.impl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.expertise.impl.service.Experts;
import org.secretariat.expertise.impl.service.Notices;
import org.secretariat.expertise.impl.service.Partners;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.Mailer;
import org.secretariat.platform.testing.ModuleDatabase;

/** An expert's own link: sent by e-mail, opening their form until it expires, taking one submission per rendering. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileLinksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String VA = "Victim assistance";

    private final ModuleDatabase database = ModuleDatabase.of("expertise", Expert.class);
    private final ConventionProfile profile = new Profile();
    private final List<Mail> outbox = new ArrayList<>();
    private final Mailer mailer = (EntityManager em, Mail mail) -> {
        assertTrue(em.getTransaction().isActive());
        return outbox.add(mail);
    };

    @AfterAll
    void close() {
        database.close();
    }

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private Experts experts(LocalDate day) {
        return new Experts(database.factory(), profile, new Partners(null, null), on(day));
    }

    private ProfileLinks links(LocalDate day) {
        return new ProfileLinks(database.factory(), experts(day), new Notices(profile, mailer), on(day));
    }

    private Experts.View expert(String name, String email, String language, LocalDate retainUntil) {
        return experts(TODAY).create(new Experts.Input(null, name, email, null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"),
                language, null, TODAY, retainUntil, null));
    }

    private String sentToken() {
        Matcher link = Pattern.compile("https://isu\\.example\\.org/expertise-profile/(\\S+)").matcher(outbox.get(outbox.size() - 1).text());
        assertTrue(link.find(), outbox.get(outbox.size() - 1).text());
        return link.group(1);
    }

    @Test
    void anExpertChangesTheirOwnProfileThroughTheLinkOfTheirEmail() {
        Experts.View expert = expert("Awa Sy", "awa@example.org", "es", null);
        ProfileLinks.Sent sent = links(TODAY).send(expert.id(), "https://isu.example.org");
        assertEquals("awa@example.org", sent.to());
        Mail mail = outbox.get(outbox.size() - 1);
        assertEquals("es", mail.language());
        assertEquals("profile-link", mail.template());
        assertTrue(mail.subject().startsWith("Su perfil"), mail.subject());
        String token = sentToken();

        ProfileLinks.Opened opened = links(TODAY.plusDays(3)).open(token);
        assertEquals(expert.id(), opened.expertId());
        assertEquals("es", opened.language());
        Experts.View changed = links(TODAY.plusDays(3)).submit(token, opened.nonce(), new Experts.SelfInput("New organisation",
                List.of(VA, "Universalization"), List.of("fr", "es"), List.of("AFRICA", "AMERICAS"), List.of("TRAINING"),
                List.of(new Experts.Window(TODAY.plusMonths(1), TODAY.plusMonths(2))), true, opened.profile().version()));
        assertEquals("New organisation", changed.organisation());
        assertEquals(List.of("fr", "es"), changed.languages());
        assertEquals(TODAY.plusDays(3), changed.consentDate(), "consent renewed on the day");
        assertEquals(TODAY.plusDays(3).plusYears(3), changed.retainUntil());
        assertEquals("Awa Sy", changed.name(), "the name stays the unit's");

        LinkRefusal again = assertThrows(LinkRefusal.class, () -> links(TODAY.plusDays(3)).submit(token, opened.nonce(),
                new Experts.SelfInput(null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), List.of(), false,
                        opened.profile().version())));
        assertEquals(409, again.status, "the same form sent twice is refused, not applied");
        DomainException invalid = assertThrows(DomainException.class, () -> links(TODAY.plusDays(3)).submit(token, links(TODAY.plusDays(3))
                .open(token).nonce(), new Experts.SelfInput(null, List.of(VA), List.of("french"), List.of("AFRICA"), List.of("ADVICE"), List.of(),
                        false, changed.version())));
        assertEquals("languages", invalid.field());
    }

    @Test
    void aLinkIsRefusedWhenForgedExpiredOrItsProfileIsNoLongerKept() {
        Experts.View expert = expert("Link Holder", "holder@example.org", null, TODAY.plusDays(30));
        links(TODAY).send(expert.id(), "https://isu.example.org");
        String token = sentToken();
        assertEquals(expert.id(), links(TODAY.plusDays(13)).open(token).expertId(), "valid for 14 days");
        assertEquals(410, assertThrows(LinkRefusal.class, () -> links(TODAY.plusDays(14)).open(token)).status, "expired");
        String other = token.replaceFirst("^\\d+", String.valueOf(expert.id() + 1));
        assertNotEquals(token, other);
        assertEquals(404, assertThrows(LinkRefusal.class, () -> links(TODAY).open(other)).status, "another expert's id: no link");
        assertEquals(404, assertThrows(LinkRefusal.class, () -> links(TODAY).open("1.2.3")).status);
        assertEquals(409, assertThrows(LinkRefusal.class, () -> links(TODAY).submit(token, "forged", null)).status, "a nonce not made here");

        Experts.View hiddenSoon = expert("Hidden Soon", "soon@example.org", null, TODAY.plusDays(2));
        links(TODAY).send(hiddenSoon.id(), "https://isu.example.org");
        String hiddenToken = sentToken();
        assertEquals(410, assertThrows(LinkRefusal.class, () -> links(TODAY.plusDays(3)).open(hiddenToken)).status, "a hidden profile opens nothing");

        DomainException noAddress = assertThrows(DomainException.class,
                () -> links(TODAY).send(expert("No Address", null, null, null).id(), "https://isu.example.org"));
        assertEquals("email", noAddress.field());
        DomainException noMail = assertThrows(DomainException.class, () -> new ProfileLinks(database.factory(), experts(TODAY),
                new Notices(profile, null), on(TODAY)).send(expert.id(), "https://isu.example.org"));
        assertEquals(DomainException.Kind.CONFLICT, noMail.kind());
    }

    /** The profile's part the module reads. */
    @SuppressWarnings("deprecation")
    private static final class Profile implements ConventionProfile {
        @Override
        public String name() {
            return "Convention on Cluster Munitions";
        }

        @Override
        public String acronym() {
            return "CCM";
        }

        @Override
        public List<String> workingLanguages() {
            return List.of("en", "fr", "es");
        }

        @Override
        public List<String> thematicAreas() {
            return List.of("Universalization", VA);
        }

        @Override
        public String documentSymbolPattern() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.MonthDay fiscalYearStart() {
            return java.time.MonthDay.of(1, 1);
        }

        @Override
        public java.util.Currency currency() {
            return java.util.Currency.getInstance("CHF");
        }

        @Override
        public EntryIntoForceRule entryIntoForceRule() {
            throw new UnsupportedOperationException();
        }
    }
}
