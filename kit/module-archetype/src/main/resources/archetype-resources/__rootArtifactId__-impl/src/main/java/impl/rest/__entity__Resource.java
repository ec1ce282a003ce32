package ${package}.impl.rest;

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
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

import ${package}.impl.service.${entity}Dto;
import ${package}.impl.service.${entity}Service;

/**
 * ${entity} records at {@code /api/${moduleId}/${entities}}. It only translates HTTP: the service owns
 * the queries and the rules, and its refusals become 400, 404 and 409 with the platform's error
 * shape. Every method names the permission it needs; a method without one is refused to everybody.
 */
@Component(service = ${entity}Resource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("${moduleId}/${entities}")
@Produces(MediaType.APPLICATION_JSON)
public class ${entity}Resource {

    private final ${entity}Service records;

    @Activate
    public ${entity}Resource(@Reference ${entity}Service records) {
        this.records = records;
    }

    /** {@code ?q=words&page=0&size=50&sort=title,asc}: a page of records, newest first unless sorted otherwise. */
    @GET
    @RequiresPermission(ModulePermissions.READ)
    public Page<${entity}Dto> list(@QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort == null ? "createdAt,desc" : sort, ${entity}Service.SORTABLE, "createdAt");
        return records.list(text, request);
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ModulePermissions.READ)
    public ${entity}Dto get(@PathParam("id") long id) {
        return records.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.WRITE)
    public Response create(${entity}Dto body) {
        return Response.status(Response.Status.CREATED).entity(records.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulePermissions.WRITE)
    public ${entity}Dto update(@PathParam("id") long id, ${entity}Dto body) {
        return records.update(id, body);
    }

    /** {@code DELETE .../{id}?version=N}, the version read. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(ModulePermissions.WRITE)
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        records.delete(id, version);
        return Response.noContent().build();
    }
}
