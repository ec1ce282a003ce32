package org.secretariat.contacts.impl.rest;

import java.io.InputStream;
import java.util.List;

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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.people.ParticipationHistory;
import org.secretariat.contacts.impl.people.PersonMatching;
import org.secretariat.contacts.impl.people.PersonMerge;
import org.secretariat.contacts.impl.service.People;
import org.secretariat.contacts.impl.service.PeopleImport;
import org.secretariat.contacts.impl.service.PersonDto;
import org.secretariat.contacts.impl.service.PositionDto;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
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

    private final People people;
    private final PersonMatching matching;
    private final PersonMerge merge;
    private final ParticipationHistory history;
    private final PeopleImport imports;

    @Activate
    public PeopleResource(@Reference People people, @Reference PersonMatching matching, @Reference PersonMerge merge,
            @Reference ParticipationHistory history, @Reference PeopleImport imports) {
        this.imports = imports;
        this.people = people;
        this.matching = matching;
        this.merge = merge;
        this.history = history;
    }

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("List people, filtered by name or state; numbered pages, or by cursor (after=, from a page's next) without a total")
    public Page<PersonDto> list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
            @QueryParam("after") String after) {
        return people.list(q, state, PageRequest.parse(page, size, sort, after, People.SORTABLE, "name"));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("Read a person with their positions")
    public PersonDto get(@PathParam("id") long id) {
        return people.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Answers(status = 201, value = PersonDto.class)
    @Summary("Create a person (a contact: delegate, expert, focal point), with their consent to be kept")
    public Response create(PersonDto body) {
        return Response.status(201).entity(people.create(body)).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary(value = "Import people from CSV (a header row naming the columns): all rows or none",
            description = "Columns: honorific, givenName, familyName (required), email, phone, stateIso2, language, consent (true/false),"
                    + " consentDate, retentionNote, notes. Streamed; a wrong row answers 400 naming its line and field and nothing is written")
    public PeopleImport.Result importCsv(InputStream body) {
        return imports.importCsv(body);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Change a person's details")
    public PersonDto update(@PathParam("id") long id, PersonDto body) {
        return people.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Delete a person")
    public Response delete(@PathParam("id") long id) {
        people.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/positions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Answers(status = 201, value = PersonDto.class)
    @Summary("Add a position (an organisation and a title) to a person; answers the person")
    public Response addPosition(@PathParam("id") long id, PositionDto body) {
        return Response.status(201).entity(people.addPosition(id, body)).build();
    }

    @DELETE
    @Path("{id}/positions/{positionId}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Remove a position from a person")
    public Response removePosition(@PathParam("id") long id, @PathParam("positionId") long positionId) {
        people.removePosition(id, positionId);
        return Response.noContent().build();
    }

    @GET
    @Path("duplicates")
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary(value = "List people who look like duplicates of each other, with why",
            description = "The same e-mail address, or the same name (accents, case and word order aside) and the same State; each pair once, at most 500")
    public List<PersonMatching.Duplicate> duplicates() {
        return matching.duplicates();
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary(value = "Merge a person into another (into): their roles, groups, outreach and consent move to the person kept",
            description = "One transaction; the merged person is deleted; other modules are told (org/secretariat/contacts/person/MERGED) after commit")
    public PersonDto merge(@PathParam("id") long id, PersonMerge.Input body) {
        return merge.merge(id, body);
    }

    @GET
    @Path("{id}/participations")
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("List the meetings a person took part in, from the meetings module when it is installed")
    public ParticipationHistory.History participations(@PathParam("id") long id) {
        return history.of(id);
    }
}
