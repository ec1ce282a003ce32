package org.secretariat.website.impl.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.website.impl.service.PublicContent;

/**
 * {@code /<lang>/feeds/<name>.atom} and {@code .rss}: the news (always), and the feeds other parts of
 * the site offer through {@link FeedSource} while their module is installed (documents); any other
 * name is 404. The newest {@value #LIMIT} entries, in the language or its fallback.
 */
@Component(service = Section.class)
public class FeedsSection implements Section {

    static final int LIMIT = 20;
    static final String ATOM = ".atom";
    static final String RSS = ".rss";

    private final SiteMessages messages;
    private final ConventionProfile profile;
    private final RenderedCache cache;
    private final FeedSource news;
    private final List<FeedSource> sources = new CopyOnWriteArrayList<>();

    @Activate
    public FeedsSection(@Reference PublicContent content, @Reference SiteMessages messages, @Reference ConventionProfile profile,
            @Reference RenderedCache cache) {
        this.messages = messages;
        this.profile = profile;
        this.cache = cache;
        this.news = new NewsFeed(content);
    }

    /** A feed that leaves must not be served from the cache any more (nor one that comes be missed). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(FeedSource source) {
        sources.add(source);
        cache.clear();
    }

    void removeSource(FeedSource source) {
        sources.remove(source);
        cache.clear();
    }

    @Override
    public String segment() {
        return "feeds";
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (request.segments().size() != 1) {
            return Optional.empty();
        }
        String file = request.segments().get(0);
        boolean atom = file.endsWith(ATOM);
        if (!atom && !file.endsWith(RSS)) {
            return Optional.empty();
        }
        String name = file.substring(0, file.length() - (atom ? ATOM.length() : RSS.length()));
        Optional<FeedSource> source = source(name);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String language = request.language();
        String base = request.origin() + "/" + language + "/";
        List<Feeds.Item> items = new ArrayList<>();
        for (FeedSource.Entry entry : source.get().entries(language, LIMIT)) {
            items.add(new Feeds.Item(base + entry.path(), entry));
        }
        Feeds.Feed feed = new Feeds.Feed(base + "feeds/" + file, profile.acronym() + " – " + messages.get(language, source.get().titleKey()),
                base + source.get().page(), language, profile.name(), items);
        return Optional.of(atom ? new Answer.Bytes(Feeds.ATOM_TYPE, Feeds.atom(feed)) : new Answer.Bytes(Feeds.RSS_TYPE, Feeds.rss(feed)));
    }

    private Optional<FeedSource> source(String name) {
        if (news.name().equals(name)) {
            return Optional.of(news);
        }
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Published news, newest first: a text's entry changes when it is published again. */
    static final class NewsFeed implements FeedSource {
        private final PublicContent content;

        NewsFeed(PublicContent content) {
            this.content = content;
        }

        @Override
        public String name() {
            return "news";
        }

        @Override
        public String titleKey() {
            return "feed.news.title";
        }

        @Override
        public String page() {
            return "news";
        }

        @Override
        public List<Entry> entries(String language, int limit) {
            List<Entry> entries = new ArrayList<>();
            for (PublicContent.PublicNews item : content.news(language, 0, limit)) {
                PublicContent.Shown text = item.text();
                entries.add(new Entry(text.title(), "news/" + item.id(), text.summary(), text.body(), text.publishedAt(),
                        text.fallback() ? text.language() : null));
            }
            return entries;
        }
    }
}
