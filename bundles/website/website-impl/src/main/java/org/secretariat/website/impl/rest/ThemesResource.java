package org.secretariat.website.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.website.impl.service.ThemeChoice;

/** {@code /api/website/theme}: the installed themes and the active one; PUT switches, effective with the next request. */
@Component(service = ThemesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("website/theme")
@Produces(MediaType.APPLICATION_JSON)
public class ThemesResource {

    private final ThemeChoice choice;

    @Activate
    public ThemesResource(@Reference ThemeChoice choice) {
        this.choice = choice;
    }

    @GET
    @RequiresPermission(WebsitePermissions.CONTENT_READ)
    @Summary("Read the public site's active theme and the installed themes")
    public ThemeChoice.View get() {
        return choice.view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(WebsitePermissions.THEME_WRITE)
    @Summary("Switch the public site to another installed theme")
    public ThemeChoice.View choose(ThemeChoice.Input body) {
        return choice.choose(body);
    }

}
