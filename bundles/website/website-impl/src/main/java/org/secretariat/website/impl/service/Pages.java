package org.secretariat.website.impl.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.website.impl.domain.Page;
import org.secretariat.website.impl.domain.Text;
import org.secretariat.website.impl.domain.TextOwner;

/** The tree of pages as staff edit it: addresses, menu order, and each page's language versions. */
@Component(service = Pages.class)
public class Pages {

    /** Lower-case words of letters and digits joined by hyphens. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /**
     * The first segments the site's own sections answer to. Two-letter slugs are refused as well: at
     * the top they would read as a language.
     */
    static final Set<String> RESERVED = Set.of("news", "meetings", "documents", "status", "contributions", "search", "feeds", "theme",
            "media", "sitemap", "robots", "calendar", "sponsorship", "experts", "api", "app", "system", "preview",
            // the meetings module's public registration form (/register/<link>), the expertise module's profile form
            "register", "expertise-profile");
    private static final int MAX_DEPTH = 6;

    public record Input(Long parent, String slug, Integer menuOrder, Boolean inMenu, Integer version) {
    }

    public record View(long id, Long parent, String slug, String path, int menuOrder, boolean inMenu, int version, List<TextView> texts) {
    }

    private final EntityManagerFactory factory;
    private final Texts texts;
    private final SiteChanges changes;
    private final Clock clock;

    @Activate
    public Pages(@Reference(target = "(osgi.unit.name=website)") EntityManagerFactory factory, @Reference SiteLanguages languages,
            @Reference SiteChanges changes) {
        this(factory, languages, changes, Clock.systemUTC());
    }

    Pages(EntityManagerFactory factory, SiteLanguages languages, SiteChanges changes, Clock clock) {
        this.factory = factory;
        this.texts = new Texts(languages, clock);
        this.changes = changes;
        this.clock = clock;
    }

    /** Every page, parents before their children, siblings in menu order. */
    public List<View> tree() {
        return Transactions.read(factory, em -> {
            List<Page> pages = em.createQuery("SELECT p FROM Page p", Page.class).getResultList();
            Map<Long, List<Text>> byPage = texts.of(em, TextOwner.PAGE, pages.stream().map(p -> p.id).collect(Collectors.toList()));
            Map<Long, List<Page>> children = pages.stream().filter(p -> p.parentId != null)
                    .collect(Collectors.groupingBy(p -> p.parentId));
            List<View> ordered = new ArrayList<>();
            addInOrder(pages.stream().filter(p -> p.parentId == null).collect(Collectors.toList()), children, byPage, ordered);
            return ordered;
        });
    }

