package org.secretariat.website.impl.web;

import java.util.List;
import java.util.Map;

/**
 * A public request as a section sees it: the language of the answer, the path segments after the
 * language and the section's own segment, the query parameters (first value each), and the origin the
 * client addressed ({@code scheme://host[:port]}), for the absolute addresses feeds and calendars need.
 */
public record SiteRequest(String language, boolean languageInPath, List<String> segments, Map<String, String> query, String origin) {

    /** A request whose origin does not matter (relative links only). */
    public SiteRequest(String language, boolean languageInPath, List<String> segments, Map<String, String> query) {
        this(language, languageInPath, segments, query, "");
    }

    public String parameter(String name) {
        return query.get(name);
    }

    /** The segments joined by {@code /}. */
    public String rest() {
        return String.join("/", segments);
    }
}
