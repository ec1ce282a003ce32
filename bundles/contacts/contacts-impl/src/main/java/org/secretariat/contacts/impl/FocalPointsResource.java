package org.secretariat.contacts.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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

/** National focal points: the people a state named, per theme; listed per state with {@code ?state=FR}. */
@Component(service = FocalPointsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/focal-points")
@Produces(MediaType.APPLICATION_JSON)
public class FocalPointsResource {

    /** A national focal point. */
    public static class FocalPointJson {
        public Long id;
        public String stateIso2;
        public Long personId;
        public String personName;
        public String email;
        public String theme;
        public LocalDate startDate;
        public LocalDate endDate;
    }

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public List<FocalPointJson> focalPoints(@QueryParam("state") String iso2) {
        return Transactions.read(catalogue.store(), em -> {
            if (iso2 == null || iso2.isBlank()) {
                throw ApiException.badRequest("state", "state is required: the ISO code of the state, e.g. ?state=FR");
            }
            String code = catalogue.find(em, iso2).iso2;
            return em.createQuery("SELECT f FROM FocalPoint f WHERE f.stateIso2 = :state ORDER BY f.theme, f.id", FocalPoint.class)
                    .setParameter("state", code).getResultList().stream().map(f -> json(em, f)).collect(Collectors.toList());
        });
    }

    private static FocalPointJson json(EntityManager em, FocalPoint focalPoint) {
        FocalPointJson json = new FocalPointJson();
        json.id = focalPoint.id;
        json.stateIso2 = focalPoint.stateIso2;
        json.personId = focalPoint.personId;
        Person person = em.find(Person.class, focalPoint.personId);
        json.personName = person == null ? null : person.displayName();
        json.email = person == null || !person.consent ? null : person.email;
        json.theme = focalPoint.theme;
        json.startDate = focalPoint.startDate;
        json.endDate = focalPoint.endDate;
        return json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response addFocalPoint(FocalPointJson body) {
        FocalPointJson created = Transactions.inTransaction(catalogue.store(), em -> {
            if (body == null) {
                throw ApiException.badRequest("personId", "a JSON body is required");
            }
            FocalPoint focalPoint = new FocalPoint();
            focalPoint.stateIso2 = OrganisationsResource.stateCode(em, Input.present("stateIso2", body.stateIso2, "the state's ISO code"));
            Long personId = Input.present("personId", body.personId, "the person named focal point");
            if (em.find(Person.class, personId) == null) {
                throw ApiException.badRequest("personId", "no person " + personId);
            }
            focalPoint.personId = personId;
            focalPoint.theme = catalogue.theme(body.theme);
            Input.period(body.startDate, body.endDate);
            focalPoint.startDate = body.startDate;
            focalPoint.endDate = body.endDate;
            em.persist(focalPoint);
            em.flush();
            return json(em, focalPoint);
        });
        return Response.status(201).entity(created).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response removeFocalPoint(@PathParam("id") long id) {
        Transactions.inTransaction(catalogue.store(), em -> {
            FocalPoint focalPoint = em.find(FocalPoint.class, id);
            if (focalPoint == null) {
                throw ApiException.notFound("No focal point " + id);
            }
            em.remove(focalPoint);
            return null;
        });
        return Response.noContent().build();
    }
}
