package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GET /api/openapi.json describes exactly what the JAX-RS whiteboard serves now: every resource method
 * it reports is an operation of the document, carrying the access rule its annotations declare; a
 * module's operations leave with its bundle and come back with it; the document is for administrators
 * unless {@code org.secretariat.api publicDescription=true}. (That the document is valid OpenAPI is
 * checked by swagger-parser in ApiFuzzIT, outside the framework, with contacts and meetings installed.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiDescriptionIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final List<String> ACCESS_EXTENSIONS = List.of("x-secretariat-permission", "x-secretariat-roles", "x-secretariat-public");

    @Inject
    private BundleContext context;

    @Inject
    private JaxrsServiceRuntime runtime;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private int port;
    private Http admin;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("api-description-it", PlatformOptions.freePort(), PlatformOptions.notesModule());
    }

    @Before
    public void loginAsAdministrator() throws Exception {
        port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        admin = new Http(port);
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
        assertEquals(401, admin.await("/api/notes", 401, STARTUP).status);
        assertEquals(200, admin.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
    }

    /** "METHOD /path" of every resource method the whiteboard serves. */
    private TreeSet<String> served() {
        TreeSet<String> endpoints = new TreeSet<>();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(runtime.getRuntimeDTO().applicationDTOs));
        applications.add(runtime.getRuntimeDTO().defaultApplication);
        for (ApplicationDTO application : applications) {
            if (application == null || application.resourceDTOs == null) {
                continue;
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    endpoints.add(method.method + " " + ("/" + method.path).replaceAll("/+", "/").replaceAll("(.)/$", "$1"));
                }
            }
        }
        return endpoints;
    }

    /** "METHOD /path" to operation, of the document served now. */
    private Map<String, JsonNode> described() throws Exception {
        Http.Answer document = admin.get("/api/openapi.json");
        assertEquals(document.toString(), 200, document.status);
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.json.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
        }
        return operations;
    }

    @Test
    public void everyServedOperationIsDescribedWithItsAccessRule() throws Exception {
        Map<String, JsonNode> described = described();
        assertEquals(served(), new TreeSet<>(described.keySet()));
        List<String> withoutRule = new ArrayList<>();
        described.forEach((operation, description) -> {
            if (ACCESS_EXTENSIONS.stream().filter(description::has).count() != 1) {
                withoutRule.add(operation);
            }
            JsonNode error = description.get("responses").get("4XX");
            assertNotNull(operation + " describes its errors", error);
        });
        assertEquals("operations without exactly one access rule", List.of(), withoutRule);
        assertEquals("notes.note.read", described.get("GET /notes").get("x-secretariat-permission").asText());
        assertEquals("[\"ADMINISTRATOR\"]", described.get("GET /platform/users").get("x-secretariat-roles").toString());
        assertTrue(described.get("POST /platform/session").get("x-secretariat-public").asBoolean());
        assertEquals("[\"ADMINISTRATOR\"]", described.get("GET /openapi.json").get("x-secretariat-roles").toString());
        Http.Answer yaml = admin.get("/api/openapi.yaml");
        assertEquals(200, yaml.status);
        assertTrue(yaml.body, yaml.body.startsWith("openapi: 3.0.1") && yaml.body.contains("/platform/users/{id}:"));
    }

    @Test
    public void aModulesOperationsLeaveAndComeBackWithItsBundle() throws Exception {
        Bundle notes = null;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().contains("notes")) {
                notes = bundle;
            }
        }
        assertNotNull("the notes fixture is installed", notes);
        assertTrue(described().containsKey("POST /notes"));
        notes.stop();
        try {
            assertEquals(404, admin.await("/api/notes", 404, STARTUP).status);
            Map<String, JsonNode> without = described();
            assertFalse(without.keySet().toString(), without.keySet().stream().anyMatch(operation -> operation.contains("/notes")));
            assertEquals(served(), new TreeSet<>(without.keySet()));
        } finally {
            notes.start();
        }
        assertEquals(401, new Http(port).await("/api/notes", 401, STARTUP).status);
        assertTrue(described().containsKey("PUT /notes/{id}"));
    }

    @Test
    public void theDescriptionIsForAdministratorsUnlessConfiguredPublic() throws Exception {
        Http anonymous = new Http(port);
        assertEquals(401, anonymous.get("/api/openapi.json").status);
        assertEquals(403, admin.newUser("DIRECTOR").get("/api/openapi.json").status);
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("org.secretariat.api", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("publicDescription", "true");
        configuration.update(properties);
        try {
            Http.Answer open = anonymous.await("/api/openapi.json", 200, STARTUP);
            assertEquals(open.toString(), 200, open.status);
            assertTrue(open.json.get("paths").get("/openapi.json").get("get").get("x-secretariat-public").asBoolean());
            assertEquals(200, anonymous.get("/api/openapi.yaml").status);
        } finally {
            configuration.delete();
        }
        assertEquals(401, anonymous.await("/api/openapi.json", 401, STARTUP).status);
    }
}
