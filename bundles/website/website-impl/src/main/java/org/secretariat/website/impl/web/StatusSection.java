package org.secretariat.website.impl.web;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.website.impl.service.ConventionDates;

/**
 * {@code /<lang>/status}: the status of the convention from the contacts module's {@link StateDirectory}
 * — the counts, the convention's entry into force, a world map coloured by status, and the States
 * Parties and signatories as tables (the map's text alternative), by name in the page's language. The
 * component needs the directory and is enabled by {@link ModuleParts} while it is there: it goes away
 * with the contacts module, and its page, home-page block and navigation entry with it.
 */
@Component(service = Section.class, enabled = false)
public class StatusSection implements Section {

    static final String SEGMENT = "status";

    /** A State Party's row. */
    public record PartyRow(String iso2, String name, String instrument, Formats.Day signature, Formats.Day deposit, Formats.Day entryIntoForce) {
    }

    /** A signatory's row. */
    public record SignatoryRow(String iso2, String name, Formats.Day signature) {
    }

    /** A line of the map's legend: the class its swatch shares with the map, its words, how many states. */
    public record LegendEntry(String css, String label, String count) {
    }

    private final StateDirectory states;
    private final SiteMessages messages;
    private final WorldMap map;
    private final ConventionDates dates;

    @Activate
    public StatusSection(@Reference StateDirectory states, @Reference SiteMessages messages, @Reference WorldMap map,
            @Reference ConventionDates dates) {
        this.states = states;
        this.messages = messages;
        this.map = map;
        this.dates = dates;
    }

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (!request.segments().isEmpty()) {
            return Optional.empty();
        }
        String language = request.language();
        List<StateSummary> parties = sortedByName(states.states(TreatyStatus.STATE_PARTY), language);
        List<StateSummary> signatories = sortedByName(states.states(TreatyStatus.SIGNATORY), language);
        List<StateSummary> others = states.states(TreatyStatus.NOT_PARTY);
        StateCounts counts = states.counts();

        Map<String, TreatyStatus> statuses = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (List<StateSummary> group : List.of(parties, signatories, others)) {
            for (StateSummary state : group) {
                statuses.put(state.iso2(), state.status());
                names.put(state.iso2(), state.name(language));
            }
        }
        List<WorldMap.Shape> shapes = map.shapes(statuses, names::get, language);

        List<PartyRow> partyRows = new ArrayList<>();
        for (StateSummary state : parties) {
            partyRows.add(new PartyRow(state.iso2(), state.name(language),
                    state.instrument() == null ? "" : messages.get(language, "status.instrument." + state.instrument().name()),
                    Formats.day(state.signatureDate(), language), Formats.day(state.depositDate(), language),
                    Formats.day(dates.forState(state.entryIntoForce()), language)));
        }
        List<SignatoryRow> signatoryRows = new ArrayList<>();
        for (StateSummary state : signatories) {
            signatoryRows.add(new SignatoryRow(state.iso2(), state.name(language), Formats.day(state.signatureDate(), language)));
        }
        List<LegendEntry> legend = new ArrayList<>();
        legend.add(new LegendEntry("state-party", messages.get(language, "status.parties"), Formats.count(counts.stateParties(), language)));
        legend.add(new LegendEntry("signatory", messages.get(language, "status.signatories"), Formats.count(counts.signatories(), language)));
        legend.add(new LegendEntry("not-party", messages.get(language, "status.notParty"), Formats.count(counts.notParty(), language)));
        long unknown = shapes.stream().filter(s -> WorldMap.UNKNOWN.equals(s.css())).count();
        if (unknown > 0) {
            legend.add(new LegendEntry(WorldMap.UNKNOWN, messages.get(language, "status.unknown"), Formats.count(unknown, language)));
        }

        Map<String, Object> model = summary(counts, dates.entryIntoForce(), language);
        model.put("parties", partyRows);
        model.put("signatories", signatoryRows);
        model.put("viewBox", map.viewBox());
        model.put("shapes", shapes);
        model.put("legend", legend);
        return Optional.of(new Answer.Rendered("status.ftlh", messages.get(language, "status.title"), model));
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("status.title", 30));
    }

    @Override
    public List<String> sitemap() {
        return List.of(SEGMENT);
    }

    @Override
    public Optional<HomeBlock> home(String language) {
        return Optional.of(new HomeBlock("home-status.ftlh", 30,
                summary(states.counts(), dates.entryIntoForce(), language)));
    }

    private static Map<String, Object> summary(StateCounts counts, Optional<LocalDate> entryIntoForce, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("partiesCount", Formats.count(counts.stateParties(), language));
        model.put("signatoriesCount", Formats.count(counts.signatories(), language));
        model.put("notPartyCount", Formats.count(counts.notParty(), language));
        entryIntoForce.ifPresent(date -> model.put("entryIntoForce", Formats.day(date, language)));
        return model;
    }

    /** The states by their name in the language, as a reader of that language sorts ("Égypte" before "Zambie"). */
    static List<StateSummary> sortedByName(List<StateSummary> states, String language) {
        // A Collator is not thread-safe: one per call.
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        List<StateSummary> sorted = new ArrayList<>(states);
        sorted.sort(Comparator.comparing((StateSummary s) -> s.name(language), collator).thenComparing(StateSummary::iso2));
        return sorted;
    }
}
