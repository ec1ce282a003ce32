package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meetings 1.2's public registration form ({@code /register/<link>}) as a browser without JavaScript
 * uses it: plain HTTP, the form's fields as the browser sends them, the credentials letter as a
 * multipart file part. Shared by the tests that register delegations through it.
 */
final class PublicRegistration {

    /** A credentials letter: the smallest content the form takes for a PDF. */
    static final byte[] LETTER = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% credentials of the delegation\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    private static final int ROWS = 6;

    private PublicRegistration() {
    }

    /** A planned meeting two months ahead (main meeting type of the profile served) whose registration closes {@code deadline}. */
    static long meeting(Http admin, String title, Instant deadline) throws Exception {
        LocalDate start = LocalDate.now().plusMonths(2);
        Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + ServedProfile.of(admin).mainMeetingType() + "\",\"title\":\"" + title
                + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(3) + "\",\"venue\":\"Palais des Nations\",\"city\":\"Geneva\","
                + "\"registrationDeadline\":\"" + deadline + "\"}");
        assertEquals(201, created.status, created::toString);
        assertEquals(deadline.toString(), created.json.get("registrationClosesAt").asText());
        return created.json.get("id").asLong();
    }

    /** The nonce a rendering of the form carries, which its POST must return. */
    static String nonce(String html) {
        Matcher matcher = NONCE.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    /** The form's fields sent by Norway's focal point Kari Berg (kari.berg@mfa.no); see {@link #fieldsFrom}. */
    static Map<String, String> fields(String nonce, String language, String... delegates) {
        return fieldsFrom(nonce, language, "Kari Berg", "kari.berg@mfa.no", delegates);
    }

    /**
     * The form's fields as a browser sends them: the focal point, the honeypot empty, a delegate per
     * row given ({@code given|family|function|email|language|role|needs}), the other rows empty.
     */
    static Map<String, String> fieldsFrom(String nonce, String language, String focalName, String focalEmail, String... delegates) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nonce", nonce);
        fields.put("lang", language);
        fields.put("focalName", focalName);
        fields.put("focalEmail", focalEmail);
        fields.put("website", "");
        for (int row = 1; row <= ROWS; row++) {
            String[] delegate = row <= delegates.length ? delegates[row - 1].split("\\|", -1) : new String[] {"", "", "", "", "en", "DELEGATE", ""};
            String prefix = "d" + row + "-";
            fields.put(prefix + "given", delegate[0]);
            fields.put(prefix + "family", delegate[1]);
            fields.put(prefix + "function", delegate[2]);
            fields.put(prefix + "email", delegate[3]);
            fields.put(prefix + "language", delegate[4]);
            fields.put(prefix + "role", delegate[5]);
            fields.put(prefix + "needs", delegate[6]);
        }
        return fields;
    }

    /** Posts the form with the letter, as the browser does. */
    static Http.Answer send(Http visitor, String token, Map<String, String> fields, byte[] letter) throws Exception {
        return visitor.multipart("/register/" + token, fields, "letter", "credentials.pdf", "application/pdf", letter);
    }

    /**
     * A focal point opens the link's form, fills it in (delegates as in {@link #fieldsFrom})
     * and sends it with the letter: the registration is taken (303 to the confirmation).
     */
    static void register(Http visitor, String token, String language, String focalName, String focalEmail, String... delegates) throws Exception {
        Http.Answer form = visitor.get("/register/" + token + "?lang=" + language);
        assertEquals(200, form.status, form::toString);
        Http.Answer sent = send(visitor, token, fieldsFrom(nonce(form.body), language, focalName, focalEmail, delegates), LETTER);
        assertEquals(303, sent.status, sent::toString);
    }
}
