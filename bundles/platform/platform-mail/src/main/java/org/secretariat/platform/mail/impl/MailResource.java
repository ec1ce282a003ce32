package org.secretariat.platform.mail.impl;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.Role;

/** The outbox for administrators: what was sent, what waits and why, a retry of a failed message, and a test message. */
@Component(service = MailResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/mail")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMINISTRATOR)
public class MailResource {

    /** A test message to send: the address, and optionally the language of its text (en, fr, es). */
    public record TestMessage(String to, String language) {
    }

    private final Outbox outbox;
    private final MailSender sender;

    @Activate
    public MailResource(@Reference Outbox outbox, @Reference MailSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    /** The outbox, newest first; {@code state} = QUEUED, SENT or FAILED to see only those. */
    @GET
    @Path("outbox")
    @Summary("List the outbox, newest first, optionally the messages in one state (administrators)")
    public Page<Outbox.View> outbox(@QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        return outbox.page(state == null || state.isBlank() ? null : state,
                PageRequest.parse(page, size, sort == null || sort.isBlank() ? "queuedAt,desc" : sort, Outbox.SORTABLE, "queuedAt"));
    }

    /** One message, by its id or its key, without its body. */
    @GET
    @Path("outbox/{id}")
    @Summary("Read one message of the outbox by its id or key, without its body (administrators)")
    public Outbox.View message(@PathParam("id") String idOrKey) {
        return outbox.find(idOrKey);
    }

    /** Puts a FAILED message back in the queue, to be sent now with a fresh series of attempts; 409 for a message in another state. */
    @POST
    @Path("outbox/{id}/retry")
    @Summary("Queue a failed message again, to be sent now with a fresh series of attempts (administrators)")
    public Outbox.View retry(@PathParam("id") String idOrKey) {
        return outbox.retry(idOrKey);
    }

    /** Whether messages can be sent (and why not), the counts by state, the oldest waiting message and the last outcome. */
    @GET
    @Path("status")
    @Summary("Tell whether e-mail can be sent and why not, with the outbox's counts and the last outcome (administrators)")
    public MailSender.Status status() {
        return sender.status();
    }

    /** Queues a test message to an address; it goes out like any other (and waits like any other while sending is not possible). */
    @POST
    @Path("test")
    @Summary("Queue a test message to an address, sent like any other message (administrators)")
    @Answers(status = 201, value = Outbox.View.class)
    public Response test(TestMessage body) {
        if (body == null) {
            throw DomainException.invalid("to", "to is required: the address to send the test message to");
        }
        return Response.status(201).entity(outbox.queueTest(body.to(), body.language())).build();
    }
}
