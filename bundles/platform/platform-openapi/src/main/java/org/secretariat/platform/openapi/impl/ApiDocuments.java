package org.secretariat.platform.openapi.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.ws.rs.Path;
import javax.ws.rs.core.SecurityContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.security.Role;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * The API's description as it is now: the resource classes of the services the JAX-RS whiteboard
 * reports (so it follows modules as they are installed and uninstalled), read by {@link ApiDescription},
 * kept until that set of classes changes. Configuration {@value #PID}: {@code publicDescription=true}
 * makes the document public; by default administrators only read it.
 */
@Component(service = ApiDocuments.class, configurationPid = ApiDocuments.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ApiDocuments {

    static final String PID = "org.secretariat.api";
    static final String JSON = "openapi.json";
    static final String YAML = "openapi.yaml";

    private static final Logger LOG = Logger.getLogger(ApiDocuments.class.getName());

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;
    private volatile boolean publicDescription;
    private Set<Class<?>> describedClasses = Set.of();
    private boolean describedPublic;
    private String json;
    private String yaml;

    @Activate
    public ApiDocuments(BundleContext context, @Reference JaxrsServiceRuntime runtime, Map<String, Object> configuration) {
        this.context = context;
        this.runtime = runtime;
        configure(configuration);
    }

    @Modified
    void configure(Map<String, Object> configuration) {
        publicDescription = Boolean.parseBoolean(String.valueOf(configuration.getOrDefault("publicDescription", "false")).trim());
    }

    /** Refuses the caller unless the description is public or they are an administrator. */
    void checkReader(SecurityContext security) {
        if (publicDescription) {
            return;
        }
        if (security == null || security.getUserPrincipal() == null) {
            throw new ApiException(401, "Authentication required: log in (POST /api/platform/session) or send Authorization: Bearer <token>", null);
        }
        if (!security.isUserInRole(Role.Names.ADMINISTRATOR)) {
            throw new ApiException(403, "Forbidden: the API description is for administrators (or set publicDescription=true in " + PID + ")", null);
        }
    }

    String json() {
        return current()[0];
    }

    String yaml() {
        return current()[1];
    }

    private synchronized String[] current() {
        Set<Class<?>> classes = resourceClasses();
        if (json == null || !classes.equals(describedClasses) || describedPublic != publicDescription) {
            boolean isPublic = publicDescription;
            OpenAPI api = ApiDescription.describe(classes, version(), isPublic);
            try {
                json = Json.pretty().writeValueAsString(api);
                yaml = Yaml.pretty().writeValueAsString(api);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the API description could not be written", e);
            }
            describedClasses = classes;
            describedPublic = isPublic;
        }
        return new String[] {json, yaml};
    }

    private String version() {
        return context.getBundle().getVersion().toString();
    }

    /** The classes of the resources of every application the whiteboard serves. */
    Set<Class<?>> resourceClasses() {
        RuntimeDTO dto = runtime.getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>();
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            applications.addAll(List.of(dto.applicationDTOs));
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (ApplicationDTO application : applications) {
            if (application.resourceDTOs == null) {
                continue;
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                Class<?> type = classOf(resource.serviceId);
                if (type != null) {
                    classes.add(type);
                }
            }
        }
        List<Class<?>> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(Class::getName));
        return new LinkedHashSet<>(sorted);
    }

    /** The resource service's class: one of its service types that carries {@code @Path}, else its object's class. */
    private Class<?> classOf(long serviceId) {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null || references[0].getBundle() == null) {
            return null; // gone since the DTO was made
        }
        ServiceReference<?> reference = references[0];
        for (String name : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            try {
                Class<?> type = reference.getBundle().loadClass(name);
                if (type.isAnnotationPresent(Path.class)) {
                    return type;
                }
            } catch (ClassNotFoundException | IllegalStateException e) {
                LOG.log(Level.FINE, "resource class " + name + " not loadable", e);
            }
        }
        Object service = context.getService(reference);
        try {
            return service == null ? null : service.getClass();
        } finally {
            if (service != null) {
                context.ungetService(reference);
            }
        }
    }
}
