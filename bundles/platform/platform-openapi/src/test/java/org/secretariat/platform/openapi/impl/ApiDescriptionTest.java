package org.secretariat.platform.openapi.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
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

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

class ApiDescriptionTest {

    /** A service of a module, with its records. */
    static final class Things {
        enum Kind { DECISION, RECOMMENDATION }

        record Input(String title, LocalDate startDate, List<String> tags, Kind kind, Long version) {
        }

        record View(long id, String title, LocalDate startDate, List<String> tags, long version, java.util.Map<String, Object> details) {
        }

        record Part(long id, String name) {
        }
    }

    /** Another service with an Input record of the same simple name. */
    static final class Others {
        record Input(int count) {
        }
    }

    @Path("things")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("things.thing.read")
    public static class ThingsResource {
        @GET
        @Summary("List the things, newest first")
        public Page<Things.View> list(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
                @QueryParam("sort") String sort, @QueryParam("after") String after) {
            return null;
        }

        @GET
        @Path("{id}")
        @Summary("Read a thing")
        public Things.View get(@PathParam("id") long id) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @RequiresPermission("things.thing.write")
        @org.secretariat.platform.api.rest.Answers(status = 201, value = Things.View.class)
        @Summary(value = "Create a thing", description = "The thing starts as a draft.")
        public Response create(Things.Input body) {
            return null;
        }

        @PUT
        @Path("{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        @RequiresPermission("things.thing.write")
        @Summary("Change a thing")
        public Things.View update(@PathParam("id") long id, Things.Input body) {
            return null;
        }

        @DELETE
        @Path("{id}")
        @RequiresPermission("things.thing.write")
        @Summary("Delete a thing")
        public void delete(@PathParam("id") long id) {
        }

        @POST
        @Path("{id}/parts")
        @Consumes(MediaType.APPLICATION_JSON)
        @RequiresPermission("things.thing.write")
        @org.secretariat.platform.api.rest.Answers(status = 201, value = Things.Part.class)
        @Summary("Add a part to a thing")
        public Response addPart(@PathParam("id") long id, Things.Part body) {
            return null;
        }

        @GET
        @Path("{id}/parts/{partId}")
        @Summary("Read a part of a thing")
        public Things.Part part(@PathParam("id") long id, @PathParam("partId") long partId) {
            return null;
        }

        @POST
        @Path("{id}/tags")
        @Consumes(MediaType.APPLICATION_JSON)
        @RequiresPermission("things.thing.write")
        @org.secretariat.platform.api.rest.Answers(status = 201, value = Things.View.class)
        @Summary("Tag a thing (answers the thing)")
        public Response tag(@PathParam("id") long id, Others.Input body) {
            return null;
        }

        @DELETE
        @Path("{id}/tags/{tagId}")
        @RequiresPermission("things.thing.write")
        @Summary("Take a tag off a thing")
        public void untag(@PathParam("id") long id, @PathParam("tagId") long tagId) {
        }

        @POST
        @Path("{id}/files")
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        @RequiresPermission("things.thing.write")
        @org.secretariat.platform.api.rest.MultipartParts(file = "file", text = {"language"}, required = {"file"})
        public Response upload(@PathParam("id") long id, java.io.InputStream body) {
            return null;
        }

        @PUT
        @Path("{id}/others")
        @Consumes(MediaType.APPLICATION_JSON)
        @RolesAllowed({"DIRECTOR", "ADMINISTRATOR"})
        public Things.View others(@PathParam("id") long id, Others.Input body) {
            return null;
        }

        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return null;
        }
    }

