package org.secretariat.website.impl.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.sponsorship.api.SponsorshipStatistics;
import org.secretariat.sponsorship.api.SponsorshipStatistics.MeetingFigures;

/**
 * {@code /<lang>/sponsorship}: the anonymised statistics of the sponsorship programme through the
 * sponsorship module's {@link SponsorshipStatistics} only: per meeting, the delegates sponsored, the
 * states they came from and the share of women — counts, never a name. Enabled by {@link ModuleParts}
 * while that service is there, so it goes away with the sponsorship module.
 */
@Component(service = Section.class, enabled = false)
public class SponsorshipSection implements Section {

    static final String SEGMENT = "sponsorship";

    /** A meeting's line, written in the page's language. */
    public record Row(String meeting, Formats.Day start, String delegates, String states, String women) {
    }

    private final SponsorshipStatistics statistics;
    private final SiteMessages messages;

    @Activate
    public SponsorshipSection(@Reference SponsorshipStatistics statistics, @Reference SiteMessages messages) {
        this.statistics = statistics;
        this.messages = messages;
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
        List<Row> rows = statistics.meetings().stream().map(m -> row(m, language)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        return Optional.of(new Answer.Rendered("sponsorship.ftlh", messages.get(language, "sponsorship.title"), model));
    }

    static Row row(MeetingFigures figures, String language) {
        return new Row(figures.meetingTitle(), Formats.day(figures.startDate(), language), Formats.count(figures.sponsoredDelegates(), language),
                Formats.count(figures.states(), language), share(figures.shareOfWomen(), language));
    }

    /** A share from 0 to 1 as a whole per cent in the language ("45 %" in French); empty when unknown. */
    private static String share(BigDecimal share, String language) {
        if (share == null) {
            return "";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.forLanguageTag(language));
        percent.setMaximumFractionDigits(0);
        return percent.format(share);
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("sponsorship.title", 50));
    }

    @Override
    public List<String> sitemap() {
        return List.of(SEGMENT);
    }
}
