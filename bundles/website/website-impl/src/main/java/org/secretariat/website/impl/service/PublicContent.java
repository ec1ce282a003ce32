package org.secretariat.website.impl.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.website.impl.domain.NewsItem;
import org.secretariat.website.impl.domain.Page;
import org.secretariat.website.impl.domain.Text;
import org.secretariat.website.impl.domain.TextOwner;

/**
 * What the public may see of the website's own content: published language versions only, in the
 * language asked for or, when that one is missing, in the next one that exists (and saying so). A page
 * or news item without any published version does not exist for the public.
 */
@Component(service = PublicContent.class)
public class PublicContent {

    /** A published text in the language shown; {@code fallback} when that is not the language asked for. */
    public record Shown(String language, boolean fallback, String title, String summary, SafeHtml body, Instant publishedAt,
            List<String> languages) {
    }

    public record Link(String title, String path, String language, boolean fallback) {
    }

    public record PublicPage(long id, String path, Shown text, List<Link> breadcrumbs, List<Link> children) {
    }

    public record PublicNews(long id, LocalDate date, Shown text) {
    }

    public record MenuEntry(String title, String path, List<Link> children) {
    }

    private final EntityManagerFactory factory;
    private final SiteLanguages languages;
    private final Markdown markdown;

    @Activate
    public PublicContent(@Reference(target = "(osgi.unit.name=website)") EntityManagerFactory factory, @Reference SiteLanguages languages,
            @Reference Markdown markdown) {
        this.factory = factory;
        this.languages = languages;
        this.markdown = markdown;
    }

    /** The top pages in the menu with their children in the menu, each titled in the language or its fallback. */
    public List<MenuEntry> menu(String language) {
        return Transactions.read(factory, em -> {
            List<Page> pages = em.createQuery("SELECT p FROM Page p ORDER BY p.menuOrder, p.slug", Page.class).getResultList();
            Map<Long, List<Text>> published = published(em, TextOwner.PAGE, pages.stream().map(p -> p.id).collect(Collectors.toList()));
            List<MenuEntry> menu = new ArrayList<>();
            for (Page top : pages) {
                if (top.parentId != null || !top.inMenu || !published.containsKey(top.id)) {
                    continue;
                }
                List<Link> children = pages.stream().filter(p -> top.id.equals(p.parentId) && p.inMenu && published.containsKey(p.id))
                        .map(p -> link(p, published.get(p.id), language)).collect(Collectors.toList());
                menu.add(new MenuEntry(pick(published.get(top.id), language).publishedTitle, top.path, children));
            }
            return menu;
        });
    }

    public Optional<PublicPage> page(String path, String language) {
        return Transactions.read(factory, em -> {
            Optional<Page> found = em.createQuery("SELECT p FROM Page p WHERE p.path = :path", Page.class).setParameter("path", path)
                    .getResultList().stream().findFirst();
            if (found.isEmpty()) {
                return Optional.<PublicPage>empty();
            }
            Page page = found.get();
            List<Text> texts = published(em, TextOwner.PAGE, List.of(page.id)).get(page.id);
            if (texts == null) {
                return Optional.<PublicPage>empty();
            }
            List<Link> breadcrumbs = new ArrayList<>();
            Long parentId = page.parentId;
            while (parentId != null) {
                Page parent = em.find(Page.class, parentId);
                List<Text> parentTexts = published(em, TextOwner.PAGE, List.of(parentId)).get(parentId);
                if (parentTexts != null) {
                    breadcrumbs.add(0, link(parent, parentTexts, language));
                }
                parentId = parent.parentId;
            }
            List<Page> below = em.createQuery("SELECT p FROM Page p WHERE p.parentId = :id ORDER BY p.menuOrder, p.slug", Page.class)
                    .setParameter("id", page.id).getResultList();
            Map<Long, List<Text>> belowTexts = published(em, TextOwner.PAGE, below.stream().map(p -> p.id).collect(Collectors.toList()));
            List<Link> children = below.stream().filter(p -> belowTexts.containsKey(p.id)).map(p -> link(p, belowTexts.get(p.id), language))
                    .collect(Collectors.toList());
            return Optional.of(new PublicPage(page.id, page.path, shown(texts, language), breadcrumbs, children));
        });
    }

    /** Published news, newest first. */
    public List<PublicNews> news(String language, int offset, int limit) {
        return Transactions.read(factory, em -> {
            List<NewsItem> items = em.createQuery("SELECT n FROM NewsItem n WHERE EXISTS (SELECT t.id FROM Text t WHERE t.ownerKind = :kind"
                    + " AND t.ownerId = n.id AND t.publishedAt IS NOT NULL) ORDER BY n.date DESC, n.id DESC", NewsItem.class)
                    .setParameter("kind", TextOwner.NEWS).setFirstResult(offset).setMaxResults(limit).getResultList();
            Map<Long, List<Text>> texts = published(em, TextOwner.NEWS, items.stream().map(n -> n.id).collect(Collectors.toList()));
            return items.stream().filter(n -> texts.containsKey(n.id)).map(n -> new PublicNews(n.id, n.date, shown(texts.get(n.id), language)))
                    .collect(Collectors.toList());
        });
    }

