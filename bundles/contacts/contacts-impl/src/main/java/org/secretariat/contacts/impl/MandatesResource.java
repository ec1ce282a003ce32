package org.secretariat.contacts.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/** The Presidency and the thematic Coordinators by period, queryable as of a date ({@code ?asOf=2021-06-01}). */
@Component(service = MandatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/mandates")
@Produces(MediaType.APPLICATION_JSON)
public class MandatesResource {

    /** A mandate as the API shows and takes it. */
    public static class MandateJson {
        public Long id;
        public MandateKind kind;
        public String theme;
        public String stateIso2;
        public String stateName;
        public Long personId;
        public String personName;
        public LocalDate startDate;
        public LocalDate endDate;
        public Integer version;
    }

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public Page<MandateJson> list(@QueryParam("kind") String kind, @QueryParam("asOf") String asOf,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, java.util.Set.of("startDate"), "startDate");
        MandateKind filter = kind == null || kind.isBlank() ? null : kind(kind);
        LocalDate date = asOf == null || asOf.isBlank() ? null : date("asOf", asOf);
        List<String> conditions = new ArrayList<>();
        if (filter != null) {
            conditions.add("m.kind = :kind");
        }
        if (date != null) {
            conditions.add("m.startDate <= :asOf AND (m.endDate IS NULL OR m.endDate >= :asOf)");
        }
        String where = " FROM Mandate m" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(catalogue.store(), em -> {
            long total = bind(em.createQuery("SELECT COUNT(m)" + where, Long.class), filter, date).getSingleResult();
            List<MandateJson> items = bind(em.createQuery("SELECT m" + where + " ORDER BY m.startDate DESC, m.id DESC", Mandate.class), filter, date)
                    .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                    .stream().map(m -> json(em, m)).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, MandateKind kind, LocalDate asOf) {
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        return query;
    }

    static MandateKind kind(String kind) {
        try {
            return MandateKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "kind must be PRESIDENCY or COORDINATOR");
        }
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a date like 2021-06-01");
        }
    }

    MandateJson json(EntityManager em, Mandate mandate) {
        MandateJson json = new MandateJson();
        json.id = mandate.id;
        json.kind = mandate.kind;
        json.theme = mandate.theme;
        json.stateIso2 = mandate.stateIso2;
        if (mandate.stateIso2 != null) {
            StateName name = em.find(StateName.class, key(mandate.stateIso2, "en"));
            json.stateName = name == null ? mandate.stateIso2 : name.name;
        }
        json.personId = mandate.personId;
        if (mandate.personId != null) {
            Person person = em.find(Person.class, mandate.personId);
            json.personName = person == null ? null : person.displayName();
        }
        json.startDate = mandate.startDate;
        json.endDate = mandate.endDate;
        json.version = mandate.version;
        return json;
    }

    private static StateName.Key key(String iso2, String lang) {
        StateName.Key key = new StateName.Key();
        key.iso2 = iso2;
        key.lang = lang;
        return key;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response create(MandateJson body) {
        MandateJson created = Transactions.inTransaction(catalogue.store(), em -> {
            Mandate mandate = new Mandate();
            fill(em, mandate, body);
            em.persist(mandate);
            em.flush();
            return json(em, mandate);
        });
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public MandateJson update(@PathParam("id") long id, MandateJson body) {
        return Transactions.inTransaction(catalogue.store(), em -> {
            Mandate mandate = find(em, id);
            Input.version(body == null ? null : body.version, mandate.version, "Mandate " + id);
            fill(em, mandate, body);
            em.flush();
            return json(em, mandate);
        });
    }

    private void fill(EntityManager em, Mandate mandate, MandateJson body) {
        if (body == null) {
            throw ApiException.badRequest("kind", "a JSON body is required");
        }
        mandate.kind = Input.present("kind", body.kind, "PRESIDENCY or COORDINATOR");
        mandate.theme = catalogue.theme(body.theme);
        if (mandate.kind == MandateKind.COORDINATOR && mandate.theme == null) {
            throw ApiException.badRequest("theme", "a Coordinator's mandate has a theme");
        }
        mandate.stateIso2 = body.stateIso2 == null || body.stateIso2.isBlank() ? null : OrganisationsResource.stateCode(em, body.stateIso2);
        if (body.personId != null && em.find(Person.class, body.personId) == null) {
            throw ApiException.badRequest("personId", "no person " + body.personId);
        }
        mandate.personId = body.personId;
        if (mandate.stateIso2 == null && mandate.personId == null) {
            throw ApiException.badRequest("stateIso2", "a mandate is held by a state (stateIso2), a person (personId) or both");
        }
        mandate.startDate = Input.present("startDate", body.startDate, "the first day of the mandate");
        Input.period(body.startDate, body.endDate);
        mandate.endDate = body.endDate;
    }

    private static Mandate find(EntityManager em, long id) {
        Mandate mandate = em.find(Mandate.class, id);
        if (mandate == null) {
            throw ApiException.notFound("No mandate " + id);
        }
        return mandate;
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response delete(@PathParam("id") long id) {
        Transactions.inTransaction(catalogue.store(), em -> {
            em.remove(find(em, id));
            return null;
        });
        return Response.noContent().build();
    }
}
