package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.conflict;
import static org.secretariat.contacts.impl.service.Refusals.invalid;
import static org.secretariat.contacts.impl.service.Refusals.notFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatesTest {

    private static final LocalDate DEPOSIT = LocalDate.of(2011, 3, 15);

    private final Directory directory = new Directory();
    private final States states = directory.states;

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private static StatusUpdate party(Instrument instrument, LocalDate signature, LocalDate deposit) {
        return new StatusUpdate(TreatyStatus.STATE_PARTY, instrument, signature, deposit, null);
    }

    private static PageRequest page(String page, String size, String sort) {
        return PageRequest.parse(page, size, sort, States.SORTABLE, "name");
    }

    @Test
    void everyIsoStateIsSeededWithNamesInTheWorkingLanguages() {
        assertEquals(Locale.getISOCountries().length, states.list(null, null, null, page(null, "1", null)).getTotal());
        StateDto france = states.get("fr", "fr");
        assertEquals("FR", france.iso2());
        assertEquals("France", france.name());
        assertEquals("Francia", france.names().get("es"));
        assertEquals("Allemagne", states.get("DE", "fr").name());
        assertEquals("lang must be one of [en, fr, es]", invalid("lang", () -> states.get("FR", "de")).getMessage());
        assertEquals("No state with ISO code 'XX'", notFound(() -> states.get("XX", null)).getMessage());
    }

    @Test
    void entryIntoForceFollowsTheProfilesRule() {
        StateDto france = states.changeStatus("fr", party(Instrument.RATIFICATION, null, DEPOSIT), "admin");
        assertEquals(LocalDate.of(2011, 9, 1), france.entryIntoForce());
        StateDto norway = states.changeStatus("NO", party(Instrument.RATIFICATION, LocalDate.of(2008, 12, 3), LocalDate.of(2008, 12, 3)), "admin");
        assertEquals(LocalDate.of(2009, 6, 1), norway.entryIntoForce(), "a December deposit: in force on 1 June of the next year");
        StateSummary summary = directory.stateBook.state("fr").orElseThrow();
        assertEquals(LocalDate.of(2011, 9, 1), summary.entryIntoForce());
        assertNull(directory.stateBook.state("AF").orElseThrow().entryIntoForce(), "not a State Party");
        assertTrue(directory.stateBook.state("XX").isEmpty());
    }

    @Test
    void anInconsistentStatusIsRefusedNamingTheFieldAndLeavesNoTrace() {
        invalid("status", () -> states.changeStatus("FR", null, "admin"));
        invalid("status", () -> states.changeStatus("FR", new StatusUpdate(null, null, null, null, null), "admin"));
        invalid("instrument", () -> states.changeStatus("FR", party(null, null, DEPOSIT), "admin"));
        invalid("signatureDate", () -> states.changeStatus("FR", new StatusUpdate(TreatyStatus.SIGNATORY, null, null, null, null), "admin"));
        invalid("depositDate", () -> states.changeStatus("FR", party(Instrument.RATIFICATION, null, LocalDate.now().plusDays(3)), "admin"));
        invalid("status", () -> states.changeStatus("XX", new StatusUpdate(null, null, null, null, null), "admin"));
        notFound(() -> states.changeStatus("XX", new StatusUpdate(TreatyStatus.NOT_PARTY, null, null, null, null), "admin"));
        assertEquals(TreatyStatus.NOT_PARTY, states.get("FR", null).status());
        assertEquals(0, states.history("FR", PageRequest.parse(null, null, null, Set.of("changedAt"), "changedAt")).getTotal());
    }

    @Test
    void aStaleVersionIsAConflictAndEveryChangeIsInTheHistory() {
        int version = states.get("FR", null).version();
        StateDto changed = states.changeStatus("FR", new StatusUpdate(TreatyStatus.SIGNATORY, null, LocalDate.of(2008, 12, 3), null, version), "ana");
        assertEquals("The status of FR was changed by someone else (version " + changed.version() + ")",
                conflict(() -> states.changeStatus("FR", new StatusUpdate(TreatyStatus.STATE_PARTY, Instrument.ACCESSION, null, DEPOSIT, version),
                        "ben")).getMessage());
        states.changeStatus("FR", party(Instrument.RATIFICATION, LocalDate.of(2008, 12, 3), DEPOSIT), "ben");
        states.changeStatus("FR", party(Instrument.RATIFICATION, LocalDate.of(2008, 12, 3), DEPOSIT), "ben");

        Page<StatusChangeDto> history = states.history("fr", PageRequest.parse(null, null, null, Set.of("changedAt"), "changedAt"));
        assertEquals(2, history.getTotal(), "the same status again changes nothing");
        StatusChangeDto latest = history.getItems().get(0);
        assertEquals("ben", latest.changedBy());
        assertEquals(States.SOURCE_API, latest.source());
        assertEquals(TreatyStatus.SIGNATORY, latest.from());
        assertEquals(TreatyStatus.STATE_PARTY, latest.status());
        assertEquals(DEPOSIT, latest.depositDate());
    }

    @Test
    void countsSayForHowManyTheConventionIsInForceToday() {
        states.changeStatus("FR", party(Instrument.RATIFICATION, null, DEPOSIT), "admin");
        LocalDate recently = LocalDate.now().minusDays(1);
        states.changeStatus("AO", party(Instrument.ACCESSION, null, recently), "admin");
        states.changeStatus("NO", new StatusUpdate(TreatyStatus.SIGNATORY, null, LocalDate.of(2008, 12, 3), null, null), "admin");

        TreatyCounts counts = states.treatyCounts();
        assertEquals(2, counts.stateParties());
        assertEquals(1, counts.inForce(), "Angola's deposit takes six months to count");
        assertEquals(1, counts.signatories());
        assertEquals(Locale.getISOCountries().length - 3, counts.notParty());
        assertEquals(2, directory.stateBook.counts().stateParties());
        assertEquals(List.of("AO", "FR"), directory.stateBook.states(TreatyStatus.STATE_PARTY).stream().map(StateSummary::iso2)
                .collect(Collectors.toList()), "by English name");
    }

    @Test
    void listsAreFilteredByStatusAndTextInAnyLanguageSortedAndPaged() {
        states.changeStatus("DE", party(Instrument.RATIFICATION, null, LocalDate.of(2009, 7, 8)), "admin");
        states.changeStatus("FR", party(Instrument.RATIFICATION, null, DEPOSIT), "admin");
        states.changeStatus("AF", party(Instrument.ACCESSION, null, LocalDate.of(2011, 9, 8)), "admin");

        assertEquals(List.of("AF", "FR", "DE"), codes(states.list(TreatyStatus.STATE_PARTY, null, null, page(null, null, null))));
        assertEquals(List.of("Afghanistan", "Allemagne", "France"), names(states.list(TreatyStatus.STATE_PARTY, null, "fr", page(null, null, null))),
                "named and sorted in the language asked");
        assertEquals(List.of("AF", "FR", "DE"), codes(states.list(TreatyStatus.STATE_PARTY, null, null, page(null, null, "depositDate,desc"))));
        assertEquals(List.of("FR"), codes(states.list(TreatyStatus.STATE_PARTY, null, null, page("1", "1", "entryIntoForce"))));
        assertEquals(List.of("DE"), codes(states.list(null, "alemania", "es", page(null, null, null))), "the name in the language asked");
        assertEquals(List.of("DE"), codes(states.list(null, "germany", "es", page(null, null, null))), "or in English");
        assertTrue(codes(states.list(null, "deu", null, page(null, null, null))).contains("DE"), "the alpha-3 code");
        assertTrue(codes(states.list(null, "côte", null, page(null, null, null))).contains("CI"));
        invalid("lang", () -> states.list(null, null, "xx", page(null, null, null)));
    }

    @Test
    void aRecordNamesAKnownStateByItsCodeInAnyCase() {
        assertEquals("FR", states.code(" fr "));
        assertEquals("unknown state 'Fra' (ISO 3166-1 alpha-2 code)", invalid("stateIso2", () -> states.code("Fra")).getMessage());
        invalid("stateIso2", () -> states.code("XX"));
    }

    private static List<String> codes(Page<StateDto> page) {
        return page.getItems().stream().map(StateDto::iso2).collect(Collectors.toList());
    }

    private static List<String> names(Page<StateDto> page) {
        return page.getItems().stream().map(StateDto::name).collect(Collectors.toList());
    }
}
