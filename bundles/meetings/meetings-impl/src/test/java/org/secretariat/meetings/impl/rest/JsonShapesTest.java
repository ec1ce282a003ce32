package org.secretariat.meetings.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.secretariat.meetings.impl.domain.ActionStatus;
import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.DecisionKind;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.DocumentCategory;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Actions;
import org.secretariat.meetings.impl.service.Agenda;
import org.secretariat.meetings.impl.service.Decisions;
import org.secretariat.meetings.impl.service.Documents;
import org.secretariat.meetings.impl.service.Participants;
import org.secretariat.meetings.impl.service.Programme;
import org.secretariat.meetings.impl.service.Records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The records keep the JSON the API had when its answers were maps and its bodies classes: the same fields, no more. */
class JsonShapesTest {

    /** As the platform's JSON provider writes and reads. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final LocalDate DAY = LocalDate.of(2011, 9, 16);
    private static final Instant NOW = Instant.parse("2011-09-16T10:00:00Z");

    private static List<String> fields(Object value) {
        List<String> names = new ArrayList<>();
        JSON.valueToTree(value).fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(null);
        return list;
    }

    @Test
    void answers() {
        Decisions.View decision = new Decisions.View(1L, 2, 1, DecisionKind.DECISION, "t", "x", 3L, DAY, "Clearance", true, 1);
        assertEquals(sorted("id", "meetingId", "number", "kind", "title", "text", "agendaItemId", "adoptedOn", "theme", "establishedPractice",
                "version"), fields(decision));
        assertEquals(sorted("id", "meetingId", "number", "kind", "title", "text", "agendaItemId", "adoptedOn", "theme", "establishedPractice",
                "version", "meetingTitle", "meetingType", "meetingNumber"), fields(new Decisions.PracticeEntry(decision, "m", "MSP", 2)));
        assertEquals(sorted("id", "number", "title", "parentId", "version", "items"),
                fields(new Agenda.Node(1L, "2", "t", 1L, 1, List.of())));
        assertEquals(sorted("id", "number", "title", "parentId", "version"), fields(new Agenda.Item(1L, "2", "t", 1L, 1)));
        assertEquals(sorted("id", "date", "startTime", "endTime", "room", "title", "agendaItems", "version"),
                fields(new Programme.Session(1L, DAY, "10:00", "11:00", "r", "t", "1", 1)));
        assertEquals(sorted("id", "meetingId", "decisionId", "title", "owner", "dueDate", "status", "version"),
                fields(new Actions.View(1L, 2, 3L, "t", "o", DAY, ActionStatus.OPEN, 1, null, null, null)), "1.1's fields while 1.2's are empty");
        assertEquals(sorted("id", "meetingId", "decisionId", "title", "owner", "dueDate", "status", "version", "ownerEmail", "ownerLanguage",
                "reminder"), fields(new Actions.View(1L, 2, 3L, "t", "o", DAY, ActionStatus.OPEN, 1, "o@example.org", "fr",
                new Actions.Reminder("OVERDUE", DAY, "QUEUED", "o@example.org", NOW))));
        assertEquals(sorted("id", "sessionId", "title", "text", "revision", "updatedAt", "updatedBy", "version"),
                fields(new Records.View(1L, 2L, "t", "x", 1, NOW, "ann", 1)));
        assertEquals(sorted("revision", "title", "text", "note", "changedBy", "changedAt"), fields(new Records.Revision(1, "t", "x", "n", "ann", NOW)));
        assertEquals(sorted("id", "delegationKind", "stateIso2", "delegation", "protocolGroup", "honorific", "givenName", "familyName",
                "positionTitle", "email", "role", "status", "credentialsReceived", "credentialsKind", "credentialsReceivedOn", "language",
                "accessibilityNeeds", "selfRegistered", "registeredAt", "version"), fields(registration()));
        Documents.FileView file = new Documents.FileView("en", 1, "f.pdf", "application/pdf", 10, "ab", NOW, "ann", "/api/...");
        assertEquals(sorted("language", "revision", "fileName", "contentType", "size", "sha256", "uploadedAt", "uploadedBy", "url"), fields(file));
        assertEquals(sorted("id", "meetingId", "symbol", "title", "category", "publicDocument", "issuedOn", "createdAt", "version", "files"),
                fields(new Documents.View(1L, 2, "CCM/MSP/2011/1", "t", DocumentCategory.OFFICIAL, true, DAY, NOW, 1, List.of(file))));
    }

    @Test
    void nullsAreLeftOut() {
        assertEquals(sorted("id", "number", "title", "version"), fields(new Agenda.Item(1L, "2", "t", null, 1)));
    }

    private static Participants.Registration registration() {
        return new Participants.Registration(1L, DelegationKind.STATE, "NO", "Norway", ProtocolGroup.STATE_PARTY, "H.E.", "Ann", "Berg", "Ambassador",
                "a@b.no", ParticipantRole.HEAD_OF_DELEGATION, RegistrationStatus.APPROVED, true, CredentialsKind.ORIGINAL, DAY, "fr",
                "step-free access", false, NOW, 1, null);
    }

    @Test
    void bodiesTakeTheFieldsTheyTookAndNoOthers() throws Exception {
        JsonNode row = JSON.valueToTree(registration());
        assertEquals(registration(), JSON.treeToValue(row, Participants.Registration.class), "a participant read is sent back as is");
        assertEquals(new Agenda.Item(4L, "2", "t", null, 1), JSON.readValue("{\"id\":4,\"number\":\"2\",\"title\":\"t\",\"version\":1}", Agenda.Item.class));
        assertEquals(new Documents.Issue(null), JSON.readValue("{}", Documents.Issue.class));
        JSON.readValue("{\"sessionId\":1,\"title\":\"t\",\"text\":\"x\",\"note\":\"n\",\"version\":1}", Records.Input.class);
        JSON.readValue("{\"decisionId\":1,\"title\":\"t\",\"owner\":\"o\",\"dueDate\":\"2011-10-31\",\"status\":\"DONE\",\"version\":1}", Actions.Input.class);
        JSON.readValue("{\"title\":\"t\",\"version\":1}", Documents.Update.class);
        UnrecognizedPropertyException unknown = assertThrows(UnrecognizedPropertyException.class,
                () -> JSON.readValue("{\"id\":1,\"title\":\"t\",\"text\":\"x\"}", Decisions.Input.class));
        assertEquals("id", unknown.getPropertyName());
        assertThrows(UnrecognizedPropertyException.class, () -> JSON.readValue("{\"items\":[]}", Agenda.Item.class));
        assertThrows(UnrecognizedPropertyException.class, () -> JSON.readValue("{\"path\":\"/etc\"}", Documents.Issue.class));
    }
}
