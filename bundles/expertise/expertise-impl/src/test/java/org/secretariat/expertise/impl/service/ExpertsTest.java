package org.secretariat.expertise.impl.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.expertise.impl.service.TestModule.TODAY;
import static org.secretariat.expertise.impl.service.TestModule.assertRefused;
import static org.secretariat.expertise.impl.service.TestModule.expert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.rest.PageRequest;

@ExtendWith(TestModule.Shared.class)
class ExpertsTest {

    private static final String VA = "Victim assistance";
    private final TestModule module;

    ExpertsTest(TestModule module) {
        this.module = module;
    }

    private static PageRequest page() {
        return PageRequest.parse(null, null, null, Experts.SORTABLE, "name");
    }

    @Test
    void anExpertIsTakenFromAContactsPersonOrGivenByName() throws Exception {
        module.contacts.person(501, "Mariam Koné", "mariam.kone@example.org");
        Experts.View fromContacts = module.experts.create(new Experts.Input(501L, "ignored", null, "Handicap International", List.of(VA),
                List.of("fr", "EN"), List.of("africa"), List.of("ADVICE", "field_work"), "fr",
                List.of(new Experts.Window(TODAY.plusMonths(1), TODAY.plusMonths(2))), TODAY.minusDays(3), null, null));
        assertEquals("Mariam Koné", fromContacts.name());
        assertEquals("mariam.kone@example.org", fromContacts.email());
        assertEquals(List.of("fr", "en"), fromContacts.languages());
        assertEquals(List.of("AFRICA"), fromContacts.regions());
        assertEquals(List.of("ADVICE", "FIELD_WORK"), fromContacts.kinds());
        assertEquals(TODAY.minusDays(3).plusYears(3), fromContacts.retainUntil(), "three years after consent unless given");
        assertEquals(fromContacts.retainUntil().plusDays(90), fromContacts.deletedAfter());
        assertFalse(fromContacts.hidden());
        assertRefused(Kind.CONFLICT, null, "person 501 is an expert already (expert " + fromContacts.id() + ")",
                () -> module.experts.create(new Experts.Input(501L, null, null, null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"),
                        null, null, TODAY, null, null)));
        assertRefused(Kind.INVALID, "personId", "the contacts module has no person 999",
                () -> module.experts.create(new Experts.Input(999L, null, null, null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"),
                        null, null, TODAY, null, null)));
        Experts withoutContacts = new Experts(module.database.factory(), module.profile, new Partners(null, null), module.clock);
        assertRefused(Kind.INVALID, "personId", "the contacts module is not installed: give the expert's name and e-mail instead",
                () -> withoutContacts.create(new Experts.Input(501L, null, null, null, List.of(VA), List.of("fr"), List.of("AFRICA"),
                        List.of("ADVICE"), null, null, TODAY, null, null)));

        Experts.View byName = withoutContacts.create(expert("Jorge Ruiz", List.of("Stockpile destruction"), List.of("es"), List.of("AMERICAS")));
        assertNull(byName.personId());
        Experts.View changed = module.experts.update(byName.id(), new Experts.Input(null, "Jorge Ruiz", "jorge@example.org", null,
                List.of("Stockpile destruction"), List.of("es", "pt"), List.of("AMERICAS"), List.of("TRAINING"), null, null, TODAY, null, byName.version()));
        assertEquals(List.of("es", "pt"), changed.languages());
        assertRefused(Kind.CONFLICT, null, "Expert " + byName.id() + " was changed by someone else (now version " + changed.version()
                + "); reload and try again", () -> module.experts.update(byName.id(), expert("Jorge", List.of(VA), List.of("es"), List.of("AMERICAS"))
                        .withVersion(byName.version())));
    }

