package org.secretariat.platform.openapi.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Role;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI 3 document of a set of JAX-RS resource classes, as the platform serves them under
 * {@code /api}: swagger-core's reader, then what the platform adds to every operation (its access rule,
 * its summary, the error shape of its 4xx answers, the paging parameters' types and bounds, the two ways
 * to authenticate) and the links from each create operation to the reads, updates and deletes of what it
 * created ({@link StatefulLinks}). No state: the caller hands in the classes the whiteboard serves now.
 */
final class ApiDescription {

    static final String ERROR_SCHEMA = "Error";
    static final String BEARER = "bearerToken";
    static final String SESSION = "sessionCookie";
    /** The resource classes left out because swagger-core failed on them (logged), if any. */
    static final String UNDESCRIBED = "x-secretariat-undescribed";
    private static final Logger LOG = Logger.getLogger(ApiDescription.class.getName());

    /** This document's own paths. */
    static final Set<String> DOCUMENT_PATHS = Set.of("/" + ApiDocuments.JSON, "/" + ApiDocuments.YAML);
    private static final String ERROR_REF = "#/components/schemas/" + ERROR_SCHEMA;

    private ApiDescription() {
    }

    /**
     * @param resources the resource classes
     * @param version the platform's version, the document's {@code info.version}
     * @param publicDescription whether the document itself is public (else administrators only)
     */
    static synchronized OpenAPI describe(Collection<Class<?>> resources, String version, boolean publicDescription) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Secretariat API").version(version)
                        .description("The REST API of this Secretariat platform and of the modules installed now. Every failure answers "
                                + "{\"status\",\"error\",\"field\"}. Authenticate with a session (POST /platform/session; send the "
                                + Authorization.CSRF_HEADER + " header on writes) or with an API token (Authorization: Bearer). "
                                + "x-secretariat-permission, x-secretariat-roles and x-secretariat-public say who may call an operation."))
                .servers(List.of(new Server().url(RestApi.BASE)))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token (sec_...) created with POST /platform/tokens from a session"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                                .name(Authorization.SESSION_COOKIE).description("The session of POST /platform/session; writes also need the "
                                        + Authorization.CSRF_HEADER + " header with its csrfToken"))
                        .addSchemas(ERROR_SCHEMA, errorSchema()))
                .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(SESSION)));
        Set<Class<?>> classes = new LinkedHashSet<>();
        resources.stream().sorted(Comparator.comparing(Class::getName)).forEach(classes::add);
        SwaggerConfiguration configuration = new SwaggerConfiguration().openAPI(base).readAllResources(true).sortOutput(true);
        // Nested records are named Outer.Inner (Decisions.Input): a resolver ahead of swagger's default one, for
        // this reading only, so that none stays in swagger's static list holding this bundle's classes.
        ModelResolver names = new NullableReferences(Json.mapper(), new SchemaNames());
        ModelConverters.getInstance().addConverter(names);
        SecretariatReader reader = new SecretariatReader(configuration, classes);
        List<String> undescribed = new ArrayList<>();
        try {
            for (Class<?> type : classes) {
                try {
                    reader.read(type);
                } catch (RuntimeException | LinkageError e) {
                    // One resource swagger cannot read must not take the whole description down: it is named instead.
                    LOG.log(Level.WARNING, "The API description leaves out " + type.getName() + ", which swagger-core could not read", e);
                    undescribed.add(type.getName());
                }
            }
        } finally {
            ModelConverters.getInstance().removeConverter(names);
        }
        OpenAPI api = reader.getOpenAPI();
        reader.answeredSchemas().forEach((name, schema) -> {
            if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey(name)) {
                api.getComponents().addSchemas(name, schema);
            }
        });
        if (!undescribed.isEmpty()) {
            api.addExtension(UNDESCRIBED, undescribed);
        }
        api.setPaths(sorted(api.getPaths()));
        NullableReferences.untypeAnyValues(api);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> complete(path, operation, publicDescription)));
        StatefulLinks.add(api);
        return api;
    }

    private static Paths sorted(Paths paths) {
        Paths sorted = new Paths();
        if (paths != null) {
            new java.util.TreeMap<>(paths).forEach(sorted::addPathItem);
        }
        return sorted;
    }

    private static void complete(String path, Operation operation, boolean publicDescription) {
        Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        if (DOCUMENT_PATHS.contains(path) && !publicDescription) {
            // This document: public only when configured so (org.secretariat.api publicDescription=true).
            extensions = new LinkedHashMap<>(extensions);
            extensions.remove(SecretariatReader.PUBLIC);
            extensions.put(SecretariatReader.ROLES, List.of(Role.Names.ADMINISTRATOR));
            operation.setExtensions(extensions);
        }
        boolean isPublic = Boolean.TRUE.equals(extensions.get(SecretariatReader.PUBLIC));
        if (isPublic) {
            operation.setSecurity(List.of(new SecurityRequirement()));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiDescription::pagingParameter);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean answers = responses.keySet().stream().anyMatch(code -> code.startsWith("2") || code.equals("default"));
        if (!answers) {
            responses.addApiResponse("default", new ApiResponse().description("success"));
        }
        responses.addApiResponse("4XX", error("Refused: the field at fault, if any, is named in field"));
        if (!isPublic) {
            responses.addApiResponse("401", error("No session or token"));
            responses.addApiResponse("403", error("Not allowed for the caller's roles, or a write without the CSRF header"));
        }
        responses.addApiResponse("500", error("Unexpected failure; the answer names an incident id found in the server log"));
        operation.setResponses(responses);
    }

    /** The paging parameters of every list take integers (and a sort field) whatever the Java type that reads them. */
    private static void pagingParameter(Parameter parameter) {
        if (!"query".equals(parameter.getIn())) {
            return;
        }
        switch (parameter.getName()) {
            case "page":
                parameter.schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0))
                        .description("Page number, from 0");
                break;
            case "size":
                parameter.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_SIZE))
                        ._default(PageRequest.DEFAULT_SIZE)).description("Items per page");
                break;
            case "sort":
                parameter.schema(new StringSchema().pattern("^[A-Za-z]+(,(asc|desc))?$"))
                        .description("A sortable field of this list, optionally followed by ,asc or ,desc");
                break;
            case "after":
                parameter.schema(new StringSchema().pattern("^[A-Za-z0-9_-]*$"))
                        .description("Read by cursor: a page's next, for the page after it (empty: the first page); no page number, no total");
                break;
            default:
                break;
        }
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ERROR_REF))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema errorSchema() {
        Schema field = new StringSchema().nullable(true).description("The request field at fault, e.g. participants[2].role, or null");
        return new ObjectSchema().description("Every failure of the API")
                .addProperty("status", new IntegerSchema().description("The HTTP status, repeated"))
                .addProperty("error", new StringSchema().description("What went wrong, for a person"))
                .addProperty("field", field)
                .required(new ArrayList<>(List.of("status", "error")));
    }
}
