package org.secretariat.things;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.secretariat.platform.api.rest.Summary;

/** A resource class of another module with the same simple name as one of the test's own. */
@Path("other-things")
@Produces(MediaType.APPLICATION_JSON)
public class ThingsResource {

    @GET
    @Summary("List the other things")
    public String list() {
        return null;
    }
}
