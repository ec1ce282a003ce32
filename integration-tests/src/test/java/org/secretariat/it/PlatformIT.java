package org.secretariat.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform as the distribution ships it, in a real Felix, with the fixture module installed:
 * everything starts, health answers, JPA writes go through REST into embedded Derby, bad input gets
 * the JSON error shape.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    private Http http;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("platform-it", PlatformOptions.freePort(), PlatformOptions.notesModule());
    }

    @Before
    public void waitForThePlatform() throws Exception {
        http = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        Http.Answer health = http.await("/api/platform/health", 200, STARTUP);
        assertEquals("health did not reach 200: " + health, 200, health.status);
        Http.Answer login = http.login("admin", PlatformOptions.ADMIN_PASSWORD);
        assertEquals(login.toString(), 200, login.status);
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " (state " + bundle.getState() + ")");
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        assertNotNull(find("org.secretariat.platform.persistence"));
        assertNotNull(find("org.secretariat.thirdparty.derby"));
    }

    @Test
    public void everyComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        int active = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.ACTIVE || configuration.state == ComponentConfigurationDTO.SATISFIED) {
                    active++;
                } else {
                    problems.add(description.name + " state " + configuration.state + " " + configuration.failure);
                }
            }
            if (scr.getComponentConfigurationDTOs(description).isEmpty() && description.bundle.symbolicName.startsWith("org.secretariat")) {
                problems.add(description.name + " has no configuration");
            }
        }
        assertTrue("components not satisfied: " + problems, problems.isEmpty());
        assertTrue("the platform's components are there", active >= 8);
    }

    @Test
    public void healthIsUpAndListsTheModules() throws Exception {
        JsonNode health = http.get("/api/platform/health").json;
        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.get("database").get("status").asText());
        Set<String> modules = new java.util.TreeSet<>();
        for (JsonNode module : health.get("modules")) {
            modules.add(module.get("id").asText());
            assertEquals("ACTIVE", module.get("state").asText());
            assertFalse(module.get("version").asText().isEmpty());
        }
        assertEquals(Set.of("notes", "platform"), modules);
    }

    @Test
    public void healthAnswers503NamingAStoppedBundle() throws Exception {
        Bundle notes = find("org.secretariat.fixture.notes");
        notes.stop();
        try {
            Http.Answer health = http.get("/api/platform/health");
            assertEquals(health.toString(), 503, health.status);
            assertEquals("DOWN", health.json.get("status").asText());
            assertTrue(health.body, health.body.contains("org.secretariat.fixture.notes") && health.body.contains("RESOLVED"));
            Http.Answer anonymous = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port"))).get("/api/platform/health");
            assertEquals(503, anonymous.status);
            assertFalse("problems are for administrators: " + anonymous.body, anonymous.body.contains("org.secretariat.fixture.notes"));
        } finally {
            notes.start();
        }
        assertEquals(200, http.await("/api/platform/health", 200, STARTUP).status);
    }

    @Test
    public void aRequestMeetingTheRuntimeMidChangeGetsTheApis503AndOtherContainerErrorsStay500() throws Exception {
        // Servlets that fail as the HTTP whiteboard does when a request meets one being unregistered, and otherwise.
        List<org.osgi.framework.ServiceRegistration<?>> registrations = new ArrayList<>();
        registrations.add(failingServlet("/guard-probe/changing", "Servlet has been unregistered"));
        registrations.add(failingServlet("/guard-probe/broken", "disk full"));
        // What CXF answers in the moment the JAX-RS whiteboard rebuilds the application, and another HTML 404.
        registrations.add(htmlServlet("/guard-probe/rebuilding", 404, "<html><body>No service was found.</body></html>"));
        registrations.add(htmlServlet("/guard-probe/other-page", 404, "<html><body>Some other page</body></html>"));
        try {
            Http.Answer rebuilding = http.await("/api/guard-probe/rebuilding", 503, Duration.ofSeconds(10));
            assertEquals("CXF's answer during a rebuild becomes the API's 503: " + rebuilding, 503, rebuilding.status);
            assertEquals(rebuilding.toString(), 503, rebuilding.json.get("status").asInt());
            assertEquals("1", rebuilding.headers.firstValue("Retry-After").orElse(null));
            Http.Answer other = http.get("/api/guard-probe/other-page");
            assertEquals("any other 404 stays: " + other, 404, other.status);
            assertEquals("<html><body>Some other page</body></html>", other.body);
            Http.Answer changing = http.await("/api/guard-probe/changing", 503, Duration.ofSeconds(10));
            assertEquals(changing.toString(), 503, changing.status);
            assertEquals(changing.toString(), 503, changing.json.get("status").asInt());
            assertEquals("1", changing.headers.firstValue("Retry-After").orElse(null));
            assertTrue("the security headers stay", changing.headers.firstValue("Content-Security-Policy").isPresent());
            Http.Answer broken = http.get("/api/guard-probe/broken");
            assertEquals("any other container error stays a 500: " + broken, 500, broken.status);
        } finally {
            registrations.forEach(org.osgi.framework.ServiceRegistration::unregister);
        }
    }

    /** A resource a test registers and unregisters again and again. */
    @javax.ws.rs.Path("readiness-probe")
    public static class ReadinessProbe {
        @javax.ws.rs.GET
        @javax.annotation.security.PermitAll
        @javax.ws.rs.Produces("application/json")
        public String get() {
            return "{\"probe\":true}";
        }
    }

    /**
     * Issue 21: while one thread registers and unregisters a resource 30 times (each change makes the
     * whiteboard rebuild the application), another asks the readiness service as fast as it can; each
     * time the resource is registered and readiness says the API serves, the resource must answer.
     */
    @Test
    public void readinessNeverSaysServingWhileARegisteredResourceIsNotServedYet() throws Exception {
        org.secretariat.platform.api.rest.ApiReadiness readiness = context.getService(context.getServiceReference(org.secretariat.platform.api.rest.ApiReadiness.class));
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<String> misses = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Http poller = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        // Where the registering thread is: a sample counts from the moment the resource is in the registry
        // (registration under way included) until its removal starts.
        java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>("gone");
        Thread sampling = new Thread(() -> {
            while (running.get()) {
                try {
                    String before = phase.get();
                    if (before.equals("gone") || before.equals("unregistering") || !probeRegistered() || readiness.problem().isPresent()) {
                        continue;
                    }
                    Http.Answer answer = poller.get("/api/readiness-probe");
                    String after = phase.get();
                    if (after.equals("registering") || after.equals("registered")) {
                        samples.incrementAndGet();
                        if (answer.status != 200) {
                            misses.add(answer + " (" + before + " -> " + after + ")");
                        }
                    }
                } catch (Exception e) {
                    misses.add(e.toString());
                }
            }
        }, "readiness sampling");
        sampling.start();
        try {
            for (int cycle = 0; cycle < 30; cycle++) {
                java.util.Dictionary<String, Object> properties = new java.util.Hashtable<>();
                properties.put("osgi.jaxrs.resource", true);
                properties.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=secretariat)");
                properties.put("readiness.probe", true);
                phase.set("registering");
                org.osgi.framework.ServiceRegistration<?> registration = context.registerService(Object.class, new ReadinessProbe(), properties);
                phase.set("registered");
                assertFalse("served after registration", readiness.awaitServing(Duration.ofSeconds(10)).isPresent());
                Thread.sleep(20);
                phase.set("unregistering");
                registration.unregister();
                phase.set("gone");
                assertFalse("served after removal", readiness.awaitServing(Duration.ofSeconds(10)).isPresent());
                Thread.sleep(20);
            }
        } finally {
            running.set(false);
            sampling.join(10_000);
        }
        System.out.printf("readiness sampled %d times while the resource was registered and readiness said serving: %d misses%n",
                samples.get(), misses.size());
        assertTrue("misses: " + misses, misses.isEmpty());
        assertTrue("sampled: " + samples.get(), samples.get() > 10);
    }

    private boolean probeRegistered() throws org.osgi.framework.InvalidSyntaxException {
        return context.getServiceReferences((String) null, "(readiness.probe=true)") != null;
    }

    private org.osgi.framework.ServiceRegistration<?> htmlServlet(String pattern, int status, String body) {
        java.util.Dictionary<String, Object> properties = new java.util.Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", pattern);
        properties.put("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.path=/api)");
        properties.put("service.ranking", Integer.MAX_VALUE);
        return context.registerService(javax.servlet.Servlet.class, new javax.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response)
                    throws java.io.IOException {
                // As CXF's ServletController.generateNotFound does.
                response.setStatus(status);
                response.setContentType("text/html");
                response.getWriter().write(body);
            }
        }, properties);
    }

    private org.osgi.framework.ServiceRegistration<?> failingServlet(String pattern, String message) {
        java.util.Dictionary<String, Object> properties = new java.util.Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", pattern);
        // In the REST application's own context at /api, where requests under /api are dispatched.
        properties.put("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.path=/api)");
        properties.put("service.ranking", Integer.MAX_VALUE);
        return context.registerService(javax.servlet.Servlet.class, new javax.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response)
                    throws javax.servlet.ServletException {
                throw new javax.servlet.ServletException(message);
            }
        }, properties);
    }

    @Test
    public void profileComesFromTheShippedConfiguration() throws Exception {
        Http.Answer profile = http.await("/api/platform/profile", 200, STARTUP);
        assertEquals(profile.toString(), 200, profile.status);
        assertEquals("CCM", profile.json.get("acronym").asText());
        assertEquals("en", profile.json.get("workingLanguages").get(0).asText());
        assertEquals("first-day-of-month-after:6", profile.json.get("entryIntoForce").asText());
    }

    @Test
    public void aNoteRoundTripsThroughRestAndJpa() throws Exception {
        Http.Answer created = http.post("/api/notes", "{\"text\":\"Intersessional meeting moved to June\"}");
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();
        assertTrue(created.json.get("createdAt").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));

        Http.Answer read = http.get("/api/notes/" + id);
        assertEquals(200, read.status);
        assertEquals("Intersessional meeting moved to June", read.json.get("text").asText());

        Http.Answer updated = http.put("/api/notes/" + id, "{\"text\":\"Moved to July\",\"version\":" + read.json.get("version").asInt() + "}");
        assertEquals(updated.toString(), 200, updated.status);
        Http.Answer stale = http.put("/api/notes/" + id, "{\"text\":\"Moved to May\",\"version\":" + read.json.get("version").asInt() + "}");
        assertEquals(stale.toString(), 409, stale.status);
        assertEquals(409, stale.json.get("status").asInt());

        Http.Answer page = http.get("/api/notes?page=0&size=1&sort=id,desc");
        assertEquals(200, page.status);
        assertEquals(1, page.json.get("items").size());
        assertEquals(0, page.json.get("page").asInt());
        assertEquals(1, page.json.get("size").asInt());
        assertTrue(page.json.get("total").asLong() >= 1);

        Http.Answer schema = http.get("/api/platform/schema");
        assertTrue(schema.body, schema.body.contains("\"module\":\"notes\"") && schema.body.contains("\"version\":1"));
    }

    @Test
    public void badRequestsGetTheErrorShapeNamingTheField() throws Exception {
        assertError(http.post("/api/notes", "{\"text\":\"\"}"), 400, "text");
        assertError(http.post("/api/notes", "{\"text\":\"x\",\"colour\":\"blue\"}"), 400, "colour");
        assertError(http.post("/api/notes", "{\"text\":"), 400, null);
        assertError(http.get("/api/notes?size=0"), 400, "size");
        assertError(http.get("/api/notes?sort=password"), 400, "sort");
        assertError(http.get("/api/notes/999999"), 404, null);
        assertError(http.get("/api/no/such/thing"), 404, null);
        assertError(http.get("/api/notes/not-a-number"), 404, null);
    }

    private static void assertError(Http.Answer answer, int status, String field) {
        assertEquals(answer.toString(), status, answer.status);
        assertNotNull("JSON error body: " + answer.body, answer.json);
        assertEquals(status, answer.json.get("status").asInt());
        assertFalse(answer.json.get("error").asText().isBlank());
        if (field == null) {
            assertFalse(answer.body, answer.json.has("field"));
        } else {
            assertEquals(answer.body, field, answer.json.get("field").asText());
        }
        assertFalse("no stack trace: " + answer.body, answer.body.contains("Exception") || answer.body.contains("\tat "));
    }

    private Bundle find(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
