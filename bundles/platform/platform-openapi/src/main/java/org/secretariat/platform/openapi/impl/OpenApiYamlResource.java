package org.secretariat.platform.openapi.impl;

import java.nio.charset.StandardCharsets;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;

/**
 * {@code GET /api/openapi.yaml}. Declared public so that configuration can open it; while it is not
 * ({@code publicDescription} unset), {@link ApiDocuments#checkReader} answers 401/403 to all but
 * administrators, and the document says so ({@code x-secretariat-roles: [ADMINISTRATOR]}).
 */
@Component(service = OpenApiYamlResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path(ApiDocuments.YAML)
public class OpenApiYamlResource {

    static final String YAML = "application/yaml";

    private final ApiDocuments documents;

    @Activate
    public OpenApiYamlResource(@Reference ApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @PermitAll
    @Produces(OpenApiYamlResource.YAML)
    @Summary("Read this OpenAPI document as YAML (administrators unless published)")
    public Response document(@Context SecurityContext security) {
        documents.checkReader(security);
        byte[] body = documents.yaml().getBytes(StandardCharsets.UTF_8);
        return Response.ok((StreamingOutput) out -> out.write(body), MediaType.valueOf(YAML)).build();
    }
}
