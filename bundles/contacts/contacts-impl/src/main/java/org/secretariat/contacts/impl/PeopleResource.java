package org.secretariat.contacts.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * People with their positions in organisations or delegations. Contact details are personal data:
 * each person records consent (and when it was given) and a retention note.
 */
@Component(service = PeopleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/people")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private static final Map<String, String> SORT_FIELDS = Map.of("name", "p.nameKey", "familyName", "p.familyName", "id", "p.id");

    /** A person as the API shows and takes it. */
    public static class PersonJson {
        public Long id;
        public String honorific;
        public String givenName;
        public String familyName;
        public String name;
        public String email;
        public String phone;
        public String stateIso2;
        public Boolean consent;
        public LocalDate consentDate;
        public String retentionNote;
        public String notes;
        public List<PositionJson> positions;
        public Integer version;

        static PersonJson of(Person person) {
            PersonJson json = new PersonJson();
            json.id = person.id;
            json.honorific = person.honorific;
            json.givenName = person.givenName;
            json.familyName = person.familyName;
            json.name = person.displayName();
            json.email = person.email;
            json.phone = person.phone;
            json.stateIso2 = person.stateIso2;
            json.consent = person.consent;
            json.consentDate = person.consentDate;
            json.retentionNote = person.retentionNote;
            json.notes = person.notes;
            json.version = person.version;
            return json;
        }
    }

    /** A position held by a person: in an organisation, or in a state's delegation. */
    public static class PositionJson {
        public Long id;
        public Long organisationId;
        public String organisationName;
        public String stateIso2;
        public String title;
        public LocalDate startDate;
        public LocalDate endDate;

        static PositionJson of(Position position, String organisationName) {
            PositionJson json = new PositionJson();
            json.id = position.id;
            json.organisationId = position.organisationId;
            json.organisationName = organisationName;
            json.stateIso2 = position.stateIso2;
            json.title = position.title;
            json.startDate = position.startDate;
            json.endDate = position.endDate;
            return json;
        }
    }

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public Page<PersonJson> list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, SORT_FIELDS.keySet(), "name");
        String text = q == null || q.isBlank() ? null : q;
        String code = state == null || state.isBlank() ? null : state.trim().toUpperCase(java.util.Locale.ROOT);
        List<String> conditions = new ArrayList<>();
        if (text != null) {
            conditions.add("(p.nameKey LIKE :pattern ESCAPE '\\' OR LOWER(p.email) LIKE :pattern ESCAPE '\\')");
        }
        if (code != null) {
            conditions.add("p.stateIso2 = :state");
        }
        String where = " FROM Person p" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        return Transactions.read(catalogue.store(), em -> {
            long total = bind(em.createQuery("SELECT COUNT(p)" + where, Long.class), text, code).getSingleResult();
            List<PersonJson> items = bind(em.createQuery("SELECT p" + where + " ORDER BY " + SORT_FIELDS.get(request.sortField())
                    + (request.ascending() ? " ASC" : " DESC") + ", p.id", Person.class), text, code)
                    .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                    .stream().map(PersonJson::of).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String text, String state) {
        if (text != null) {
            query.setParameter("pattern", Names.containsPattern(text));
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        return query;
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public PersonJson get(@PathParam("id") long id) {
        return Transactions.read(catalogue.store(), em -> withPositions(em, find(em, id)));
    }

    static Person find(EntityManager em, long id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            throw ApiException.notFound("No person " + id);
        }
        return person;
    }

    private static PersonJson withPositions(EntityManager em, Person person) {
        PersonJson json = PersonJson.of(person);
        json.positions = new ArrayList<>();
        for (Position position : em.createQuery("SELECT p FROM Position p WHERE p.personId = :id ORDER BY p.startDate DESC, p.id DESC",
                Position.class).setParameter("id", person.id).getResultList()) {
            Organisation organisation = position.organisationId == null ? null : em.find(Organisation.class, position.organisationId);
            json.positions.add(PositionJson.of(position, organisation == null ? null : organisation.name));
        }
        return json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response create(PersonJson body) {
        PersonJson created = Transactions.inTransaction(catalogue.store(), em -> {
            Person person = new Person();
            fill(em, person, body);
            em.persist(person);
            em.flush();
            return withPositions(em, person);
        });
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public PersonJson update(@PathParam("id") long id, PersonJson body) {
        return Transactions.inTransaction(catalogue.store(), em -> {
            Person person = find(em, id);
            Input.version(body == null ? null : body.version, person.version, "Person " + id);
            fill(em, person, body);
            em.flush();
            return withPositions(em, person);
        });
    }

    private static void fill(EntityManager em, Person person, PersonJson body) {
        if (body == null) {
            throw ApiException.badRequest("familyName", "a JSON body is required");
        }
        person.honorific = Input.optional("honorific", body.honorific, 40);
        person.givenName = Input.optional("givenName", body.givenName, 100);
        person.familyName = Input.required("familyName", body.familyName, 100);
        person.nameKey = Names.key(person.displayName() + " " + person.familyName);
        person.email = Input.email("email", body.email);
        person.phone = Input.optional("phone", body.phone, 60);
        person.stateIso2 = body.stateIso2 == null || body.stateIso2.isBlank() ? null : OrganisationsResource.stateCode(em, body.stateIso2);
        person.consent = Boolean.TRUE.equals(body.consent);
        person.consentDate = person.consent ? (body.consentDate != null ? body.consentDate : LocalDate.now()) : null;
        if ((person.email != null || person.phone != null) && !person.consent) {
            throw ApiException.badRequest("consent", "contact details are kept only with the person's consent: set consent to true, or leave email and phone empty");
        }
        person.retentionNote = Input.optional("retentionNote", body.retentionNote, 500);
        person.notes = Input.optional("notes", body.notes, 2000);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response delete(@PathParam("id") long id) {
        Transactions.inTransaction(catalogue.store(), em -> {
            Person person = find(em, id);
            long references = em.createQuery("SELECT COUNT(f) FROM FocalPoint f WHERE f.personId = :id", Long.class).setParameter("id", id).getSingleResult()
                    + em.createQuery("SELECT COUNT(m) FROM Mandate m WHERE m.personId = :id", Long.class).setParameter("id", id).getSingleResult();
            if (references > 0) {
                throw ApiException.conflict("Person " + id + " is a focal point or holds a mandate; remove those first");
            }
            em.createQuery("DELETE FROM Position p WHERE p.personId = :id").setParameter("id", id).executeUpdate();
            em.remove(person);
            return null;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/positions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response addPosition(@PathParam("id") long id, PositionJson body) {
        PersonJson person = Transactions.inTransaction(catalogue.store(), em -> {
            Person holder = find(em, id);
            if (body == null) {
                throw ApiException.badRequest("title", "a JSON body is required");
            }
            Position position = new Position();
            position.personId = holder.id;
            position.title = Input.required("title", body.title, 200);
            if (body.organisationId == null && (body.stateIso2 == null || body.stateIso2.isBlank())) {
                throw ApiException.badRequest("organisationId", "a position is in an organisation (organisationId) or a delegation (stateIso2)");
            }
            if (body.organisationId != null) {
                if (em.find(Organisation.class, body.organisationId) == null) {
                    throw ApiException.badRequest("organisationId", "no organisation " + body.organisationId);
                }
                position.organisationId = body.organisationId;
            }
            position.stateIso2 = body.stateIso2 == null || body.stateIso2.isBlank() ? null : OrganisationsResource.stateCode(em, body.stateIso2);
            Input.period(body.startDate, body.endDate);
            position.startDate = body.startDate;
            position.endDate = body.endDate;
            em.persist(position);
            em.flush();
            return withPositions(em, holder);
        });
        return Response.status(201).entity(person).build();
    }

    @DELETE
    @Path("{id}/positions/{positionId}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    public Response removePosition(@PathParam("id") long id, @PathParam("positionId") long positionId) {
        Transactions.inTransaction(catalogue.store(), em -> {
            Position position = em.find(Position.class, positionId);
            if (position == null || position.personId != id) {
                throw ApiException.notFound("No position " + positionId + " of person " + id);
            }
            em.remove(position);
            return null;
        });
        return Response.noContent().build();
    }
}
