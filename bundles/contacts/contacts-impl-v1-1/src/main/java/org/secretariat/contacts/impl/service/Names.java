package org.secretariat.contacts.impl.service;

import java.text.Normalizer;
import java.util.Locale;

import org.secretariat.platform.api.persistence.LikePatterns;

/** The normalised form of names used for search and ordering: no accents, lower case, single spaces. */
public final class Names {

    private Names() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").trim();
    }

    /** A LIKE pattern matching names that contain the text, with LIKE's own characters escaped (ESCAPE '\'). */
    public static String containsPattern(String text) {
        return LikePatterns.containing(key(text));
    }
}
