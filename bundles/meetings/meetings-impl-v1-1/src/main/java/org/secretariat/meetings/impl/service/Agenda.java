package org.secretariat.meetings.impl.service;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.AgendaItem;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * A meeting's agenda: numbered items ("2", "2(a)"...), unique in the meeting, nested one level under
 * a top-level item, listed in number order. An item with sub-items or decisions stays.
 */
@Component(service = Agenda.class)
public class Agenda {

    /** An agenda item as the API shows and takes it; an {@code id} sent is the one read, and ignored. */
    public record Item(Long id, String number, String title, Long parentId, Integer version) {
        static Item of(AgendaItem item) {
            return new Item(item.id, item.number, item.title, item.parentId, item.version);
        }
    }

    /** An item of the agenda's tree, with its sub-items. */
    public record Node(Long id, String number, String title, Long parentId, int version, List<Node> items) {
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Announcements announcements;

    @Activate
    public Agenda(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Announcements announcements) {
        this.factory = factory;
        this.meetings = meetings;
        this.announcements = announcements;
    }

    /** The item of that meeting, or not found. */
    public AgendaItem require(EntityManager em, long meetingId, long itemId) {
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || item.meetingId != meetingId) {
            throw DomainException.notFound("No agenda item " + itemId + " in meeting " + meetingId);
        }
        return item;
    }

    /** The agenda as a tree: top-level items with their sub-items, each level in number order. */
    public List<Node> tree(long meetingId) {
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            List<AgendaItem> items = em.createQuery("SELECT a FROM AgendaItem a WHERE a.meetingId = :meeting", AgendaItem.class)
                    .setParameter("meeting", meetingId).getResultList();
            return children(items, null);
        });
    }

    private static List<Node> children(List<AgendaItem> items, Long parent) {
        return items.stream().filter(i -> Objects.equals(i.parentId, parent)).sorted(Comparator.comparing(i -> i.number, NaturalOrder.INSTANCE))
                .map(item -> new Node(item.id, item.number, item.title, item.parentId, item.version, children(items, item.id)))
                .collect(Collectors.toList());
    }

    public Item add(long meetingId, Item body) {
        Item created = Transactions.inTransaction(factory, em -> {
            meetings.require(em, meetingId);
            AgendaItem item = new AgendaItem();
            item.meetingId = meetingId;
            apply(em, body, item);
            em.persist(item);
            em.flush();
            return Item.of(item);
        });
        announcements.meetingChanged(meetingId);
        return created;
    }

    public Item update(long meetingId, long itemId, Item body) {
        Item updated = Transactions.inTransaction(factory, em -> {
            AgendaItem item = require(em, meetingId, itemId);
            Fields.version(body == null ? null : body.version(), item.version, "Agenda item " + itemId);
            apply(em, body, item);
            em.flush();
            return Item.of(item);
        });
        announcements.meetingChanged(meetingId);
        return updated;
    }

    public void delete(long meetingId, long itemId) {
        Transactions.inTransaction(factory, em -> {
            AgendaItem item = require(em, meetingId, itemId);
            long decisions = em.createQuery("SELECT COUNT(d) FROM Decision d WHERE d.agendaItemId = :id", Long.class)
                    .setParameter("id", itemId).getSingleResult();
            if (subItems(em, itemId) + decisions > 0) {
                throw DomainException.conflict("Agenda item " + item.number + " has sub-items or decisions; remove or move them first");
            }
            em.remove(item);
            return null;
        });
        announcements.meetingChanged(meetingId);
    }

    private void apply(EntityManager em, Item body, AgendaItem item) {
        if (body == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        String number = Fields.required("number", body.number(), 20);
        if (!number.matches("[0-9A-Za-z.()-]+")) {
            throw DomainException.invalid("number", "number is made of digits, letters, '.', '(' and ')', e.g. 2 or 2(a)");
        }
        long clash = em.createQuery("SELECT COUNT(a) FROM AgendaItem a WHERE a.meetingId = :meeting AND a.number = :number AND a.id <> :id", Long.class)
                .setParameter("meeting", item.meetingId).setParameter("number", number).setParameter("id", item.id == null ? -1L : item.id)
                .getSingleResult();
        if (clash > 0) {
            throw DomainException.invalid("number", "the agenda already has an item " + number);
        }
        item.number = number;
        item.title = Fields.required("title", body.title(), 500);
        if (body.parentId() != null) {
            AgendaItem parent = require(em, item.meetingId, body.parentId());
            if (parent.parentId != null || Objects.equals(parent.id, item.id)) {
                throw DomainException.invalid("parentId", "items nest one level: the parent must be a top-level item");
            }
            if (item.id != null && subItems(em, item.id) > 0) {
                throw DomainException.invalid("parentId", "item " + item.number + " has sub-items of its own, so it stays at the top level");
            }
        }
        item.parentId = body.parentId();
    }

    private static long subItems(EntityManager em, long itemId) {
        return em.createQuery("SELECT COUNT(a) FROM AgendaItem a WHERE a.parentId = :id", Long.class).setParameter("id", itemId).getSingleResult();
    }
}
