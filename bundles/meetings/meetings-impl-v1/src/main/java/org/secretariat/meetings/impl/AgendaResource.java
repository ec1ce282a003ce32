package org.secretariat.meetings.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/** A meeting's agenda: numbered items, nested under a parent item ("2", "2(a)"...), in number order. */
@Component(service = AgendaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/agenda")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    /** An agenda item as the API takes it. */
    public static class ItemJson {
        public Long id;
        public Long parentId;
        public String number;
        public String title;
        public Integer version;
    }

    @Reference
    private MeetingStore store;

    /** The agenda as a tree: top-level items with their sub-items, each level in number order. */
    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> agenda(@PathParam("meetingId") long meetingId) {
        return Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            List<AgendaItem> items = em.createQuery("SELECT a FROM AgendaItem a WHERE a.meetingId = :meeting", AgendaItem.class)
                    .setParameter("meeting", meetingId).getResultList();
            return children(items, null);
        });
    }

    private static List<Map<String, Object>> children(List<AgendaItem> items, Long parent) {
        List<Map<String, Object>> level = new ArrayList<>();
        items.stream().filter(i -> java.util.Objects.equals(i.parentId, parent)).sorted(Comparator.comparing(i -> i.number, NaturalOrder.INSTANCE))
                .forEach(item -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", item.id);
                    json.put("number", item.number);
                    json.put("title", item.title);
                    json.put("parentId", item.parentId);
                    json.put("version", item.version);
                    json.put("items", children(items, item.id));
                    level.add(json);
                });
        return level;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response add(@PathParam("meetingId") long meetingId, ItemJson body) {
        Map<String, Object> created = Transactions.inTransaction(store.store(), em -> {
            store.meeting(em, meetingId);
            AgendaItem item = new AgendaItem();
            item.meetingId = meetingId;
            fill(em, item, body);
            em.persist(item);
            em.flush();
            return json(item);
        });
        store.meetingChanged(meetingId);
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Map<String, Object> update(@PathParam("meetingId") long meetingId, @PathParam("itemId") long itemId, ItemJson body) {
        Map<String, Object> updated = Transactions.inTransaction(store.store(), em -> {
            AgendaItem item = find(em, meetingId, itemId);
            Input.version(body == null ? null : body.version, item.version, "Agenda item " + itemId);
            fill(em, item, body);
            em.flush();
            return json(item);
        });
        store.meetingChanged(meetingId);
        return updated;
    }

    @DELETE
    @Path("{itemId}")
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response delete(@PathParam("meetingId") long meetingId, @PathParam("itemId") long itemId) {
        Transactions.inTransaction(store.store(), em -> {
            AgendaItem item = find(em, meetingId, itemId);
            long children = em.createQuery("SELECT COUNT(a) FROM AgendaItem a WHERE a.parentId = :id", Long.class).setParameter("id", itemId).getSingleResult();
            long decisions = em.createQuery("SELECT COUNT(d) FROM Decision d WHERE d.agendaItemId = :id", Long.class).setParameter("id", itemId).getSingleResult();
            if (children + decisions > 0) {
                throw ApiException.conflict("Agenda item " + item.number + " has sub-items or decisions; remove or move them first");
            }
            em.remove(item);
            return null;
        });
        store.meetingChanged(meetingId);
        return Response.noContent().build();
    }

    static AgendaItem find(EntityManager em, long meetingId, long itemId) {
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null || item.meetingId != meetingId) {
            throw ApiException.notFound("No agenda item " + itemId + " in meeting " + meetingId);
        }
        return item;
    }

    private static void fill(EntityManager em, AgendaItem item, ItemJson body) {
        if (body == null) {
            throw ApiException.badRequest("title", "a JSON body is required");
        }
        String number = Input.required("number", body.number, 20);
        if (!number.matches("[0-9A-Za-z.()-]+")) {
            throw ApiException.badRequest("number", "number is made of digits, letters, '.', '(' and ')', e.g. 2 or 2(a)");
        }
        long clash = em.createQuery("SELECT COUNT(a) FROM AgendaItem a WHERE a.meetingId = :meeting AND a.number = :number AND a.id <> :id", Long.class)
                .setParameter("meeting", item.meetingId).setParameter("number", number).setParameter("id", item.id == null ? -1L : item.id)
                .getSingleResult();
        if (clash > 0) {
            throw ApiException.badRequest("number", "the agenda already has an item " + number);
        }
        item.number = number;
        item.title = Input.required("title", body.title, 500);
        if (body.parentId != null) {
            AgendaItem parent = find(em, item.meetingId, body.parentId);
            if (parent.parentId != null || java.util.Objects.equals(parent.id, item.id)) {
                throw ApiException.badRequest("parentId", "items nest one level: the parent must be a top-level item");
            }
            if (item.id != null && em.createQuery("SELECT COUNT(a) FROM AgendaItem a WHERE a.parentId = :id", Long.class)
                    .setParameter("id", item.id).getSingleResult() > 0) {
                throw ApiException.badRequest("parentId", "item " + item.number + " has sub-items of its own, so it stays at the top level");
            }
        }
        item.parentId = body.parentId;
    }

    static Map<String, Object> json(AgendaItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id);
        json.put("number", item.number);
        json.put("title", item.title);
        json.put("parentId", item.parentId);
        json.put("version", item.version);
        return json;
    }
}
