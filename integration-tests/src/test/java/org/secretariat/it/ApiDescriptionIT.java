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
 * unless {@code org.secretariat.api publicDescription=true}; with every shipped module installed, every
 * operation has a summary and a unique operationId, and each create operation links to the read, update
 * and delete of what it created. (That the document is valid OpenAPI is checked by swagger-parser in
 * ApiFuzzIT, outside the framework, with the modules installed; ApiFuzzIT also follows the links.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiDescriptionIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final List<String> ACCESS_EXTENSIONS = List.of("x-secretariat-permission", "x-secretariat-roles", "x-secretariat-public");
    /** The shipped modules, in an order each one's dependencies come first. */
    private static final List<String> MODULES = List.of("contacts", "meetings", "finance", "formula-scale", "formula-equal", "expertise", "website", "sponsorship");

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

    /**
     * Every operation of the platform and of the shipped modules says what it does ({@code @Summary}),
     * and has an operationId of its own. The notes fixture stands for a module that writes no summary:
     * its operations are described all the same, without one.
     */
    @Test
    public void everyOperationOfThePlatformAndTheShippedModulesHasASummaryAndAUniqueOperationId() throws Exception {
        installShippedModules();
        Map<String, JsonNode> described = described();
        List<String> withoutSummary = new ArrayList<>();
        Map<String, String> operationIds = new TreeMap<>();
        List<String> duplicateIds = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> operation : described.entrySet()) {
            String id = operation.getValue().path("operationId").asText("");
            assertFalse(operation.getKey() + " has an operationId", id.isEmpty());
            String other = operationIds.put(id, operation.getKey());
            if (other != null) {
                duplicateIds.add(id + ": " + other + ", " + operation.getKey());
            }
            if (operation.getKey().matches("[A-Z]+ /notes(/.*)?")) {
                assertFalse(operation.getKey() + ": the fixture writes no summary", operation.getValue().has("summary"));
                continue;
            }
            checked++;
            if (operation.getValue().path("summary").asText("").isBlank()) {
                withoutSummary.add(operation.getKey());
            }
        }
        System.out.println("ApiDescriptionIT: " + checked + " operations of the platform and " + MODULES + " checked for a summary, "
                + withoutSummary.size() + " without one; " + operationIds.size() + " unique operationIds");
        assertEquals("operations without a summary", List.of(), withoutSummary);
        assertEquals("operationIds used twice", List.of(), duplicateIds);
        assertTrue(described.keySet().toString(), checked > 150);
        assertEquals("Publish a language version of a page (it becomes visible on the public site)",
                described.get("POST /website/pages/{id}/texts/{language}/publish").get("summary").asText());
    }

    /**
     * A create operation's 201 links to the GET, PUT and DELETE of {@code <its path>/{id}} when they are
     * the same record; each link names an operation of the document and fills each of its path
     * parameters. A create that answers another record (a position answers the person) links nowhere.
     */
    @Test
    public void eachCreateLinksToTheReadUpdateAndDeleteOfWhatItCreated() throws Exception {
        installShippedModules();
        Map<String, JsonNode> described = described();
        Map<String, String> byId = new TreeMap<>();
        described.forEach((operation, description) -> byId.put(description.path("operationId").asText(), operation));
        List<String> linked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : described.entrySet()) {
            JsonNode links = operation.getValue().path("responses").path("201").path("links");
            for (Iterator<Map.Entry<String, JsonNode>> each = links.fields(); each.hasNext();) {
                Map.Entry<String, JsonNode> link = each.next();
                String target = byId.get(link.getValue().path("operationId").asText());
                assertNotNull(operation.getKey() + " links to an operation of the document: " + link, target);
                List<String> pathParameters = new ArrayList<>();
                java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)\\}").matcher(target);
                while (parameter.find()) {
                    pathParameters.add(parameter.group(1));
                }
                List<String> given = new ArrayList<>();
                link.getValue().path("parameters").fieldNames().forEachRemaining(given::add);
                assertEquals(operation.getKey() + " " + link.getKey() + " fills " + target, new TreeSet<>(pathParameters), new TreeSet<>(given));
                assertTrue(link.toString(), given.stream().anyMatch(name -> "$response.body#/id".equals(link.getValue().path("parameters").path(name).asText())));
                linked.add(operation.getKey() + " -" + link.getKey() + "-> " + target);
            }
        }
        System.out.println("ApiDescriptionIT: " + linked.size() + " links from create operations: " + linked);
        assertTrue(linked.toString(), linked.contains("POST /contacts/organisations -GetById-> GET /contacts/organisations/{id}"));
        assertTrue(linked.toString(), linked.contains("POST /contacts/organisations -DeleteById-> DELETE /contacts/organisations/{id}"));
        assertTrue(linked.toString(), linked.contains("POST /meetings/{meetingId}/documents -GetById-> GET /meetings/{meetingId}/documents/{documentId}"));
        assertTrue(linked.toString(), linked.contains("POST /website/pages -UpdateById-> PUT /website/pages/{id}"));
        assertTrue(linked.toString(), linked.contains("POST /finance/budgets -GetById-> GET /finance/budgets/{id}"));
        assertFalse(linked.toString(), linked.stream().anyMatch(link -> link.startsWith("POST /contacts/people/{id}/positions ")));
        assertEquals("$request.path.meetingId", described.get("POST /meetings/{meetingId}/documents").path("responses").path("201").path("links")
                .path("GetById").path("parameters").path("meetingId").asText());
    }

    /** Installs contacts, meetings, finance, both formulas, the website and sponsorship from the distribution's modules/, once. */
    private void installShippedModules() throws Exception {
        Http.Answer modules = admin.await("/api/platform/modules", 200, STARTUP);
        List<String> installed = new ArrayList<>();
        modules.json.path("installed").forEach(module -> installed.add(module.path("id").asText()));
        for (String module : MODULES) {
            if (!installed.contains(module)) {
                Http.Answer answer = admin.post("/api/platform/modules/" + module + "/install", "");
                assertEquals(answer.toString(), 200, answer.status);
            }
        }
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status);
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
