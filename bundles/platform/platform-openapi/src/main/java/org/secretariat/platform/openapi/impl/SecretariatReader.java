package org.secretariat.platform.openapi.impl;

import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.MultipartParts;
import org.secretariat.platform.api.rest.Summary;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;

import org.secretariat.platform.api.security.RequiresPermission;

import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.api.OpenAPIConfiguration;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;

/**
 * swagger-core's JAX-RS reader, with each operation marked with the access rule the platform's access
 * filter applies to its method (the method's annotation, else its class's; none means denied), its
 * summary ({@link Summary}) and a stable {@code operationId}: {@code Class.method} (the class's simple
 * name), or {@code module.Class.method} when another described class has the same simple name, with
 * a number after a Java overload (swagger reads a class's methods in a fixed order).
 */
final class SecretariatReader extends Reader {

    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> answeredSchemas = new java.util.TreeMap<>();

    static final String PERMISSION = "x-secretariat-permission";
    static final String ROLES = "x-secretariat-roles";
    static final String PUBLIC = "x-secretariat-public";
    static final String DENIED = "x-secretariat-denied";

    private final Set<String> operationIds = new HashSet<>();
    /** Simple names that more than one described class has: their operations' ids name the module too. */
    private final Set<String> sharedSimpleNames;

    SecretariatReader(OpenAPIConfiguration configuration, java.util.Collection<Class<?>> resources) {
        super(configuration);
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (Class<?> resource : resources) {
            if (!seen.add(resource.getSimpleName())) {
                shared.add(resource.getSimpleName());
            }
        }
        this.sharedSimpleNames = shared;
    }

    /**
     * The operationId's prefix for a resource class: its simple name, or, when another described class
     * shares it, the module's package segment before it ({@code org.secretariat.website.impl.rest.PagesResource}
     * is {@code website.PagesResource}); so an id does not change with the order modules come in.
     */
    String operationPrefix(Class<?> resource) {
        String simple = resource.getSimpleName();
        if (!sharedSimpleNames.contains(simple)) {
            return simple;
        }
        String[] segments = resource.getPackageName().split("\\.");
        String module = segments.length > 2 && "org".equals(segments[0]) && "secretariat".equals(segments[1]) ? segments[2]
                : resource.getPackageName();
        return module + "." + simple;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Operation parseMethod(Class<?> cls, Method method, List<Parameter> globalParameters, Produces methodProduces,
            Produces classProduces, Consumes methodConsumes, Consumes classConsumes, List<SecurityRequirement> classSecurityRequirements,
            Optional<ExternalDocumentation> classExternalDocs, Set<String> classTags, List<Server> classServers, boolean isSubresource,
            RequestBody parentRequestBody, ApiResponses parentResponses, JsonView jsonViewAnnotation,
            io.swagger.v3.oas.annotations.responses.ApiResponse[] classResponses, AnnotatedMethod annotatedMethod) {
        Operation operation = super.parseMethod(cls, method, globalParameters, methodProduces, classProduces, methodConsumes, classConsumes,
                classSecurityRequirements, classExternalDocs, classTags, classServers, isSubresource, parentRequestBody, parentResponses,
                jsonViewAnnotation, classResponses, annotatedMethod);
        if (operation != null) {
            // swagger passes here the class of the method's return type's model, not the resource's
            Class<?> resource = method.getDeclaringClass();
            String id = operationPrefix(resource) + "." + method.getName();
            String unique = id;
            for (int n = 2; !operationIds.add(unique); n++) {
                unique = id + n;
            }
            operation.setOperationId(unique);
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                operation.addTagsItem(resource.getSimpleName().replaceFirst("Resource$", ""));
            }
            markAccess(operation, method, resource);
            summary(operation, method.getAnnotation(Summary.class));
            answers(operation, method.getAnnotation(Answers.class));
            multipartParts(operation, method.getAnnotation(MultipartParts.class));
        }
        return operation;
    }

    /**
     * The schemas {@link Answers} brought in, by name: the description adds them to its components
     * (swagger's reader keeps its own to itself).
     */
    Map<String, Schema> answeredSchemas() {
        return answeredSchemas;
    }

    /** The method's own words: summary and description. */
    private static void summary(Operation operation, Summary summary) {
        if (summary == null) {
            return;
        }
        if (!summary.value().isBlank()) {
            operation.setSummary(summary.value().strip());
        }
        if (!summary.description().isBlank()) {
            operation.setDescription(summary.description().strip());
        }
    }

    /** A method that reads a multipart upload from the raw stream names its parts. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void multipartParts(Operation operation, MultipartParts parts) {
        if (parts == null) {
            return;
        }
        Schema form = new io.swagger.v3.oas.models.media.ObjectSchema();
        for (String text : parts.text()) {
            form.addProperty(text, new io.swagger.v3.oas.models.media.StringSchema());
        }
        if (!parts.file().isEmpty()) {
            form.addProperty(parts.file(), new io.swagger.v3.oas.models.media.BinarySchema());
        }
        if (parts.required().length > 0) {
            form.setRequired(new java.util.ArrayList<>(java.util.Arrays.asList(parts.required())));
        }
        operation.requestBody(new io.swagger.v3.oas.models.parameters.RequestBody().required(true)
                .content(new Content().addMediaType(javax.ws.rs.core.MediaType.MULTIPART_FORM_DATA, new MediaType().schema(form))));
    }

    /** A method that builds its Response says what it answers: that status, with that body. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void answers(Operation operation, Answers answers) {
        if (answers == null) {
            return;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse response = new ApiResponse().description(answers.status() == 201 ? "Created" : "Success");
        if (answers.value() != Void.class) {
            ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(answers.value()).resolveAsRef(true));
            if (resolved.referencedSchemas != null) {
                answeredSchemas.putAll(resolved.referencedSchemas);
            }
            Schema body = resolved.schema;
            if (answers.list()) {
                body = new ArraySchema().items(body);
            }
            response.content(new Content().addMediaType(javax.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType().schema(body)));
        }
        // swagger's guess for a Response-returning method ("default" with no schema) gives way to what is declared
        ApiResponse guessed = responses.get("default");
        if (guessed != null && (guessed.getContent() == null || guessed.getContent().values().stream().allMatch(media -> media.getSchema() == null))) {
            responses.remove("default");
        }
        responses.addApiResponse(Integer.toString(answers.status()), response);
        operation.setResponses(responses);
    }

    /** The same precedence as the access filter's: DenyAll, PermitAll, RolesAllowed, RequiresPermission; method first. */
    static void markAccess(Operation operation, Method method, Class<?> type) {
        if (!markAccess(operation, method.getAnnotation(DenyAll.class), method.getAnnotation(PermitAll.class),
                method.getAnnotation(RolesAllowed.class), method.getAnnotation(RequiresPermission.class))
                && !markAccess(operation, type.getAnnotation(DenyAll.class), type.getAnnotation(PermitAll.class),
                        type.getAnnotation(RolesAllowed.class), type.getAnnotation(RequiresPermission.class))) {
            operation.addExtension(DENIED, true);
        }
    }

    private static boolean markAccess(Operation operation, DenyAll denyAll, PermitAll permitAll, RolesAllowed roles, RequiresPermission permission) {
        if (denyAll != null) {
            operation.addExtension(DENIED, true);
        } else if (permitAll != null) {
            operation.addExtension(PUBLIC, true);
        } else if (roles != null) {
            operation.addExtension(ROLES, Arrays.asList(roles.value()));
        } else if (permission != null) {
            operation.addExtension(PERMISSION, permission.value());
        } else {
            return false;
        }
        return true;
    }
}
