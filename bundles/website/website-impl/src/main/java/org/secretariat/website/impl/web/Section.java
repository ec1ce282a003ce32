package org.secretariat.website.impl.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A part of the public site, answering the addresses below one first segment after the language
 * ({@code /en/news/...} for {@code news}). A section fed by another module is registered while that
 * module's API service is there; when it is not, its addresses answer 404 and its link leaves the
 * navigation.
 */
public interface Section {

    /** The first segment it answers, e.g. {@code news}; the home page's section answers {@code ""}. */
    String segment();

    /** The answer for this request, or empty for a 404. */
    Optional<Answer> answer(SiteRequest request) throws IOException;

    /** Its entry in the site's navigation (label key in the site's messages, and order), or empty. */
    default Optional<NavigationEntry> navigation() {
        return Optional.empty();
    }

    /** Addresses below the language for the sitemap, e.g. {@code news/12}. */
    default List<String> sitemap() {
        return List.of();
    }

    /**
     * What it shows on the home page in this language, e.g. the next meetings, or empty: a template
     * fragment (included with its model as {@code block}) and its place among the others.
     */
    default Optional<HomeBlock> home(String language) {
        return Optional.empty();
    }

    /** A part of the home page. */
    record HomeBlock(String template, int order, Map<String, Object> model) {
    }

    /** A link in the site's navigation: {@code /<lang>/<segment>}, labelled by a message key. */
    record NavigationEntry(String messageKey, int order) {
    }
}
