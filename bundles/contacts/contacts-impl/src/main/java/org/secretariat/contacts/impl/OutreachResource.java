package org.secretariat.contacts.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * The universalization outreach log: interactions with a state (date, kind, who, summary, next
 * step), listed per state with {@code ?state=FR}.
 */
@Component(service = OutreachResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/outreach")
@Produces(MediaType.APPLICATION_JSON)
public class OutreachResource {

    /** One outreach entry as the API shows and takes it. */
    public static class OutreachJson {
        public Long id;
        public String stateIso2;
        public LocalDate date;
        public OutreachKind kind;
        public String staff;
        public String summary;
        public String nextStep;
        public String createdBy;
        public Integer version;

        static OutreachJson of(OutreachEntry entry) {
            OutreachJson json = new OutreachJson();
            json.id = entry.id;
            json.stateIso2 = entry.stateIso2;
            json.date = entry.occurredOn;
            json.kind = entry.kind;
            json.staff = entry.staff;
            json.summary = entry.summary;
            json.nextStep = entry.nextStep;
            json.createdBy = entry.createdBy;
            json.version = entry.version;
            return json;
        }
    }

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.OUTREACH_READ)
    public Page<OutreachJson> outreach(@QueryParam("state") String iso2, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, java.util.Set.of("date"), "date");
        return Transactions.read(catalogue.store(), em -> {
            if (iso2 == null || iso2.isBlank()) {
                throw ApiException.badRequest("state", "state is required: the ISO code of the state, e.g. ?state=FR");
            }
            String code = catalogue.find(em, iso2).iso2;
            long total = em.createQuery("SELECT COUNT(o) FROM OutreachEntry o WHERE o.stateIso2 = :state", Long.class)
                    .setParameter("state", code).getSingleResult();
            List<OutreachJson> items = em.createQuery("SELECT o FROM OutreachEntry o WHERE o.stateIso2 = :state ORDER BY o.occurredOn DESC, o.id DESC",
                    OutreachEntry.class).setParameter("state", code).setFirstResult(request.offset()).setMaxResults(request.size())
                    .getResultList().stream().map(OutreachJson::of).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.OUTREACH_WRITE)
    public Response record(OutreachJson body, @Context SecurityContext security) {
        OutreachJson created = Transactions.inTransaction(catalogue.store(), em -> {
            OutreachEntry entry = new OutreachEntry();
            if (body == null || body.stateIso2 == null || body.stateIso2.isBlank()) {
                throw ApiException.badRequest("stateIso2", "stateIso2 is required: the state the contact was with");
            }
            entry.stateIso2 = OrganisationsResource.stateCode(em, body.stateIso2);
            entry.createdBy = security.getUserPrincipal().getName();
            fill(entry, body);
            em.persist(entry);
            em.flush();
            return OutreachJson.of(entry);
        });
        return Response.status(201).entity(created).build();
    }

    private void fill(OutreachEntry entry, OutreachJson body) {
        if (body == null) {
            throw ApiException.badRequest("summary", "a JSON body is required");
        }
        entry.occurredOn = Input.present("date", body.date, "the day of the contact");
        if (entry.occurredOn.isAfter(catalogue.today())) {
            throw ApiException.badRequest("date", "date is in the future: record outreach once it happened (plan it in nextStep)");
        }
        entry.kind = Input.present("kind", body.kind, java.util.Arrays.toString(OutreachKind.values()));
        entry.staff = Input.required("staff", body.staff, 200);
        entry.summary = Input.required("summary", body.summary, 4000);
        entry.nextStep = Input.optional("nextStep", body.nextStep, 1000);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.OUTREACH_WRITE)
    public OutreachJson update(@PathParam("id") long id, OutreachJson body) {
        return Transactions.inTransaction(catalogue.store(), em -> {
            OutreachEntry entry = findOutreach(em, id);
            Input.version(body == null ? null : body.version, entry.version, "Outreach entry " + id);
            fill(entry, body);
            em.flush();
            return OutreachJson.of(entry);
        });
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.OUTREACH_WRITE)
    public Response deleteOutreach(@PathParam("id") long id) {
        Transactions.inTransaction(catalogue.store(), em -> {
            em.remove(findOutreach(em, id));
            return null;
        });
        return Response.noContent().build();
    }

    private static OutreachEntry findOutreach(EntityManager em, long id) {
        OutreachEntry entry = em.find(OutreachEntry.class, id);
        if (entry == null) {
            throw ApiException.notFound("No outreach entry " + id);
        }
        return entry;
    }
}
