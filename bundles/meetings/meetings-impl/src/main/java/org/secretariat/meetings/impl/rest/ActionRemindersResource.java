package org.secretariat.meetings.impl.rest;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.meetings.impl.reminders.ActionReminders;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Runs the daily reminders of follow-up actions now, for an operator (or a test) who will not wait. */
@Component(service = ActionRemindersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/actions/reminders")
@Produces(MediaType.APPLICATION_JSON)
public class ActionRemindersResource {

    private final ActionReminders reminders;

    @Activate
    public ActionRemindersResource(@Reference ActionReminders reminders) {
        this.reminders = reminders;
    }

    @POST
    @Path("run")
    @RequiresPermission(MeetingsPermissions.REMINDERS_RUN)
    @Summary(value = "Run the reminders of follow-up actions due soon and overdue now, as the daily job does",
            description = "Idempotent: a reminder queued before (per action, due date and kind) is not queued again")
    public ActionReminders.Report run() {
        return reminders.run();
    }
}
