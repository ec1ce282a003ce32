package org.secretariat.website.impl.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.website.impl.service.PublicContent;

/**
 * {@code /<lang>/search?q=...}: published pages and news, and whatever other sections find (meeting
 * documents by title or symbol while meetings is installed), through {@link SearchSource}.
 */
@Component(service = Section.class)
public class SearchSection implements Section {

    static final int LIMIT = 50;
    static final int SHORTEST = 2;

    private final PublicContent content;
    private final SiteMessages messages;
    private final RenderedCache cache;
    private final List<SearchSource> sources = new CopyOnWriteArrayList<>();

    @Activate
    public SearchSection(@Reference PublicContent content, @Reference SiteMessages messages, @Reference RenderedCache cache) {
        this.content = content;
        this.messages = messages;
        this.cache = cache;
    }

    /** Results kept from before a source came or went would show what is no longer there (or miss what is). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(SearchSource source) {
        sources.add(source);
        cache.clear();
    }

    void removeSource(SearchSource source) {
        sources.remove(source);
        cache.clear();
    }

    @Override
    public String segment() {
        return "search";
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (!request.segments().isEmpty()) {
            return Optional.empty();
        }
        String query = request.parameter("q") == null ? "" : request.parameter("q").strip();
        List<PublicContent.Hit> hits = new ArrayList<>();
        boolean searched = query.length() >= SHORTEST;
        if (searched) {
            hits.addAll(content.search(query, request.language(), LIMIT));
            for (SearchSource source : sources) {
                hits.addAll(source.search(query, request.language(), LIMIT));
            }
        }
        return Optional.of(new Answer.Rendered("search.ftlh", messages.get(request.language(), "search.title"),
                Map.of("query", query, "searched", searched, "hits", hits.size() > LIMIT * 2 ? hits.subList(0, LIMIT * 2) : hits)));
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("search.title", 90));
    }
}
