package org.secretariat.website.impl.web;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.finance.api.ContributionTable;
import org.secretariat.finance.api.DonorContribution;
import org.secretariat.finance.api.PublishedContributions;
import org.secretariat.finance.api.StateContribution;

/**
 * {@code /<lang>/contributions[?year=]}: the status of contributions as the finance staff published it,
 * through the finance module's {@link PublishedContributions} only (it offers nothing unpublished). The
 * newest published year without {@code year}; a year never published is a 404; nothing published yet
 * is a sentence, not an error. The component needs the service and is enabled by {@link ModuleParts}
 * while it is there, so it goes away with the finance module.
 */
@Component(service = Section.class, enabled = false)
public class ContributionsSection implements Section {

    static final String SEGMENT = "contributions";
    private static final Set<String> STATUSES = Set.of("PAID", "PARTLY_PAID", "UNPAID", "NOT_ASSESSED");
    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    /** A state's line, amounts written in the page's language. */
    public record StateRow(String state, String name, String assessed, String received, String outstanding, String voluntary, String status) {
    }

    public record DonorRow(String donor, String voluntary) {
    }

    public record Totals(String assessed, String received, String outstanding, String voluntary, String unnamedVoluntary, boolean anyUnnamed) {
    }

    public record YearLink(int year, boolean current) {
    }

    private final PublishedContributions published;
    private final SiteMessages messages;

    /** Only for the states' names in the page's language; without contacts the JDK's names serve. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StateDirectory states;

    @Activate
    public ContributionsSection(@Reference PublishedContributions published, @Reference SiteMessages messages) {
        this.published = published;
        this.messages = messages;
    }

    /** For tests: with a directory of states, as when contacts is installed. */
    ContributionsSection(PublishedContributions published, SiteMessages messages, StateDirectory states) {
        this(published, messages);
        this.states = states;
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
        List<Integer> years = published.publishedYears();
        String asked = request.parameter("year");
        Map<String, Object> model = new HashMap<>();
        String title = messages.get(language, "contributions.title");
        if (asked == null && years.isEmpty()) {
            model.put("years", List.of());
            return Optional.of(new Answer.Rendered("contributions.ftlh", title, model));
        }
        int year;
        if (asked == null) {
            year = years.get(0);
        } else if (asked.matches("[0-9]{4}")) {
            year = Integer.parseInt(asked);
        } else {
            return Optional.empty();
        }
        Optional<ContributionTable> found = published.published(year);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ContributionTable table = found.get();
        model.put("years", years.stream().map(y -> new YearLink(y, y == year)).toList());
        model.put("year", year);
        model.put("asOf", Formats.day(table.asOf(), language));
        model.put("publishedOn", table.publishedAt() == null ? null : Formats.day(table.publishedAt().atZone(ZoneOffset.UTC).toLocalDate(), language));
        model.put("currency", table.currency());
        model.put("states", stateRows(table, language));
        model.put("donors", donorRows(table, language));
        model.put("totals", totals(table, language));
        return Optional.of(new Answer.Rendered("contributions.ftlh", title + " " + year, model));
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("contributions.title", 40));
    }

    @Override
    public List<String> sitemap() {
        List<String> paths = new ArrayList<>();
        paths.add(SEGMENT);
        List<Integer> years = published.publishedYears();
        for (int i = 1; i < years.size(); i++) {
            paths.add(SEGMENT + "?year=" + years.get(i));
        }
        return paths;
    }

    private List<StateRow> stateRows(ContributionTable table, String language) {
        String currency = table.currency();
        List<StateRow> rows = new ArrayList<>();
        for (StateContribution line : table.states()) {
            String status = line.status() != null && STATUSES.contains(line.status())
                    ? messages.get(language, "contributions.status." + line.status()) : String.valueOf(line.status());
            rows.add(new StateRow(line.state(), stateName(line, language), Formats.amount(line.assessed(), currency, language),
                    Formats.amount(line.received(), currency, language), Formats.amount(line.outstanding(), currency, language),
                    Formats.amount(line.voluntary(), currency, language), status));
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        rows.sort(Comparator.comparing(StateRow::name, collator).thenComparing(StateRow::state));
        return rows;
    }

    private static List<DonorRow> donorRows(ContributionTable table, String language) {
        List<DonorRow> rows = new ArrayList<>();
        for (DonorContribution donor : table.donors()) {
            rows.add(new DonorRow(donor.donor(), Formats.amount(donor.voluntary(), table.currency(), language)));
        }
        return rows;
    }

    private static Totals totals(ContributionTable table, String language) {
        String currency = table.currency();
        BigDecimal unnamed = table.totals().unnamedVoluntary();
        return new Totals(Formats.amount(table.totals().assessed(), currency, language), Formats.amount(table.totals().received(), currency, language),
                Formats.amount(table.totals().outstanding(), currency, language), Formats.amount(table.totals().voluntary(), currency, language),
                Formats.amount(unnamed, currency, language), unnamed != null && unnamed.signum() > 0);
    }

    /** The state's name in the language: the directory's, else the JDK's for an ISO code, else the table's English name, else the code. */
    private String stateName(StateContribution line, String language) {
        StateDirectory directory = states;
        if (directory != null) {
            Optional<StateSummary> state = directory.state(line.state());
            if (state.isPresent()) {
                return state.get().name(language);
            }
        }
        if (line.state() != null && ISO_CODES.contains(line.state())) {
            return new Locale("", line.state()).getDisplayCountry(Locale.forLanguageTag(language));
        }
        return line.name() != null ? line.name() : line.state();
    }
}
