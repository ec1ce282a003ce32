package org.secretariat.expertise.api;

import java.util.List;

/**
 * One public offer of expertise.
 *
 * @param id the offer's id
 * @param provider who offers it: a State's name (or its ISO code when the contacts module is absent) or
 *            an organisation's name
 * @param stateIso2 the offering State's ISO 3166-1 alpha-2 code, or null for an organisation
 * @param theme one of the convention profile's thematic areas
 * @param kind {@code ADVICE}, {@code TRAINING} or {@code FIELD_WORK}
 * @param languages ISO 639-1 codes of the languages it is offered in
 * @param regions the regions it is offered for ({@code AFRICA}, {@code AMERICAS}, {@code ASIA},
 *            {@code EUROPE}, {@code OCEANIA})
 * @param description what is offered, plain text
 */
public record PublicOffer(long id, String provider, String stateIso2, String theme, String kind, List<String> languages, List<String> regions,
        String description) {

    public PublicOffer {
        languages = List.copyOf(languages);
        regions = List.copyOf(regions);
    }
}