    @Test
    void badProfilesAreRefusedNamingTheField() {
        assertRefused(Kind.INVALID, "themes", "'Demining' is not a thematic area of the convention; they are " + module.profile.thematicAreas(),
                () -> module.experts.create(expert("A", List.of("Demining"), List.of("fr"), List.of("AFRICA"))));
        assertRefused(Kind.INVALID, "languages", "languages must be an ISO 639-1 code of two letters, e.g. fr",
                () -> module.experts.create(expert("A", List.of(VA), List.of("french"), List.of("AFRICA"))));
        assertRefused(Kind.INVALID, "regions", "'Mars' is not one of AFRICA, AMERICAS, ASIA, EUROPE, OCEANIA",
                () -> module.experts.create(expert("A", List.of(VA), List.of("fr"), List.of("Mars"))));
        assertRefused(Kind.INVALID, "regions", "regions needs at least one value",
                () -> module.experts.create(expert("A", List.of(VA), List.of("fr"), List.of())));
        assertRefused(Kind.INVALID, "consentDate", "consentDate is in the future", () -> module.experts.create(new Experts.Input(null, "A", null, null,
                List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), null, null, TODAY.plusDays(1), null, null)));
        assertRefused(Kind.INVALID, "retainUntil", "a profile is kept at most 5 years after consent: ask the expert again then",
                () -> module.experts.create(new Experts.Input(null, "A", null, null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), null,
                        null, TODAY, TODAY.plusYears(5).plusDays(1), null)));
        assertRefused(Kind.INVALID, "availability", "a period of availability ends before it begins: 2026-07-02 to 2026-07-01",
                () -> module.experts.create(new Experts.Input(null, "A", null, null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), null,
                        List.of(new Experts.Window(LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 1))), TODAY, null, null)));
        assertRefused(Kind.INVALID, "email", "email is not an e-mail address", () -> module.experts.create(new Experts.Input(null, "A", "nope",
                null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), null, null, TODAY, null, null)));
    }

    @Test
    void theListFiltersByThemeLanguageRegionKindAndText() {
        String theme = "National implementation measures";
        module.experts.create(expert("Filter Alpha", List.of(theme), List.of("ar"), List.of("ASIA")));
        module.experts.create(expert("Filter Beta", List.of(theme, VA), List.of("ar", "fr"), List.of("AFRICA")));
        module.experts.create(expert("Filter 100%_Gamma", List.of(theme), List.of("ru"), List.of("EUROPE")));

        assertEquals(Set.of("Filter Alpha", "Filter Beta"), names(new Experts.Filter(theme, "ar", null, null, null, false)));
        assertEquals(Set.of("Filter Beta"), names(new Experts.Filter(theme, null, "africa", null, null, false)));
        assertEquals(Set.of("Filter 100%_Gamma"), names(new Experts.Filter(null, null, null, null, "100%_", false)), "% and _ are literal");
        assertEquals(3, module.experts.list(new Experts.Filter(theme, null, null, "ADVICE", null, false), page()).getTotal());
        assertRefused(Kind.INVALID, "kind", "'cooking' is not one of ADVICE, TRAINING, FIELD_WORK",
                () -> module.experts.list(new Experts.Filter(null, null, null, "cooking", null, false), page()));
    }

    private Set<String> names(Experts.Filter filter) {
        return module.experts.list(filter, page()).getItems().stream().map(Experts.View::name).collect(Collectors.toSet());
    }

    @Test
    void aProfileIsHiddenTheDayAfterItsRetentionDateAndDeletedAfterTheGracePeriod() throws Exception {
        String theme = "Transparency measures";
        LocalDate retainUntil = TODAY.plusDays(10);
        Experts.View kept = module.experts.create(new Experts.Input(null, "Retention Kept", null, null, List.of(theme), List.of("en"),
                List.of("EUROPE"), List.of("ADVICE"), null, null, TODAY, retainUntil, null));
        module.cvs.store(kept.id(), new ByteArrayInputStream("%PDF-1.7 kept".getBytes(StandardCharsets.US_ASCII)), "kept.pdf");
        Experts.View other = module.experts.create(new Experts.Input(null, "Retention Other", null, null, List.of(theme), List.of("en"),
                List.of("EUROPE"), List.of("ADVICE"), null, null, TODAY, TODAY.plusYears(1), null));
        Requests.View request = module.requests.create(new Requests.Input("BA", theme, "en", "EUROPE", "ADVICE", "Article 7 reports", TODAY, null, null),
                "specialist");
        module.requests.step(request.id(), new Requests.Step("MATCHED", TODAY, null, kept.id(), request.version()), "specialist");

        Experts onTheDay = new Experts(module.database.factory(), module.profile, module.partners, TestModule.at(retainUntil));
        Requests requestsOnTheDay = new Requests(module.database.factory(), module.profile, module.partners, TestModule.at(retainUntil));
        assertFalse(onTheDay.get(kept.id()).hidden());
        assertEquals(List.of(kept.id(), other.id()), candidates(requestsOnTheDay, request.id()));

        LocalDate dayAfter = retainUntil.plusDays(1);
        Experts afterwards = new Experts(module.database.factory(), module.profile, module.partners, TestModule.at(dayAfter));
        assertTrue(afterwards.get(kept.id()).hidden(), "staff still read it, marked hidden");
        assertEquals(Set.of("Retention Other"), afterwards.list(new Experts.Filter(theme, null, null, null, null, false), page()).getItems().stream()
                .map(Experts.View::name).collect(Collectors.toSet()));
        assertEquals(2, afterwards.list(new Experts.Filter(theme, null, null, null, null, true), page()).getTotal(), "unless hidden ones are asked for");
        assertEquals(List.of(other.id()), candidates(new Requests(module.database.factory(), module.profile, module.partners, TestModule.at(dayAfter)),
                request.id()));

        LocalDate lastDay = retainUntil.plusDays(Retention.GRACE_DAYS);
        assertEquals(0, new Retention(module.database.factory(), module.storage, TestModule.at(lastDay)).purge(), "the grace period's last day");
        assertEquals(kept.id(), module.experts.get(kept.id()).id());
        java.nio.file.Path cv = module.cvs.read(kept.id()).path();
        assertTrue(Files.exists(cv));

        assertEquals(1, new Retention(module.database.factory(), module.storage, TestModule.at(lastDay.plusDays(1))).purge());
        assertRefused(Kind.NOT_FOUND, null, "No expert " + kept.id(), () -> module.experts.get(kept.id()));
        assertFalse(Files.exists(cv), "the CV goes with the profile");
        Requests.View after = module.requests.get(request.id());
        assertNull(after.expertId(), "the request keeps its history without the expert");
        assertEquals(2, after.notes().size());
        assertEquals(other.id(), module.experts.get(other.id()).id(), "a profile within its retention stays");
    }

    private static List<Long> candidates(Requests requests, long id) {
        return requests.matches(id).candidates().stream().map(Ranking.Candidate::expertId).collect(Collectors.toList());
    }

    @Test
    void aCvIsAPdfByItsFirstBytesAndAtMostTenMegabytes() throws Exception {
        Experts.View expert = module.experts.create(expert("Cv Holder", List.of(VA), List.of("en"), List.of("OCEANIA")));
        Cvs.Refusal notPdf = assertThrows(Cvs.Refusal.class,
                () -> module.cvs.store(expert.id(), new ByteArrayInputStream("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)), "cv.pdf"));
        assertFalse(notPdf.tooLarge);
        byte[] large = new byte[(int) Cvs.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 5);
        assertTrue(assertThrows(Cvs.Refusal.class, () -> module.cvs.store(expert.id(), new ByteArrayInputStream(large), "big.pdf")).tooLarge);
        assertNull(module.experts.get(expert.id()).cv());

        byte[] pdf = "%PDF-1.4\nfirst".getBytes(StandardCharsets.US_ASCII);
        Experts.Cv stored = module.cvs.store(expert.id(), new ByteArrayInputStream(pdf), "../../Mon CV.pdf");
        assertEquals(".._.._Mon CV.pdf", stored.fileName());
        assertEquals(pdf.length, stored.size());
        java.nio.file.Path first = module.cvs.read(expert.id()).path();
        assertArrayEquals(pdf, Files.readAllBytes(first));
        module.cvs.store(expert.id(), new ByteArrayInputStream("%PDF-1.4\nsecond".getBytes(StandardCharsets.US_ASCII)), "cv2.pdf");
        assertFalse(Files.exists(first), "the replaced CV is removed");
        assertEquals("cv2.pdf", module.experts.get(expert.id()).cv().fileName());
        try (var files = Files.list(first.getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no upload left half-written");
        }
    }
}
