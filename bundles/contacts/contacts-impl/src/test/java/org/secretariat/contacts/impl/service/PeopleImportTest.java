package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.invalid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleImportTest {

    private final Directory directory = new Directory();
    private final PeopleImport imports = new PeopleImport(directory.database.factory(), directory.people);

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private Page<PersonDto> everyone() {
        return directory.people.list(null, null, PageRequest.parse("0", "500", "id", People.SORTABLE, "name"));
    }

    @Test
    void importsEveryRowAsCreateWouldMakeIt() {
        PeopleImport.Result result = imports.importCsv(csv("\uFEFFfamilyName,givenName,email,consent,consentDate,stateIso2,language,notes\n"
                + "Dupont,Marie,marie@example.org,true,2020-05-01,fr,fr,\"Met in Geneva, 2019\"\n"
                + "García,José,,,,ES,es,\n"
                + "Smith,,,false,,,,\n"));
        assertEquals(3, result.imported());
        List<PersonDto> people = everyone().getItems();
        assertEquals(List.of("Marie Dupont", "José García", "Smith"), people.stream().map(PersonDto::name).toList());
        PersonDto marie = people.get(0);
        assertEquals("FR", marie.stateIso2());
        assertEquals(LocalDate.of(2020, 5, 1), marie.consentDate());
        assertEquals("Met in Geneva, 2019", marie.notes());
        assertEquals("es", people.get(1).language());
        assertEquals(Boolean.FALSE, people.get(2).consent());
    }

    @Test
    void aWrongRowNamesItsLineAndFieldAndNothingIsWritten() {
        String header = "familyName,email,consent,stateIso2\n";
        assertTrue(invalid("email", () -> imports.importCsv(csv(header + "Dupont,,,FR\nMartin,not-an-address,true,FR\n"))).getMessage()
                .startsWith("line 3: "));
        assertTrue(invalid("consent", () -> imports.importCsv(csv(header + "Dupont,marie@example.org,,FR\n"))).getMessage()
                .startsWith("line 2: contact details are kept only with the person's consent"));
        assertTrue(invalid("stateIso2", () -> imports.importCsv(csv(header + "Dupont,,,FR\nMartin,,,XX\n"))).getMessage().startsWith("line 3: "));
        invalid("familyName", () -> imports.importCsv(csv(header + "Dupont,,,FR\n,,,FR\n")));
        invalid("consent", () -> imports.importCsv(csv(header + "Dupont,,yes,FR\n")));
        invalid("consentDate", () -> imports.importCsv(csv("familyName,consentDate\nDupont,1 May 2020\n")));
        assertEquals(0, everyone().getTotal(), "nothing written by a refused file");
    }

    @Test
    void theHeaderNamesKnownColumnsAndFamilyName() {
        assertTrue(invalid("header", () -> imports.importCsv(csv("familyName,shoeSize\nDupont,42\n"))).getMessage().contains("'shoeSize'"));
        invalid("familyName", () -> imports.importCsv(csv("givenName\nMarie\n")));
        invalid("file", () -> imports.importCsv(csv("")));
        invalid("file", () -> imports.importCsv(csv("familyName\n")));
        invalid("file", () -> imports.importCsv(csv("familyName,givenName\n\"Dupont,Marie\n")));
        assertEquals(0, everyone().getTotal());
    }

    @Test
    void aLargeFileIsWrittenInBatchesInOneTransaction() throws IOException {
        int count = PeopleImport.BATCH * 3 + 7;
        StringBuilder text = new StringBuilder("familyName,givenName\n");
        for (int i = 0; i < count; i++) {
            text.append("Person").append(i).append(",Given\n");
        }
        assertEquals(count, imports.importCsv(csv(text.toString())).imported());
        assertEquals(count, everyone().getTotal());
        // a bad row after many good ones: the good ones flushed before it are rolled back with it
        text.append("Bad,Given,extra\n");
        invalid("file", () -> imports.importCsv(csv(text.toString())));
        assertEquals(count, everyone().getTotal());
    }
}
