package org.secretariat.contacts.impl.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.Organisation;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.domain.StateRecord;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * One search across the directory: states (by their name in any stored language), then
 * organisations (name or acronym), then people, each by name, as one paged list. Each page reads
 * only its own rows from each table (offsets computed from the three counts), so the cost follows
 * the page, not the directory.
 */
@Component(service = Search.class)
public class Search {

    private static final String STATES = " FROM StateRecord s WHERE EXISTS (SELECT n FROM StateName n WHERE n.iso2 = s.iso2"
            + " AND n.nameKey LIKE :pattern ESCAPE '\\')";
    private static final String ORGANISATIONS = " FROM Organisation o WHERE o.nameKey LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(o.acronym) LIKE :pattern ESCAPE '\\'";
    private static final String PEOPLE = " FROM Person p WHERE p.nameKey LIKE :pattern ESCAPE '\\'";

    private final EntityManagerFactory contacts;
    private final States states;

    @Activate
    public Search(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states) {
        this.contacts = contacts;
        this.states = states;
    }

    /** The page of states, organisations and people whose names contain {@code text} (at least 2 characters). */
    public Page<SearchHit> search(String text, PageRequest page) {
        if (text == null || text.trim().length() < 2) {
            throw DomainException.invalid("q", "q needs at least 2 characters");
        }
        String pattern = Names.containsPattern(text);
        return Transactions.read(contacts, em -> {
            long stateCount = count(em, "SELECT COUNT(s)" + STATES, pattern);
            long organisationCount = count(em, "SELECT COUNT(o)" + ORGANISATIONS, pattern);
            long personCount = count(em, "SELECT COUNT(p)" + PEOPLE, pattern);
            List<SearchHit> items = new ArrayList<>();
            // In the whole list states come first, then organisations from index `stateCount`, then people.
            List<StateRecord> statesOnPage = window(em, "SELECT s" + STATES + " ORDER BY s.nameKey", StateRecord.class, pattern, page, 0, 0,
                    stateCount);
            Map<String, String> names = states.englishNames(statesOnPage.stream().map(s -> s.iso2).collect(Collectors.toList()));
            for (StateRecord state : statesOnPage) {
                items.add(new SearchHit(SearchHit.STATE, null, state.iso2, names.getOrDefault(state.iso2, state.iso2)));
            }
            for (Organisation organisation : window(em, "SELECT o" + ORGANISATIONS + " ORDER BY o.nameKey, o.id", Organisation.class, pattern,
                    page, items.size(), stateCount, organisationCount)) {
                items.add(new SearchHit(SearchHit.ORGANISATION, organisation.id, organisation.stateIso2, organisation.name));
            }
            // people's ids first, from the index of names with ids (V3) alone; then those people only
            for (Person person : People.byIds(em, window(em, "SELECT p.id" + PEOPLE + " ORDER BY p.nameKey, p.id", Long.class, pattern,
                    page, items.size(), stateCount + organisationCount, personCount))) {
                items.add(new SearchHit(SearchHit.PERSON, person.id, person.stateIso2, person.displayName()));
            }
            return Page.of(items, stateCount + organisationCount + personCount, page);
        });
    }

    private static long count(EntityManager em, String query, String pattern) {
        return em.createQuery(query, Long.class).setParameter("pattern", pattern).getSingleResult();
    }

    /**
     * The rows of one kind on the page. The page covers [offset, offset + size) of the whole list, of which
     * {@code filled} are taken already; this kind's rows sit at [start, start + count) of the whole list.
     */
    private static <T> List<T> window(EntityManager em, String query, Class<T> type, String pattern, PageRequest page, int filled,
            long start, long count) {
        long position = (long) page.offset() + filled;
        long first = Math.max(position, start);
        long end = Math.min(position + (page.size() - filled), start + count);
        if (first >= end) {
            return List.of();
        }
        return em.createQuery(query, type).setParameter("pattern", pattern).setFirstResult((int) (first - start))
                .setMaxResults((int) (end - first)).getResultList();
    }

    /** Organisations and people whose name contains {@code text}, by name, at most {@code limit}. */
    public List<ContactSummary> contacts(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        String pattern = Names.containsPattern(text);
        return Transactions.read(contacts, em -> {
            List<ContactSummary> found = new ArrayList<>();
            em.createQuery("SELECT o" + ORGANISATIONS + " ORDER BY o.nameKey", Organisation.class).setParameter("pattern", pattern)
                    .setMaxResults(limit).getResultList().forEach(o -> found.add(o.summary()));
            em.createQuery("SELECT p" + PEOPLE + " ORDER BY p.nameKey", Person.class).setParameter("pattern", pattern)
                    .setMaxResults(limit).getResultList().forEach(p -> found.add(p.summary()));
            return found.stream().sorted(Comparator.comparing(c -> Names.key(c.name()))).limit(limit).collect(Collectors.toList());
        });
    }
}
