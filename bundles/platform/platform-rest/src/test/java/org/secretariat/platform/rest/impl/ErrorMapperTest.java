package org.secretariat.platform.rest.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.rest.ApiError;
import org.secretariat.platform.api.rest.ApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

class ErrorMapperTest {

    enum Status { STATE_PARTY, SIGNATORY }

    static class Body {
        public Status status;
        public LocalDate depositDate;
        public Boolean establishedPractice;
        public List<Body> children;
        public String title;
    }

    @Test
    void textWithTheNulCharacterIsRefusedNamingTheFieldOnEveryDatabase() throws Exception {
        ApiError error = errorFor("{\"children\":[{\"title\":\"Agenda\\u0000\"}]}");
        assertEquals(400, error.getStatus());
        assertEquals("children[0].title", error.getField());
        assertEquals(TextWithoutNul.MESSAGE, error.getError());
        assertEquals("Agenda \u00e9", json.readValue("{\"title\":\"Agenda \\u00e9\"}", Body.class).title, "other text is read as before");
    }

    @Test
    void databaseRefusalsBecomeClientErrorsOnPostgresqlAsOnDerby() {
        java.sql.SQLException unique = new java.sql.SQLException("duplicate key value violates unique constraint", "23505");
        assertEquals(409, mapper.toError(new RuntimeException("EclipseLink", unique)).getStatus());
        java.sql.SQLException nul = new java.sql.SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        ApiError refused = mapper.toError(new RuntimeException("EclipseLink", nul));
        assertEquals(400, refused.getStatus());
        assertEquals(TextWithoutNul.MESSAGE, refused.getError());
    }

    @Test
    void aDateIsAnIsoStringOfARealDayNotANumber() {
        assertEquals("depositDate", errorFor("{\"depositDate\":123}").getField());
        assertEquals("depositDate", errorFor("{\"depositDate\":\"2011-02-30\"}").getField());
    }

    @Test
    void aYesNoFieldIsTrueOrFalseOnly() {
        for (String value : new String[] {"1", "0", "\"yes\"", "\"true\"", "1.0"}) {
            ApiError error = errorFor("{\"establishedPractice\":" + value + "}");
            assertEquals(400, error.getStatus(), value);
            assertEquals("establishedPractice", error.getField(), value);
        }
    }

    @Test
    void messagesNameNoJavaClass() {
        for (String body : new String[] {"[1,2]", "\"text\"", "{\"status\":", "{\"children\":{\"x\":1}}", "{'a':1}"}) {
            Exception failure = assertThrows(Exception.class, () -> json.readValue(body, Body.class));
            ApiError error = mapper.toError(failure);
            assertEquals(400, error.getStatus(), body);
            assertFalse(error.getError().matches(".*(java\\.|org\\.|com\\.|`).*"), body + " -> " + error.getError());
        }
    }

    @Test
    void aServiceRefusalBecomesTheStatusOfItsKindWithItsField() {
        ApiError invalid = mapper.toError(new RuntimeException(DomainException.invalid("title", "title is required")));
        assertEquals(400, invalid.getStatus());
        assertEquals("title", invalid.getField());
        assertEquals("title is required", invalid.getError());
        assertEquals(404, mapper.toError(DomainException.notFound("Meeting 7 does not exist")).getStatus());
        ApiError conflict = mapper.toError(DomainException.conflict("Meeting 7 was changed by someone else"));
        assertEquals(409, conflict.getStatus());
        assertNull(conflict.getField());
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            assertTrue(ErrorMapper.status(kind) >= 400 && ErrorMapper.status(kind) < 500, kind.name());
        }
    }

    private final ErrorMapper mapper = new ErrorMapper();
    private final ObjectMapper json = JsonProvider.objectMapper();

    private ApiError errorFor(String body) {
        Exception failure = assertThrows(Exception.class, () -> json.readValue(body, Body.class));
        return mapper.toError(new RuntimeException("wrapped by the JAX-RS runtime", failure));
    }

    @Test
    void apiExceptionKeepsStatusMessageAndField() {
        ApiError error = mapper.toError(ApiException.badRequest("depositDate", "must not be in the future"));
        assertEquals(400, error.getStatus());
        assertEquals("depositDate", error.getField());
    }

    @Test
    void impossibleDateNamesTheField() {
        ApiError error = errorFor("{\"depositDate\":\"2011-02-30\"}");
        assertEquals(400, error.getStatus());
        assertEquals("depositDate", error.getField());
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        ApiError error = errorFor("{\"status\":\"MEMBER\"}");
        assertEquals("status", error.getField());
        assertTrue(error.getError().contains("STATE_PARTY"), error.getError());
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        assertEquals("children[1].status", errorFor("{\"children\":[{},{\"status\":\"X\"}]}").getField());
    }

    @Test
    void unknownFieldIsRefusedByName() {
        ApiError error = errorFor("{\"colour\":\"blue\"}");
        assertEquals("colour", error.getField());
    }

    @Test
    void malformedJsonIsABadRequestWithoutField() {
        ApiError error = errorFor("{\"status\":");
        assertEquals(400, error.getStatus());
        assertNull(error.getField());
    }

    @Test
    void unexpectedFailureHidesItsDetails() {
        ApiError error = mapper.toError(new IllegalStateException("secret table NOTES_NOTE is locked"));
        assertEquals(500, error.getStatus());
        assertFalse(error.getError().contains("NOTES_NOTE"));
        assertTrue(error.getError().contains("incident"));
    }

    @Test
    void datesAreWrittenAsIsoStrings() throws Exception {
        Body body = new Body();
        body.depositDate = LocalDate.of(2011, 3, 15);
        assertEquals("{\"depositDate\":\"2011-03-15\"}", json.writeValueAsString(body));
    }
}
