package org.secretariat.website.impl.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.website.impl.domain.NewsItem;
import org.secretariat.website.impl.domain.Text;
import org.secretariat.website.impl.domain.TextOwner;

/** News items as staff edit them: a date, and a text per language, each published on its own. */
@Component(service = News.class)
public class News {

    public record Input(LocalDate date, Integer version) {
    }

    public record View(long id, LocalDate date, int version, List<TextView> texts) {
    }

    private final EntityManagerFactory factory;
    private final Texts texts;
    private final SiteChanges changes;
    private final Clock clock;

    @Activate
    public News(@Reference(target = "(osgi.unit.name=website)") EntityManagerFactory factory, @Reference SiteLanguages languages,
            @Reference SiteChanges changes) {
        this(factory, languages, changes, Clock.systemUTC());
    }

    News(EntityManagerFactory factory, SiteLanguages languages, SiteChanges changes, Clock clock) {
        this.factory = factory;
        this.texts = new Texts(languages, clock);
        this.changes = changes;
        this.clock = clock;
    }

    /** Newest first. */
    public Page<View> list(PageRequest request) {
        return Transactions.read(factory, em -> {
            long total = em.createQuery("SELECT COUNT(n) FROM NewsItem n", Long.class).getSingleResult();
            List<NewsItem> items = em.createQuery("SELECT n FROM NewsItem n ORDER BY n.date DESC, n.id DESC", NewsItem.class)
                    .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
            Map<Long, List<Text>> byItem = texts.of(em, TextOwner.NEWS, items.stream().map(n -> n.id).collect(Collectors.toList()));
            return Page.of(items.stream().map(n -> view(n, byItem.getOrDefault(n.id, List.of()))).collect(Collectors.toList()), total, request);
        });
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    public View create(Input input, String user) {
        LocalDate date = Fields.present("date", present(input).date(), "the news item's date (YYYY-MM-DD)");
        View created = Transactions.inTransaction(factory, em -> {
            NewsItem item = new NewsItem();
            item.date = date;
            item.createdBy = user;
            item.createdAt = clock.instant();
            em.persist(item);
            em.flush();
            return view(em, item);
        });
        changes.changed("news " + created.id());
        return created;
    }

    public View update(long id, Input input) {
        LocalDate date = Fields.present("date", present(input).date(), "the news item's date (YYYY-MM-DD)");
        View updated = Transactions.inTransaction(factory, em -> {
            NewsItem item = require(em, id);
            Fields.version(input.version(), item.version, "News item " + id);
            item.date = date;
            em.flush();
            return view(em, item);
        });
        changes.changed("news " + id);
        return updated;
    }

    public void delete(long id, Integer version) {
        Transactions.inTransaction(factory, em -> {
            NewsItem item = require(em, id);
            Fields.version(version, item.version, "News item " + id);
            texts.deleteAll(em, TextOwner.NEWS, id);
            em.remove(item);
            return null;
        });
        changes.changed("news " + id);
    }

    public TextView writeText(long id, String language, TextInput input, String user) {
        return change(id, em -> texts.write(em, TextOwner.NEWS, id, language, input, user));
    }

    public TextView publish(long id, String language, String user) {
        return change(id, em -> texts.publish(em, TextOwner.NEWS, id, language, user));
    }

    public TextView unpublish(long id, String language) {
        return change(id, em -> texts.unpublish(em, TextOwner.NEWS, id, language));
    }

    public void deleteText(long id, String language) {
        Transactions.inTransaction(factory, em -> {
            require(em, id);
            texts.delete(em, TextOwner.NEWS, id, language);
            return null;
        });
        changes.changed("news " + id);
    }

    public TextView draft(long id, String language) {
        return Transactions.read(factory, em -> {
            require(em, id);
            return Texts.view(texts.require(em, TextOwner.NEWS, id, language));
        });
    }

    /** The text as changed, viewed after the flush: a new text's version is set only then. */
    private TextView change(long id, java.util.function.Function<EntityManager, Text> work) {
        TextView result = Transactions.inTransaction(factory, em -> {
            require(em, id);
            Text text = work.apply(em);
            em.flush();
            return Texts.view(text);
        });
        changes.changed("news " + id);
        return result;
    }

    private static Input present(Input input) {
        if (input == null) {
            throw DomainException.invalid("date", "a JSON body is required");
        }
        return input;
    }

    private static NewsItem require(EntityManager em, long id) {
        NewsItem item = em.find(NewsItem.class, id);
        if (item == null) {
            throw DomainException.notFound("News item " + id + " does not exist");
        }
        return item;
    }

    private View view(EntityManager em, NewsItem item) {
        return view(item, texts.of(em, TextOwner.NEWS, List.of(item.id)).getOrDefault(item.id, List.of()));
    }

    private static View view(NewsItem item, List<Text> texts) {
        return new View(item.id, item.date, item.version, texts.stream().map(Texts::view).collect(Collectors.toList()));
    }
}
