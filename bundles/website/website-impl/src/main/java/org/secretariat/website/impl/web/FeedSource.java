package org.secretariat.website.impl.web;

import java.time.Instant;
import java.util.List;

import org.secretariat.website.impl.service.SafeHtml;

/**
 * A feed besides the news, offered by the part of the site whose content it follows (the documents
 * feed while meetings is installed): {@code /<lang>/feeds/<name>.atom} and {@code .rss}.
 */
public interface FeedSource {

    /** Its name in the address, e.g. {@code documents}. */
    String name();

    /** The message key of its title, e.g. {@code feed.documents.title}. */
    String titleKey();

    /** The page it follows, below the language (e.g. {@code meetings}): the feed's alternate link. */
    String page();

    /** The newest entries first, at most {@code limit}, in the language where there is a choice. */
    List<Entry> entries(String language, int limit);

    /**
     * One entry: its title, its address below the language (e.g. {@code meetings/4#document-9}), a plain
     * summary and sanitised content (either may be null), when it last changed, and the language of its
     * text when that is not the feed's (a fallback), else null.
     */
    record Entry(String title, String path, String summary, SafeHtml content, Instant updated, String language) {
    }
}
