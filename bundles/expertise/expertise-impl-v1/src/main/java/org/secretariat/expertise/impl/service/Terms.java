package org.secretariat.expertise.impl.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.secretariat.expertise.impl.domain.HelpKind;
import org.secretariat.expertise.impl.domain.Region;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The codes experts, offers and requests share, checked the same way everywhere: themes are the
 * convention profile's thematic areas as written there; languages ISO 639-1 codes (any language, not only
 * the working ones: experts speak Arabic or Portuguese); regions and kinds the enums' names.
 */
final class Terms {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final int MAX_ITEMS = 20;

    private Terms() {
    }

    static String theme(String field, String theme, ConventionProfile profile) {
        if (theme == null || theme.isBlank()) {
            throw DomainException.invalid(field, field + " is required: one of the thematic areas " + profile.thematicAreas());
        }
        String given = theme.trim();
        if (!profile.thematicAreas().contains(given)) {
            throw DomainException.invalid(field, "'" + clip(given) + "' is not a thematic area of the convention; they are " + profile.thematicAreas());
        }
        return given;
    }

    static List<String> themes(String field, List<String> themes, ConventionProfile profile) {
        return distinct(field, themes, value -> theme(field, value, profile));
    }

    static String language(String field, String language) {
        if (language == null || !LANGUAGE.matcher(language.trim().toLowerCase(Locale.ROOT)).matches()) {
            throw DomainException.invalid(field, field + " must be an ISO 639-1 code of two letters, e.g. fr");
        }
        return language.trim().toLowerCase(Locale.ROOT);
    }

    static List<String> languages(String field, List<String> languages) {
        return distinct(field, languages, value -> language(field, value));
    }

    static Region region(String field, String region) {
        return parse(field, region, Region.class);
    }

    static List<String> regions(String field, List<String> regions) {
        return distinct(field, regions, value -> region(field, value).name());
    }

    static HelpKind kind(String field, String kind) {
        return parse(field, kind, HelpKind.class);
    }

    static List<String> kinds(String field, List<String> kinds) {
        return distinct(field, kinds, value -> kind(field, value).name());
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required: one of " + names);
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "'" + clip(value) + "' is not one of " + names);
        }
    }

    private static List<String> distinct(String field, List<String> values, java.util.function.UnaryOperator<String> check) {
        if (values == null || values.isEmpty()) {
            throw DomainException.invalid(field, field + " needs at least one value");
        }
        if (values.size() > MAX_ITEMS) {
            throw DomainException.invalid(field, field + " has at most " + MAX_ITEMS + " values");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String value : values) {
            checked.add(check.apply(value));
        }
        return new ArrayList<>(checked);
    }

    static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
