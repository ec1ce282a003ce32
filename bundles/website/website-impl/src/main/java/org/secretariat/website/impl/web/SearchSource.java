package org.secretariat.website.impl.web;

import java.util.List;

import org.secretariat.website.impl.service.PublicContent;

/** More to search than pages and news, e.g. meeting documents, offered by the section that shows them. */
public interface SearchSource {

    /** What matches the words, at most {@code limit}, titled in the language where there is a choice. */
    List<PublicContent.Hit> search(String query, String language, int limit);
}
