package org.secretariat.contacts.impl.rest;

import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.service.Search;
import org.secretariat.contacts.impl.service.SearchHit;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** One search box across the directory: states, then organisations, then people, as one paged list. */
@Component(service = SearchResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final Search search;

    @Activate
    public SearchResource(@Reference Search search) {
        this.search = search;
    }

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("Search states, organisations and people by name in one paged list")
    public Page<SearchHit> search(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        return search.search(q, PageRequest.parse(page, size, null, Set.of("name"), "name"));
    }
}
