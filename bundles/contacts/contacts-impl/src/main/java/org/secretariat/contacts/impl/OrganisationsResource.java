package org.secretariat.contacts.impl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** Organisations: UN bodies, international organisations, NGOs, the host institution, donors, ministries. */
@Component(service = OrganisationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    private static final Map<String, String> SORT_FIELDS = Map.of("name", "o.nameKey", "type", "o.type", "acronym", "o.acronym", "id", "o.id");

    /** An organisation as the API shows and takes it. */
    public static class OrganisationJson {
        public Long id;
        public String name;
        public String acronym;
        public OrganisationType type;
        public String stateIso2;
        public String website;
        public String email;
        public String phone;
        public String notes;
        public Integer version;

        static OrganisationJson of(Organisation organisation) {
            OrganisationJson json = new OrganisationJson();
            json.id = organisation.id;
            json.name = organisation.name;
            json.acronym = organisation.acronym;
            json.type = organisation.type;
            json.stateIso2 = organisation.stateIso2;
            json.website = organisation.website;
            json.email = organisation.email;
            json.phone = organisation.phone;
            json.notes = organisation.notes;
            json.version = organisation.version;
            return json;
        }
    }

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public Page<OrganisationJson> list(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, SORT_FIELDS.keySet(), "name");
        OrganisationType kind = type == null || type.isBlank() ? null : type(type);
        String text = q == null || q.isBlank() ? null : q;
        List<String> conditions = new java.util.ArrayList<>();
        if (kind != null) {
            conditions.add("o.type = :type");
        }
        if (text != null) {
            conditions.add("(o.nameKey LIKE :pattern ESCAPE '\\' OR LOWER(o.acronym) LIKE :pattern ESCAPE '\\')");
        }
        String where = " FROM Organisation o" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(catalogue.store(), em -> {
            long total = bind(em.createQuery("SELECT COUNT(o)" + where, Long.class), kind, text).getSingleResult();
            List<OrganisationJson> items = bind(em.createQuery("SELECT o" + where + " ORDER BY " + SORT_FIELDS.get(request.sortField())
                    + (request.ascending() ? " ASC" : " DESC") + ", o.id", Organisation.class), kind, text)
                    .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                    .stream().map(OrganisationJson::of).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, OrganisationType type, String text) {
        if (type != null) {
            query.setParameter("type", type);
        }
        if (text != null) {
            query.setParameter("pattern", Names.containsPattern(text));
        }
        return query;
    }

    private static OrganisationType type(String type) {
        try {
            return OrganisationType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("type", "type must be one of " + java.util.Arrays.toString(OrganisationType.values()));
        }
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public OrganisationJson get(@PathParam("id") long id) {
        return Transactions.read(catalogue.store(), em -> OrganisationJson.of(find(em, id)));
    }

    static Organisation find(EntityManager em, long id) {
        Organisation organisation = em.find(Organisation.class, id);
        if (organisation == null) {
            throw ApiException.notFound("No organisation " + id);
        }
        return organisation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response create(OrganisationJson body) {
        OrganisationJson created = Transactions.inTransaction(catalogue.store(), em -> {
            Organisation organisation = new Organisation();
            fill(em, organisation, body);
            em.persist(organisation);
            em.flush();
            return OrganisationJson.of(organisation);
        });
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public OrganisationJson update(@PathParam("id") long id, OrganisationJson body) {
        return Transactions.inTransaction(catalogue.store(), em -> {
            Organisation organisation = find(em, id);
            Input.version(body == null ? null : body.version, organisation.version, "Organisation " + id);
            fill(em, organisation, body);
            em.flush();
            return OrganisationJson.of(organisation);
        });
    }

    private void fill(EntityManager em, Organisation organisation, OrganisationJson body) {
        if (body == null) {
            throw ApiException.badRequest("name", "a JSON body is required");
        }
        organisation.name = Input.required("name", body.name, 300);
        organisation.nameKey = Names.key(organisation.name);
        organisation.acronym = Input.optional("acronym", body.acronym, 40);
        organisation.type = Input.present("type", body.type, java.util.Arrays.toString(OrganisationType.values()));
        organisation.stateIso2 = body.stateIso2 == null || body.stateIso2.isBlank() ? null : stateCode(em, body.stateIso2);
        organisation.website = Input.url("website", body.website);
        organisation.email = Input.email("email", body.email);
        organisation.phone = Input.optional("phone", body.phone, 60);
        organisation.notes = Input.optional("notes", body.notes, 2000);
    }

    /** The ISO code of a known state, or a 400 naming {@code stateIso2}. */
    static String stateCode(EntityManager em, String iso2) {
        String code = iso2.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 2 || em.find(StateRecord.class, code) == null) {
            throw ApiException.badRequest("stateIso2", "unknown state '" + iso2 + "' (ISO 3166-1 alpha-2 code)");
        }
        return code;
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response delete(@PathParam("id") long id) {
        Transactions.inTransaction(catalogue.store(), em -> {
            Organisation organisation = find(em, id);
            long positions = em.createQuery("SELECT COUNT(p) FROM Position p WHERE p.organisationId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            if (positions > 0) {
                throw ApiException.conflict("Organisation " + id + " still has " + positions + " position(s); end or remove them first");
            }
            em.remove(organisation);
            return null;
        });
        return Response.noContent().build();
    }
}