    private static void addInOrder(List<Page> level, Map<Long, List<Page>> children, Map<Long, List<Text>> byPage, List<View> into) {
        level.sort(Comparator.comparingInt((Page p) -> p.menuOrder).thenComparing(p -> p.slug));
        for (Page page : level) {
            into.add(view(page, byPage.getOrDefault(page.id, List.of())));
            addInOrder(new ArrayList<>(children.getOrDefault(page.id, List.of())), children, byPage, into);
        }
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    public View create(Input input, String user) {
        Input body = present(input);
        View created = Transactions.inTransaction(factory, em -> {
            Page page = new Page();
            place(em, page, body);
            page.menuOrder = body.menuOrder() == null ? nextOrder(em, page.parentId) : body.menuOrder();
            page.inMenu = body.inMenu() == null || body.inMenu();
            page.createdBy = user;
            page.createdAt = clock.instant();
            em.persist(page);
            em.flush();
            return view(em, page);
        });
        changes.changed("page " + created.id());
        return created;
    }

    /** Moves or renames a page (its descendants' addresses follow), or changes its place in the menu. */
    public View update(long id, Input input, String user) {
        Input body = present(input);
        View updated = Transactions.inTransaction(factory, em -> {
            Page page = require(em, id);
            Fields.version(body.version(), page.version, "Page " + id);
            String oldPath = page.path;
            place(em, page, body);
            if (body.menuOrder() != null) {
                page.menuOrder = body.menuOrder();
            }
            if (body.inMenu() != null) {
                page.inMenu = body.inMenu();
            }
            if (!oldPath.equals(page.path)) {
                for (Page descendant : em.createQuery("SELECT p FROM Page p WHERE p.path LIKE :prefix ESCAPE '\\'", Page.class)
                        .setParameter("prefix", LikePatterns.literal(oldPath) + "/%").getResultList()) {
                    descendant.path = page.path + descendant.path.substring(oldPath.length());
                }
            }
            em.flush();
            return view(em, page);
        });
        changes.changed("page " + id);
        return updated;
    }

    /** Deletes a page with its texts; a page with pages below it stays until they are moved or deleted. */
    public void delete(long id, Integer version) {
        Transactions.inTransaction(factory, em -> {
            Page page = require(em, id);
            Fields.version(version, page.version, "Page " + id);
            long below = em.createQuery("SELECT COUNT(p) FROM Page p WHERE p.parentId = :id", Long.class).setParameter("id", id).getSingleResult();
            if (below > 0) {
                throw DomainException.conflict("Page " + id + " has " + below + " page(s) below it: move or delete them first");
            }
            texts.deleteAll(em, TextOwner.PAGE, id);
            em.remove(page);
            return null;
        });
        changes.changed("page " + id);
    }

    public TextView writeText(long id, String language, TextInput input, String user) {
        return change(id, em -> texts.write(em, TextOwner.PAGE, id, language, input, user));
    }

    public TextView publish(long id, String language, String user) {
        return change(id, em -> texts.publish(em, TextOwner.PAGE, id, language, user));
    }

    public TextView unpublish(long id, String language) {
        return change(id, em -> texts.unpublish(em, TextOwner.PAGE, id, language));
    }

    public void deleteText(long id, String language) {
        Transactions.inTransaction(factory, em -> {
            require(em, id);
            texts.delete(em, TextOwner.PAGE, id, language);
            return null;
        });
        changes.changed("page " + id);
    }

    /** The text as changed, viewed after the flush: a new text's version is set only then. */
    private TextView change(long id, java.util.function.Function<EntityManager, Text> work) {
        TextView result = Transactions.inTransaction(factory, em -> {
            require(em, id);
            Text text = work.apply(em);
            em.flush();
            return Texts.view(text);
        });
        changes.changed("page " + id);
        return result;
    }

    /** The working copy of a language version, for staff to preview. */
    public TextView draft(long id, String language) {
        return Transactions.read(factory, em -> {
            require(em, id);
            return Texts.view(texts.require(em, TextOwner.PAGE, id, language));
        });
    }

    private void place(EntityManager em, Page page, Input input) {
        String slug = Fields.required("slug", input.slug(), 80);
        if (!SLUG.matcher(slug).matches()) {
            throw DomainException.invalid("slug", "slug must be lower-case letters and digits, words joined by '-'");
        }
        if (slug.length() == 2 || RESERVED.contains(slug)) {
            throw DomainException.invalid("slug", "slug '" + slug + "' is taken by the site itself (two letters name a language; "
                    + "reserved: " + RESERVED.stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        String parentPath = "";
        if (input.parent() != null) {
            Page parent = em.find(Page.class, input.parent());
            if (parent == null) {
                throw DomainException.invalid("parent", "parent page " + input.parent() + " does not exist");
            }
            if (page.id != null && (parent.id.equals(page.id) || parent.path.startsWith(page.path + "/"))) {
                throw DomainException.invalid("parent", "a page cannot be placed below itself");
            }
            if (parent.path.split("/").length >= MAX_DEPTH) {
                throw DomainException.invalid("parent", "pages are at most " + MAX_DEPTH + " levels deep");
            }
            parentPath = parent.path + "/";
        }
        String path = parentPath + slug;
        boolean taken = !em.createQuery("SELECT p.id FROM Page p WHERE p.path = :path AND p.id <> :id", Long.class)
                .setParameter("path", path).setParameter("id", page.id == null ? -1L : page.id).getResultList().isEmpty();
        if (taken) {
            throw DomainException.conflict("another page has the address /" + path);
        }
        page.parentId = input.parent();
        page.slug = slug;
        page.path = path;
    }

    private static int nextOrder(EntityManager em, Long parent) {
        Integer highest = (parent == null
                ? em.createQuery("SELECT MAX(p.menuOrder) FROM Page p WHERE p.parentId IS NULL", Integer.class)
                : em.createQuery("SELECT MAX(p.menuOrder) FROM Page p WHERE p.parentId = :parent", Integer.class).setParameter("parent", parent))
                .getSingleResult();
        return highest == null ? 10 : highest + 10;
    }

    private static Input present(Input input) {
        if (input == null) {
            throw DomainException.invalid("slug", "a JSON body is required");
        }
        return input;
    }

    static Page require(EntityManager em, long id) {
        Page page = em.find(Page.class, id);
        if (page == null) {
            throw DomainException.notFound("Page " + id + " does not exist");
        }
        return page;
    }

    private View view(EntityManager em, Page page) {
        return view(page, texts.of(em, TextOwner.PAGE, List.of(page.id)).getOrDefault(page.id, List.of()));
    }

    private static View view(Page page, List<Text> texts) {
        return new View(page.id, page.parentId, page.slug, page.path, page.menuOrder, page.inMenu, page.version,
                texts.stream().map(Texts::view).collect(Collectors.toList()));
    }
}
