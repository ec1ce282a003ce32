package org.secretariat.contacts.impl.rest;

import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.domain.MailingOutcome;
import org.secretariat.contacts.impl.mailing.DryRunDto;
import org.secretariat.contacts.impl.mailing.MailingDto;
import org.secretariat.contacts.impl.mailing.MailingInput;
import org.secretariat.contacts.impl.mailing.Mailings;
import org.secretariat.contacts.impl.mailing.RecipientDto;
import org.secretariat.contacts.impl.mailing.TemplateDto;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Mailings to groups (1.1): the templates, a dry run (who would get it and who not, and why), the send, and
 * each mailing's per-recipient results.
 */
@Component(service = MailingsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/mailings")
@Produces(MediaType.APPLICATION_JSON)
public class MailingsResource {

    /** The version of the mailing read, for a retry. */
    public record Retry(Integer version) {
    }

    private static final Set<String> BY_DATE = Set.of("sentAt");
    private static final Set<String> BY_NAME = Set.of("name");

    private final Mailings mailings;

    @Activate
    public MailingsResource(@Reference Mailings mailings) {
        this.mailings = mailings;
    }

    /** Mailings newest first, to a group ({@code ?group=5}) or all. */
    @GET
    @RequiresPermission(ContactsPermissions.MAILING_READ)
    @Summary("List the mailings sent, newest first")
    public Page<MailingDto> list(@QueryParam("group") String group, @QueryParam("page") String page, @QueryParam("size") String size) {
        return mailings.list(QueryParams.id("group", group), PageRequest.parse(page, size, null, BY_DATE, "sentAt"));
    }

    @GET
    @Path("templates")
    @RequiresPermission(ContactsPermissions.MAILING_READ)
    @Summary("List the templates a mailing can be written from")
    @Answers(value = TemplateDto.class, list = true)
    public List<TemplateDto> templates() {
        return mailings.templates();
    }

    /** What sending would do now, recipient by recipient (a page of them), without sending or recording anything. */
    @POST
    @Path("dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.MAILING_SEND)
    @Summary("Try a mailing: who would get it, in which language, who not and why")
    public DryRunDto dryRun(MailingInput body, @QueryParam("page") String page, @QueryParam("size") String size) {
        return mailings.dryRun(body, PageRequest.parse(page, size, null, BY_NAME, "name"));
    }

    /** Sends: the mailing and every recipient's message are recorded and queued in one transaction. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.MAILING_SEND)
    @Summary("Send a mailing to a group: every recipient's message queued with the mailing")
    @Answers(status = 201, value = MailingDto.class)
    public Response send(MailingInput body, @Context SecurityContext security) {
        return Response.status(201).entity(mailings.send(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.MAILING_READ)
    @Summary("Get a mailing with its texts and outcome counts")
    public MailingDto get(@PathParam("id") long id) {
        return mailings.get(id);
    }

    /** The recipients by name, of one outcome ({@code ?outcome=SKIPPED_NO_CONSENT}) or all. */
    @GET
    @Path("{id}/recipients")
    @RequiresPermission(ContactsPermissions.MAILING_READ)
    @Summary("List a mailing's recipients and what became of each")
    public Page<RecipientDto> recipients(@PathParam("id") long id, @QueryParam("outcome") String outcome, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        MailingOutcome filter = QueryParams.choice("outcome", outcome, MailingOutcome.class,
                "outcome must be one of " + java.util.Arrays.toString(MailingOutcome.values()));
        return mailings.recipients(id, filter, PageRequest.parse(page, size, null, BY_NAME, "name"));
    }

    /** Tries the failed recipients again ({@code {"version":n}}, the mailing's version read). */
    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.MAILING_SEND)
    @Summary("Try a mailing's failed recipients again")
    public MailingDto retry(@PathParam("id") long id, Retry body) {
        return mailings.retry(id, body == null ? null : body.version());
    }
}
