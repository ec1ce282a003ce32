package org.secretariat.website.impl.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.expertise.api.PublicOffer;
import org.secretariat.expertise.api.PublicOffers;

/**
 * {@code /<lang>/experts}: the offers of expertise that States and organisations made public, by theme,
 * through the expertise module's {@link PublicOffers} only (it offers neither experts nor requests nor
 * offers not marked public). No offer yet is a sentence, not an error. The component needs the service
 * and is enabled by {@link ModuleParts} while it is there, so it goes away with the expertise module.
 */
@Component(service = Section.class, enabled = false)
public class OffersSection implements Section {

    static final String SEGMENT = "experts";
    private static final Set<String> KINDS = Set.of("ADVICE", "TRAINING", "FIELD_WORK");
    private static final Set<String> REGIONS = Set.of("AFRICA", "AMERICAS", "ASIA", "EUROPE", "OCEANIA");

    /** An offer's line, its codes written in the page's language. */
    public record OfferRow(String provider, String kind, String languages, String regions, String description) {
    }

    /** The offers of one theme. */
    public record ThemeGroup(String theme, List<OfferRow> offers) {
    }

    private final PublicOffers offers;
    private final SiteMessages messages;

    @Activate
    public OffersSection(@Reference PublicOffers offers, @Reference SiteMessages messages) {
        this.offers = offers;
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
        Map<String, List<OfferRow>> byTheme = new LinkedHashMap<>();
        for (PublicOffer offer : offers.offers(null)) {
            byTheme.computeIfAbsent(offer.theme(), t -> new ArrayList<>()).add(new OfferRow(offer.provider(), label(language, "experts.kind.", offer.kind(),
                    KINDS), String.join(", ", offer.languages()), String.join(", ", offer.regions().stream()
                            .map(r -> label(language, "experts.region.", r, REGIONS)).toList()), offer.description()));
        }
        List<ThemeGroup> groups = new ArrayList<>();
        byTheme.forEach((theme, rows) -> groups.add(new ThemeGroup(theme, rows)));
        Map<String, Object> model = new HashMap<>();
        model.put("groups", groups);
        return Optional.of(new Answer.Rendered("experts.ftlh", messages.get(language, "experts.title"), model));
    }

    private String label(String language, String prefix, String code, Set<String> known) {
        return known.contains(code) ? messages.get(language, prefix + code) : code;
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("experts.title", 50));
    }

    @Override
    public List<String> sitemap() {
        return List.of(SEGMENT);
    }
}