    @Path("undeclared")
    public static class UndeclaredResource {
        @DELETE
        public void remove() {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode describe(boolean publicDescription, Class<?>... resources) throws Exception {
        OpenAPI api = ApiDescription.describe(Set.of(resources), "1.2.3", publicDescription);
        String json = Json.pretty().writeValueAsString(api);
        assertValid(json);
        assertValid(Yaml.pretty().writeValueAsString(api));
        if (System.getProperty("print.api") != null) {
            System.out.println(json);
        }
        return JSON.readTree(json);
    }

    /** What swagger-parser, the reference reader of OpenAPI 3, says of the document: nothing. */
    static void assertValid(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertNotNull(result.getOpenAPI(), "parsed: " + result.getMessages());
        assertEquals(List.of(), result.getMessages());
    }

    @Test
    void eachOperationCarriesItsAccessRuleTheErrorShapeAndTheSchemasOfItsRecords() throws Exception {
        JsonNode api = describe(false, ThingsResource.class, UndeclaredResource.class, OpenApiJsonResource.class);
        assertEquals("3.0.1", api.get("openapi").asText());
        assertEquals("/api", api.get("servers").get(0).get("url").asText());
        JsonNode list = api.get("paths").get("/things").get("get");
        assertEquals("things.thing.read", list.get(SecretariatReader.PERMISSION).asText(), "the class's permission");
        assertEquals("ThingsResource.list", list.get("operationId").asText());
        assertEquals("#/components/schemas/Error", list.get("responses").get("4XX").get("content").get("application/json").get("schema").get("$ref").asText());
        assertNotNull(list.get("responses").get("401"));
        JsonNode size = parameter(list, "size");
        assertEquals("integer", size.get("schema").get("type").asText());
        assertEquals(500, size.get("schema").get("maximum").asInt());
        assertEquals("integer", parameter(list, "page").get("schema").get("type").asText());
        assertEquals("string", parameter(list, "q").get("schema").get("type").asText());
        assertEquals("^[A-Za-z0-9_-]*$", parameter(list, "after").get("schema").get("pattern").asText(), "a cursor: URL-safe base64");

        JsonNode create = api.get("paths").get("/things").get("post");
        assertEquals("things.thing.write", create.get(SecretariatReader.PERMISSION).asText(), "the method's own permission first");
        assertEquals("#/components/schemas/Things.Input",
                create.get("requestBody").get("content").get("application/json").get("schema").get("$ref").asText());
        assertEquals("#/components/schemas/Things.View",
                create.get("responses").get("201").get("content").get("application/json").get("schema").get("$ref").asText(), "@Answers: " + create);
        assertNull(create.get("responses").get("default"), "the declared answer replaces swagger's guess");
        JsonNode form = api.get("paths").get("/things/{id}/files").get("post").get("requestBody").get("content").get("multipart/form-data").get("schema");
        assertEquals("binary", form.get("properties").get("file").get("format").asText(), form::toString);
        assertEquals("string", form.get("properties").get("language").get("type").asText(), form::toString);
        assertEquals("[\"file\"]", form.get("required").toString());
        JsonNode input = api.get("components").get("schemas").get("Things.Input");
        assertEquals("date", input.get("properties").get("startDate").get("format").asText(), "records' components are its properties");
        assertEquals("array", input.get("properties").get("tags").get("type").asText());
        assertEquals("[\"DECISION\",\"RECOMMENDATION\"]", input.get("properties").get("kind").get("enum").toString(), "enums by their values");
        assertNotNull(api.get("components").get("schemas").get("Others.Input"), "nested records named after their service, no collision");
        JsonNode view = api.get("components").get("schemas").get("Things.View");
        assertTrue(view.get("properties").get("title").get("nullable").asBoolean(), "a String may be null");
        assertTrue(input.get("properties").get("version").get("nullable").asBoolean(), "a Long may be null");
        assertNull(view.get("properties").get("id").get("nullable"), "a long may not");
        assertNull(view.get("properties").get("version").get("nullable"), "a long may not");
        JsonNode details = view.get("properties").get("details");
        assertEquals("object", details.get("type").asText(), details::toString);
        assertNull(details.get("additionalProperties").get("type"), "a Map<String, Object>'s values are any JSON value: " + details);
        JsonNode kind = input.get("properties").get("kind");
        assertTrue(kind.get("nullable").asBoolean(), "an enum may be null: " + kind);

        JsonNode others = api.get("paths").get("/things/{id}/others").get("put");
        assertEquals(List.of("DIRECTOR", "ADMINISTRATOR"), JSON.convertValue(others.get(SecretariatReader.ROLES), List.class));
        assertEquals("path", parameter(others, "id").get("in").asText());
        assertEquals("integer", parameter(others, "id").get("schema").get("type").asText());
        JsonNode get = api.get("paths").get("/things/{id}").get("get");
        assertEquals("#/components/schemas/Things.View",
                get.get("responses").get("default").get("content").get("application/json").get("schema").get("$ref").asText());

        JsonNode open = api.get("paths").get("/things/open").get("get");
        assertTrue(open.get(SecretariatReader.PUBLIC).asBoolean());
        assertNull(open.get("responses").get("401"), "a public operation needs no credentials");
        assertTrue(api.get("paths").get("/undeclared").get("delete").get(SecretariatReader.DENIED).asBoolean());

        JsonNode error = api.get("components").get("schemas").get("Error");
        assertEquals(Set.of("status", "error", "field"), Set.copyOf(JSON.convertValue(error.get("properties"), java.util.Map.class).keySet()));

        JsonNode document = api.get("paths").get("/openapi.json").get("get");
        assertEquals(List.of("ADMINISTRATOR"), JSON.convertValue(document.get(SecretariatReader.ROLES), List.class), "administrators only by default");
        assertNull(document.get(SecretariatReader.PUBLIC));
    }

    @Test
    void eachOperationCarriesItsSummaryAndAStableUniqueOperationId() throws Exception {
        JsonNode api = describe(false, ThingsResource.class, UndeclaredResource.class, org.secretariat.things.ThingsResource.class);
        JsonNode create = api.get("paths").get("/things").get("post");
        assertEquals("Create a thing", create.get("summary").asText());
        assertEquals("The thing starts as a draft.", create.get("description").asText());
        assertEquals("List the things, newest first", api.get("paths").get("/things").get("get").get("summary").asText());
        assertNull(api.get("paths").get("/things").get("get").get("description"), "no description unless written");
        assertNull(api.get("paths").get("/undeclared").get("delete").get("summary"), "no summary unless written");
        // Two resource classes named ThingsResource: each id names its module, whatever the order they are read in.
        assertEquals("platform.ThingsResource.create", create.get("operationId").asText());
        assertEquals("things.ThingsResource.list", api.get("paths").get("/other-things").get("get").get("operationId").asText());
        assertEquals("UndeclaredResource.remove", api.get("paths").get("/undeclared").get("delete").get("operationId").asText());
        JsonNode alone = describe(false, org.secretariat.things.ThingsResource.class);
        assertEquals("ThingsResource.list", alone.get("paths").get("/other-things").get("get").get("operationId").asText());
        Set<String> ids = new java.util.HashSet<>();
        api.get("paths").forEach(item -> item.forEach(operation -> assertTrue(ids.add(operation.get("operationId").asText()), operation::toString)));
    }

    @Test
    void aCreateLinksToTheReadUpdateAndDeleteOfWhatItCreated() throws Exception {
        JsonNode api = describe(false, ThingsResource.class);
        JsonNode links = api.get("paths").get("/things").get("post").get("responses").get("201").get("links");
        assertNotNull(links, "the 201 of POST /things links to /things/{id}");
        assertEquals("ThingsResource.get", links.get(StatefulLinks.GET).get("operationId").asText());
        assertEquals("$response.body#/id", links.get(StatefulLinks.GET).get("parameters").get("id").asText());
        assertEquals("ThingsResource.update", links.get(StatefulLinks.PUT).get("operationId").asText());
        assertEquals("ThingsResource.delete", links.get(StatefulLinks.DELETE).get("operationId").asText());
        JsonNode part = api.get("paths").get("/things/{id}/parts").get("post").get("responses").get("201").get("links");
        assertEquals("ThingsResource.part", part.get(StatefulLinks.GET).get("operationId").asText());
        assertEquals("$response.body#/id", part.get(StatefulLinks.GET).get("parameters").get("partId").asText());
        assertEquals("$request.path.id", part.get(StatefulLinks.GET).get("parameters").get("id").asText(), "the create's own path parameters passed on");
        assertNull(part.get(StatefulLinks.DELETE), "no DELETE there");
        assertNull(api.get("paths").get("/things/{id}/tags").get("post").get("responses").get("201").get("links"),
                "a create that answers another record (the thing, not the tag) links nowhere");
    }

    @Test
    void theDescriptionIsPublicWhenConfiguredSo() throws Exception {
        JsonNode document = describe(true, OpenApiJsonResource.class).get("paths").get("/openapi.json").get("get");
        assertTrue(document.get(SecretariatReader.PUBLIC).asBoolean());
        assertNull(document.get(SecretariatReader.ROLES));
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError(name + " is not a parameter of " + operation);
    }
}
