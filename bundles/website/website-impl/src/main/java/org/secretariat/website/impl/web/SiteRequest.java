package org.secretariat.website.impl.web;

import java.util.List;
import java.util.Map;

/**
 * A public request as a section sees it: the language of the answer, the path segments after the
 * language and the section's own segment, and the query parameters (first value each).
 */
public record SiteRequest(String language, boolean languageInPath, List<String> segments, Map<String, String> query) {

    public String parameter(String name) {
        return query.get(name);
    }

    /** The segments joined by {@code /}. */
    public String rest() {
        return String.join("/", segments);
    }
}
