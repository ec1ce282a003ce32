package org.secretariat.platform.web.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Role;

/** The staff app's navigation for the current user: the pages and home-page cards of the installed modules that the user may see. */
@Component(service = NavigationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/web")
@Produces(MediaType.APPLICATION_JSON)
public class NavigationResource {

    private final WebContributions contributions;
    private final Authorization authorization;

    @Activate
    public NavigationResource(@Reference WebContributions contributions, @Reference Authorization authorization) {
        this.contributions = contributions;
        this.authorization = authorization;
    }

    @GET
    @Path("navigation")
    @RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
    @Summary("Read the staff app's navigation: the installed modules' pages and home cards the caller may see")
    public Map<String, Object> navigation(@Context SecurityContext context) {
        AuthenticatedUser user = (AuthenticatedUser) context.getUserPrincipal();
        List<Map<String, Object>> pages = new ArrayList<>();
        for (WebContributions.ContributedPage contributed : contributions.pagesFor(user, authorization)) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("id", contributed.page.id());
            page.put("module", contributed.module);
            page.put("section", contributed.page.section());
            page.put("labels", contributed.page.labels());
            page.put("script", contributed.scriptUrl());
            pages.add(page);
        }
        List<Map<String, Object>> cards = new ArrayList<>();
        for (WebContributions.ContributedCard contributed : contributions.cardsFor(user, authorization)) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("id", contributed.card.id());
            card.put("module", contributed.module);
            card.put("titles", contributed.card.titles());
            card.put("script", contributed.scriptUrl());
            cards.add(card);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pages", pages);
        body.put("cards", cards);
        return body;
    }
}