    public long newsCount() {
        return Transactions.read(factory, em -> em.createQuery("SELECT COUNT(n) FROM NewsItem n WHERE EXISTS (SELECT t.id FROM Text t"
                + " WHERE t.ownerKind = :kind AND t.ownerId = n.id AND t.publishedAt IS NOT NULL)", Long.class)
                .setParameter("kind", TextOwner.NEWS).getSingleResult());
    }

    public Optional<PublicNews> newsItem(long id, String language) {
        return Transactions.read(factory, em -> {
            NewsItem item = em.find(NewsItem.class, id);
            List<Text> texts = item == null ? null : published(em, TextOwner.NEWS, List.of(id)).get(id);
            return texts == null ? Optional.<PublicNews>empty() : Optional.of(new PublicNews(id, item.date, shown(texts, language)));
        });
    }

    /** A search hit among pages and news: its title in the language (or fallback), its address and a snippet. */
    public record Hit(String kind, String title, String path, String snippet, String language, boolean fallback) {
    }

    /** Published pages and news whose title or text contains the words, in any language, each once. */
    public List<Hit> search(String query, String language, int limit) {
        String words = query == null ? "" : query.strip();
        if (words.isEmpty()) {
            return List.of();
        }
        String pattern = LikePatterns.containing(words.toLowerCase(java.util.Locale.ROOT));
        return Transactions.read(factory, em -> {
            List<Text> matches = em.createQuery("SELECT t FROM Text t WHERE t.publishedAt IS NOT NULL AND (LOWER(t.publishedTitle) LIKE :q"
                    + " ESCAPE '\\' OR LOWER(t.publishedBody) LIKE :q ESCAPE '\\' OR LOWER(t.publishedSummary) LIKE :q ESCAPE '\\')", Text.class)
                    .setParameter("q", pattern).setMaxResults(limit * languages.all().size()).getResultList();
            List<Hit> hits = new ArrayList<>();
            Map<TextOwner, List<Long>> owners = matches.stream().collect(Collectors.groupingBy(t -> t.ownerKind,
                    Collectors.mapping(t -> t.ownerId, Collectors.collectingAndThen(Collectors.toSet(), ArrayList::new))));
            for (Map.Entry<TextOwner, List<Long>> kind : owners.entrySet()) {
                Map<Long, List<Text>> texts = published(em, kind.getKey(), kind.getValue());
                for (Long id : kind.getValue()) {
                    Text text = pick(texts.get(id), language);
                    String path = kind.getKey() == TextOwner.PAGE ? em.find(Page.class, id).path : "news/" + id;
                    hits.add(new Hit(kind.getKey() == TextOwner.PAGE ? "page" : "news", text.publishedTitle, path,
                            markdown.plainText(text.publishedBody, 200), text.language, !text.language.equals(language)));
                }
            }
            hits.sort(Comparator.comparing(Hit::title, String.CASE_INSENSITIVE_ORDER));
            return hits.size() > limit ? hits.subList(0, limit) : hits;
        });
    }

    /** Addresses of every published page, for the sitemap. */
    public List<String> publishedPagePaths() {
        return Transactions.read(factory, em -> em.createQuery("SELECT p.path FROM Page p WHERE EXISTS (SELECT t.id FROM Text t"
                + " WHERE t.ownerKind = :kind AND t.ownerId = p.id AND t.publishedAt IS NOT NULL) ORDER BY p.path", String.class)
                .setParameter("kind", TextOwner.PAGE).getResultList());
    }

    private Map<Long, List<Text>> published(EntityManager em, TextOwner owner, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> order = languages.all();
        return em.createQuery("SELECT t FROM Text t WHERE t.ownerKind = :kind AND t.ownerId IN :ids AND t.publishedAt IS NOT NULL", Text.class)
                .setParameter("kind", owner).setParameter("ids", ids).getResultList().stream()
                .filter(t -> order.contains(t.language))
                .collect(Collectors.groupingBy(t -> t.ownerId, Collectors.toList()));
    }

    private Text pick(List<Text> texts, String language) {
        for (String candidate : languages.fallbackOrder(language)) {
            for (Text text : texts) {
                if (text.language.equals(candidate)) {
                    return text;
                }
            }
        }
        return texts.get(0);
    }

    private Shown shown(List<Text> texts, String language) {
        Text text = pick(texts, language);
        List<String> available = languages.all().stream().filter(l -> texts.stream().anyMatch(t -> t.language.equals(l)))
                .collect(Collectors.toList());
        return new Shown(text.language, !text.language.equals(language), text.publishedTitle, text.publishedSummary,
                markdown.render(text.publishedBody), text.publishedAt, available);
    }

    private Link link(Page page, List<Text> texts, String language) {
        Text text = pick(texts, language);
        return new Link(text.publishedTitle, page.path, text.language, !text.language.equals(language));
    }
}
