package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The API's error contract, {@code {"status","error","field"}}, and records kept across an upgrade, as the module tests check them. */
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

    /** Every field that was there is there with the same value, in every answer read before; a later release may add fields. */
    static void assertKept(Map<String, JsonNode> before, Map<String, JsonNode> after, String when) {
        before.forEach((what, node) -> assertContained(node, after.get(what), what + " " + when));
    }

    private static void assertContained(JsonNode before, JsonNode after, String where) {
        if (after == null || after.isMissingNode()) {
            fail(where + ": missing, was " + before);
        } else if (before.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = before.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertContained(field.getValue(), after.path(field.getKey()), where + "." + field.getKey());
            }
        } else if (before.isArray()) {
            assertEquals(before.size(), after.size(), where + ": " + after);
            for (int i = 0; i < before.size(); i++) {
                assertContained(before.get(i), after.get(i), where + "[" + i + "]");
            }
        } else if (before.isNumber() && after.isNumber()) {
            // by value: 1000 and 1000.00 are the same amount
            assertEquals(0, before.decimalValue().compareTo(after.decimalValue()), where + ": " + before + " became " + after);
        } else {
            assertEquals(before, after, where);
        }
    }
}
