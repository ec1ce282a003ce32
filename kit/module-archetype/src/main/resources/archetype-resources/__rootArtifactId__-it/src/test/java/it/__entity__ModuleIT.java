package ${package}.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ${moduleId} module on the real platform, as an administrator installs it: this build's repository
 * folder added to the module repositories, the module installed through the REST API the staff app's
 * Administration, Modules page uses, its resource used as a client would, then uninstalled and
 * installed again with its data kept.
 */
class ${entity}ModuleIT {

    private static final String RECORDS = "/api/${moduleId}/${entities}";

    private static Platform platform;
    private static Platform.Client admin;

    @BeforeAll
    static void startThePlatform() throws Exception {
        platform = Platform.start(Path.of(System.getProperty("secretariat.distribution")), Path.of(System.getProperty("it.work")));
        admin = platform.client();
        assertEquals(200, admin.login("admin", Platform.ADMIN_PASSWORD).status());
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theModuleIsInstalledUsedAndUninstalledWithItsDataKept() throws Exception {
        addRepository(Path.of(System.getProperty("module.repository")));

        Platform.Answer plan = admin.post("/api/platform/modules/${moduleId}/install?dryRun=true", "");
        assertEquals(200, plan.status(), plan::toString);
        assertTrue(plan.json().get("migrations").toString().contains("${moduleId} V1"), plan::toString);
        Platform.Answer installed = admin.post("/api/platform/modules/${moduleId}/install", "");
        assertEquals(200, installed.status(), installed::toString);

        assertEquals(401, platform.client().get(RECORDS).status(), "anonymous callers are refused");
        Platform.Answer created = admin.post(RECORDS, "{\"title\":\"First\",\"notes\":\"made by the integration test\"}");
        assertEquals(201, created.status(), created::toString);
        long id = created.json().get("id").asLong();
        assertEquals("title", admin.post(RECORDS, "{\"title\":\" \"}").json().get("field").asText());
        assertEquals(409, admin.post(RECORDS, "{\"title\":\"FIRST\"}").status(), "titles are unique in any case");
        assertEquals(400, admin.post(RECORDS, "{\"title\":\"x\",\"colour\":\"red\"}").status(), "unknown fields are refused");
        Platform.Answer stale = admin.put(RECORDS + "/" + id, "{\"title\":\"Changed\",\"version\":" + (created.json().get("version").asInt() + 1) + "}");
        assertEquals(409, stale.status(), stale::toString);

        Platform.Answer list = admin.get(RECORDS + "?sort=title,asc&size=10");
        assertEquals(200, list.status(), list::toString);
        assertEquals(1, list.json().get("total").asInt());
        assertEquals("sort", admin.get(RECORDS + "?sort=colour").json().get("field").asText());
        assertTrue(admin.get("/api/platform/web/navigation").body().contains("\"${moduleId}\""), "the page is in the menu");
        assertTrue(admin.get("/api/platform/permissions").body().contains("${moduleId}."), "the permissions are declared");

        Platform.Answer uninstalled = admin.delete("/api/platform/modules/${moduleId}");
        assertEquals(200, uninstalled.status(), uninstalled::toString);
        assertEquals(404, admin.get(RECORDS).status(), "gone with the module");
        assertEquals(200, admin.post("/api/platform/modules/${moduleId}/install", "").status());
        assertEquals("First", admin.get(RECORDS + "/" + id).json().get("title").asText(), "the data outlives an uninstall");
    }

    /** Adds the folder to the module repositories (PUT /api/platform/modules/repositories, as the Modules page does). */
    private static void addRepository(Path repository) throws Exception {
        assertTrue(Files.isDirectory(repository), repository + " is built by the feature project");
        ObjectNode settings = (ObjectNode) admin.get("/api/platform/modules/repositories").json().deepCopy();
        settings.remove("file");
        settings.remove("status");
        ((ArrayNode) settings.get("repositories")).add(repository.toAbsolutePath().toString());
        Platform.Answer changed = admin.put("/api/platform/modules/repositories", settings.toString());
        assertEquals(200, changed.status(), changed::toString);
    }
}
