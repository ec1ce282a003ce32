package org.secretariat.meetings.impl;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
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

/** Follow-up actions of a meeting (optionally of one of its decisions): owner, due date, status. */
@Component(service = ActionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {

    /** An action as the API takes it. */
    public static class ActionJson {
        public Long decisionId;
        public String title;
        public String owner;
        public LocalDate dueDate;
        public ActionStatus status;
        public Integer version;
    }

    @Reference
    private MeetingStore store;

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> actions(@PathParam("meetingId") long meetingId) {
        return Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            return em.createQuery("SELECT a FROM FollowUpAction a WHERE a.meetingId = :meeting ORDER BY a.dueDate, a.id", FollowUpAction.class)
                    .setParameter("meeting", meetingId).getResultList().stream().map(ActionsResource::json).collect(Collectors.toList());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response add(@PathParam("meetingId") long meetingId, ActionJson body) {
        Map<String, Object> created = Transactions.inTransaction(store.store(), em -> {
            store.meeting(em, meetingId);
            FollowUpAction action = new FollowUpAction();
            action.meetingId = meetingId;
            fill(em, action, body);
            em.persist(action);
            em.flush();
            return json(action);
        });
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Map<String, Object> update(@PathParam("meetingId") long meetingId, @PathParam("actionId") long actionId, ActionJson body) {
        return Transactions.inTransaction(store.store(), em -> {
            FollowUpAction action = em.find(FollowUpAction.class, actionId);
            if (action == null || action.meetingId != meetingId) {
                throw ApiException.notFound("No action " + actionId + " in meeting " + meetingId);
            }
            Input.version(body == null ? null : body.version, action.version, "Action " + actionId);
            fill(em, action, body);
            em.flush();
            return json(action);
        });
    }

    private static void fill(EntityManager em, FollowUpAction action, ActionJson body) {
        if (body == null) {
            throw ApiException.badRequest("title", "a JSON body is required");
        }
        if (body.decisionId != null) {
            DecisionsResource.find(em, action.meetingId, body.decisionId);
        }
        action.decisionId = body.decisionId;
        action.title = Input.required("title", body.title, 500);
        action.owner = Input.required("owner", body.owner, 200);
        action.dueDate = body.dueDate;
        action.status = body.status == null ? ActionStatus.OPEN : body.status;
    }

    static Map<String, Object> json(FollowUpAction action) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", action.id);
        json.put("meetingId", action.meetingId);
        json.put("decisionId", action.decisionId);
        json.put("title", action.title);
        json.put("owner", action.owner);
        json.put("dueDate", action.dueDate);
        json.put("status", action.status);
        json.put("version", action.version);
        return json;
    }
}
