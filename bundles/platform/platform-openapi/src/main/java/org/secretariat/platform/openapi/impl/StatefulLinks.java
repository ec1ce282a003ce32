package org.secretariat.platform.openapi.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * OpenAPI {@code links} from a create operation to the operations on what it created, so that a client
 * (or a stateful fuzzer) can go create, read, update, delete without guessing: where {@code POST <path>}
 * answers {@code 201} with a record that has an {@code id}, and {@code <path>/{x}} is the same record
 * (its {@code GET}, else its {@code PUT}, answers the same schema), the 201 answer links to that path's
 * {@code GET} ({@value #GET}), {@code PUT} ({@value #PUT}) and {@code DELETE} ({@value #DELETE}) with
 * {@code x: $response.body#/id} and the create's own path parameters passed on
 * ({@code meetingId: $request.path.meetingId}). A create whose answer is another record (adding a
 * position answers the person) gets no links.
 */
final class StatefulLinks {

    static final String GET = "GetById";
    static final String PUT = "UpdateById";
    static final String DELETE = "DeleteById";
    static final String CREATED = "201";
    static final String ID = "id";

    private static final Pattern ONE_MORE_SEGMENT = Pattern.compile("/\\{([^/{}]+)\\}");
    private static final String COMPONENTS = "#/components/schemas/";

    private StatefulLinks() {
    }

    /** Adds the links the document's operations allow; answers how many create operations got some. */
    static int add(OpenAPI api) {
        if (api.getPaths() == null) {
            return 0;
        }
        int linked = 0;
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            Operation create = entry.getValue().getPost();
            ApiResponse created = create == null || create.getResponses() == null ? null : create.getResponses().get(CREATED);
            String createdRef = created == null ? null : jsonRef(created);
            if (createdRef == null || !hasId(api, createdRef)) {
                continue;
            }
            Map<String, Link> links = new LinkedHashMap<>();
            for (Map.Entry<String, PathItem> child : api.getPaths().entrySet()) {
                if (!child.getKey().startsWith(entry.getKey())) {
                    continue;
                }
                Matcher segment = ONE_MORE_SEGMENT.matcher(child.getKey().substring(entry.getKey().length()));
                if (!segment.matches()) {
                    continue;
                }
                String idName = segment.group(1);
                PathItem item = child.getValue();
                Operation witness = item.getGet() != null ? item.getGet() : item.getPut();
                if (witness == null || !createdRef.equals(successRef(witness)) || !integerPathParameter(witness, idName)) {
                    continue;
                }
                link(links, GET, item.getGet(), idName, "Read what was created");
                link(links, PUT, item.getPut(), idName, "Change what was created");
                link(links, DELETE, item.getDelete(), idName, "Delete what was created");
            }
            if (!links.isEmpty()) {
                created.setLinks(links);
                linked++;
            }
        }
        return linked;
    }

    private static void link(Map<String, Link> links, String name, Operation target, String idName, String description) {
        if (target == null || target.getOperationId() == null) {
            return;
        }
        Link link = new Link().operationId(target.getOperationId()).description(description);
        link.parameters(idName, "$response.body#/" + ID);
        if (target.getParameters() != null) {
            for (Parameter parameter : target.getParameters()) {
                if ("path".equals(parameter.getIn()) && !idName.equals(parameter.getName())) {
                    link.parameters(parameter.getName(), "$request.path." + parameter.getName());
                }
            }
        }
        links.put(name, link);
    }

    /** The $ref of a JSON answer's schema, or null when it is not one record. */
    @SuppressWarnings("rawtypes")
    private static String jsonRef(ApiResponse response) {
        if (response.getContent() == null) {
            return null;
        }
        MediaType media = response.getContent().get(javax.ws.rs.core.MediaType.APPLICATION_JSON);
        Schema schema = media == null ? null : media.getSchema();
        return schema == null ? null : schema.get$ref();
    }

    /** The record a read or an update answers on success. */
    private static String successRef(Operation operation) {
        if (operation.getResponses() == null) {
            return null;
        }
        for (String status : new String[] {"200", "default"}) {
            ApiResponse response = operation.getResponses().get(status);
            String ref = response == null ? null : jsonRef(response);
            if (ref != null) {
                return ref;
            }
        }
        return null;
    }

    @SuppressWarnings("rawtypes")
    private static boolean hasId(OpenAPI api, String ref) {
        if (!ref.startsWith(COMPONENTS) || api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return false;
        }
        Schema schema = api.getComponents().getSchemas().get(ref.substring(COMPONENTS.length()));
        if (schema == null || schema.getProperties() == null) {
            return false;
        }
        Schema id = (Schema) schema.getProperties().get(ID);
        return id != null && Objects.equals("integer", id.getType());
    }

    private static boolean integerPathParameter(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return false;
        }
        return operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()) && name.equals(parameter.getName())
                && parameter.getSchema() != null && "integer".equals(parameter.getSchema().getType()));
    }
}
