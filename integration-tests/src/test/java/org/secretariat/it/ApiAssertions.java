package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's error contract, {@code {"status","error","field"}}, as the module tests check it. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    /** The answer is an error with this status, a message, and (unless {@code field} is null) this field. */
    static void assertError(Http.Answer answer, int status, String field) {
        assertEquals(status, answer.status, answer::toString);
        assertTrue(answer.json != null && answer.json.hasNonNull("error"), answer::toString);
        assertEquals(status, answer.json.get("status").asInt(), answer::toString);
        if (field != null) {
            assertEquals(field, answer.json.path("field").asText(null), answer::toString);
        }
    }
}
