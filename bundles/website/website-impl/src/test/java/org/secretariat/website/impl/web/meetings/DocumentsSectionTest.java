package org.secretariat.website.impl.web.meetings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.SiteRequest;

class DocumentsSectionTest {

    private static final byte[] ENGLISH = {'%', 'P', 'D', 'F', 0, (byte) 0xff, (byte) 0xfe, '\r', '\n', 0x1b};
    private static final byte[] FRENCH = {'%', 'P', 'D', 'F', 1, 2, 3};

    private final InMemoryCalendar calendar = new InMemoryCalendar(LocalDate.of(2026, 6, 1));
    private final DocumentsSection section = new DocumentsSection(calendar);

    DocumentsSectionTest() {
        calendar.meeting(1, "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        calendar.meeting(2, "Restricted", LocalDate.of(2011, 10, 1), LocalDate.of(2011, 10, 1), false);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("en", ENGLISH);
        files.put("fr", FRENCH);
        calendar.document(1, 9, "CCM/MSP/2011/WP.1", "Universalization", LocalDate.of(2011, 9, 1), true, files);
        calendar.document(1, 10, "CCM/MSP/2011/WP.2", "Draft", LocalDate.of(2011, 9, 1), false, files);
        calendar.document(2, 11, "CCM/MSP/2011/INF.1", "Of a restricted meeting", LocalDate.of(2011, 9, 1), true, files);
    }

    private Optional<Answer> get(boolean languageInPath, String... segments) throws Exception {
        return section.answer(new SiteRequest("en", languageInPath, List.of(segments), Map.of(), "http://localhost"));
    }

    @Test
    void aPublicDocumentsLanguageVersionIsStreamedAsStoredWithItsChecksumAndName() throws Exception {
        for (Map.Entry<String, byte[]> version : Map.of("en", ENGLISH, "fr", FRENCH).entrySet()) {
            Answer.Stream stream = (Answer.Stream) get(false, "9", version.getKey()).orElseThrow();
            assertEquals("application/pdf", stream.contentType());
            assertEquals(version.getValue().length, stream.size());
            assertEquals(InMemoryCalendar.sha256(version.getValue()), stream.etag());
            assertEquals("document-" + version.getKey() + ".pdf", stream.fileName());
            assertEquals(Instant.parse("2011-09-01T10:15:30Z"), stream.lastModified());
            try (InputStream in = stream.source().open()) {
                assertArrayEquals(version.getValue(), in.readAllBytes(), "byte for byte");
            }
        }
    }

    @Test
    void anythingNotPublicOrNotAFileAddressIsNotFound() throws Exception {
        assertTrue(get(false, "10", "en").isEmpty(), "a document that is not public");
        assertTrue(get(false, "11", "en").isEmpty(), "a document of a restricted meeting");
        assertTrue(get(false, "9", "es").isEmpty(), "a language it does not exist in");
        assertTrue(get(false, "404", "en").isEmpty(), "unknown");
        assertTrue(get(true, "9", "en").isEmpty(), "a file has one address, without the site's language");
        assertTrue(get(false, "9", "EN").isEmpty(), "the language in lower case only");
        assertTrue(get(false, "9").isEmpty());
        assertTrue(get(false, "9", "en", "x").isEmpty());
        assertTrue(get(false, "x9", "en").isEmpty());

        calendar.withdraw(9);
        assertTrue(get(false, "9", "en").isEmpty(), "withdrawn");
    }
}
