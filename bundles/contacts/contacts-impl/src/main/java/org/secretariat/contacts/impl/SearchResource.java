package org.secretariat.contacts.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * One search box across the directory: states (by their name in any stored language), then
 * organisations (name or acronym), then people, each by name, as one paged list. Each page reads
 * only its own rows from each table (offsets computed from the three counts), so the cost follows
 * the page, not the directory.
 */
@Component(service = SearchResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final String STATES = " FROM StateRecord s WHERE EXISTS (SELECT n FROM StateName n WHERE n.iso2 = s.iso2"
            + " AND n.nameKey LIKE :pattern ESCAPE '\\')";
    private static final String ORGANISATIONS = " FROM Organisation o WHERE o.nameKey LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(o.acronym) LIKE :pattern ESCAPE '\\'";
    private static final String PEOPLE = " FROM Person p WHERE p.nameKey LIKE :pattern ESCAPE '\\'";

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public Page<Map<String, Object>> search(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        if (q == null || q.trim().length() < 2) {
            throw ApiException.badRequest("q", "q needs at least 2 characters");
        }
        PageRequest request = PageRequest.parse(page, size, null, java.util.Set.of("name"), "name");
        String pattern = Names.containsPattern(q);
        return Transactions.read(catalogue.store(), em -> {
            long states = count(em, "SELECT COUNT(s)" + STATES, pattern);
            long organisations = count(em, "SELECT COUNT(o)" + ORGANISATIONS, pattern);
            long people = count(em, "SELECT COUNT(p)" + PEOPLE, pattern);
            List<Map<String, Object>> items = new ArrayList<>();
            // In the whole list states come first, then organisations from index `states`, then people.
            List<StateRecord> onPage = window(em, "SELECT s" + STATES + " ORDER BY s.nameKey", StateRecord.class, pattern, request, items.size(), 0, states);
            Map<String, Map<String, String>> names = catalogue.namesOf(em, onPage.stream().map(s -> s.iso2).collect(java.util.stream.Collectors.toList()));
            for (StateRecord state : onPage) {
                items.add(item("STATE", null, state.iso2, names.getOrDefault(state.iso2, Map.of()).getOrDefault("en", state.iso2)));
            }
            for (Organisation organisation : window(em, "SELECT o" + ORGANISATIONS + " ORDER BY o.nameKey, o.id", Organisation.class, pattern,
                    request, items.size(), states, organisations)) {
                items.add(item("ORGANISATION", organisation.id, organisation.stateIso2, organisation.name));
            }
            for (Person person : window(em, "SELECT p" + PEOPLE + " ORDER BY p.nameKey, p.id", Person.class, pattern,
                    request, items.size(), states + organisations, people)) {
                items.add(item("PERSON", person.id, person.stateIso2, person.displayName()));
            }
            return Page.of(items, states + organisations + people, request);
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

    private static Map<String, Object> item(String kind, Long id, String iso2, String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("id", id);
        json.put("iso2", iso2);
        json.put("name", name);
        return json;
    }
}
