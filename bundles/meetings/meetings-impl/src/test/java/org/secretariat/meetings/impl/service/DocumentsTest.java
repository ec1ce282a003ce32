package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.meetings.impl.domain.DocumentCategory;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** Each test holds review conferences of a year of its own: symbols are numbered per meeting type and year. */
@ExtendWith(TestModule.Shared.class)
class DocumentsTest {

    private final TestModule module;

    DocumentsTest(TestModule module) {
        this.module = module;
    }

    private long reviewConference(int year) {
        return module.meeting("RC", "Review Conference " + year, LocalDate.of(year, 9, 7), LocalDate.of(year, 9, 11)).id;
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An upload as the REST layer hands it over: received in the incoming folder, its checksum computed. */
    private Documents.ReceivedFile received(byte[] content, String fileName) throws Exception {
        Path file = Files.createTempFile(Files.createDirectories(module.documents.incomingFolder()), "upload-", ".part");
        Files.write(file, content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return new Documents.ReceivedFile(file, fileName, DocumentFormats.PDF, content.length, sha256);
    }

    private Documents.View create(long meetingId, String category, String text) throws Exception {
        return module.documents.create(meetingId, Documents.NewDocument.of("Paper on " + text, category, "en"), received(pdf(text), ""), "ann");
    }

    @Test
    void symbolsFollowTheProfilesPatternAndStayUniqueAcrossTheMeetingsOfAYear() throws Exception {
        long first = reviewConference(2019);
        assertEquals("CCM/RC/2019/WP.1", create(first, "working_paper", "universalization").symbol());
        assertEquals("CCM/RC/2019/WP.2", create(first, "WORKING_PAPER", "clearance").symbol());
        assertEquals("CCM/RC/2019/1", create(first, "OFFICIAL", "the agenda").symbol(), "the official series has no category code");
        long second = reviewConference(2019);
        assertEquals("CCM/RC/2019/WP.3", create(second, "WORKING_PAPER", "stockpiles").symbol(), "the pattern has no meeting number");
        assertEquals("CCM/RC/2020/WP.1", create(reviewConference(2020), "WORKING_PAPER", "a new year").symbol());
        assertEquals(List.of("CCM/RC/2019/1", "CCM/RC/2019/WP.1", "CCM/RC/2019/WP.2"),
                module.documents.list(first).stream().map(Documents.View::symbol).collect(Collectors.toList()), "by category, then sequence");
    }

    @Test
    void theFormIsCheckedTitleFirstThenCategoryThenLanguage() {
        assertRefused(Kind.INVALID, "title", "title is required", () -> Documents.NewDocument.of(null, "MEMO", "xx"));
        assertRefused(Kind.INVALID, "category", "category must be one of " + java.util.Arrays.toString(DocumentCategory.values()),
                () -> Documents.NewDocument.of("Paper", "MEMO", "xx"));
        assertRefused(Kind.INVALID, "language", "language is an ISO 639-1 code such as en, fr, es, ar, ru, zh",
                () -> Documents.NewDocument.of("Paper", "OFFICIAL", "xx"));
        assertEquals(new Documents.NewDocument("Paper", DocumentCategory.OFFICIAL, "fr"), Documents.NewDocument.of(" Paper ", "official", "FR"));
        assertEquals(1024 * 1024, module.documents.maxUploadBytes());
    }

    @Test
    void filesAreKeptOncePerContentAndEachLanguageHasItsRevisions() throws Exception {
        long meetingId = reviewConference(2021);
        byte[] english = pdf("english");
        Documents.View document = module.documents.create(meetingId, Documents.NewDocument.of("Report", "INFORMATION", "en"),
                received(english, ""), "ann");
        assertEquals("CCM/RC/2021/INF.1.pdf", document.files().get(0).fileName(), "named after the symbol when the browser gave no name");
        byte[] corrected = pdf("english, corrected");
        module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("en"), received(corrected, "report.pdf"), "bob");
        Documents.View withFrench = module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("FR"), received(english, "fr.pdf"), "bob");
        assertEquals(List.of("en 2 bob", "fr 1 bob"), withFrench.files().stream().map(f -> f.language() + " " + f.revision() + " " + f.uploadedBy())
                .collect(Collectors.toList()), "the latest revision of each language");

        Documents.Download latest = module.documents.download(meetingId, document.id(), "en", null);
        assertArrayEquals(corrected, Files.readAllBytes(latest.path()));
        Documents.Download firstRevision = module.documents.download(meetingId, document.id(), "en", 1);
        assertArrayEquals(english, Files.readAllBytes(firstRevision.path()));
        assertEquals(firstRevision.path(), module.documents.download(meetingId, document.id(), "fr", null).path(), "the same content, kept once");

        assertRefused(Kind.NOT_FOUND, null, "Document CCM/RC/2021/INF.1 has no es version",
                () -> module.documents.download(meetingId, document.id(), "es", null));
        assertRefused(Kind.NOT_FOUND, null, "Document CCM/RC/2021/INF.1 has no en version revision 9",
                () -> module.documents.download(meetingId, document.id(), "en", 9));
        long otherMeeting = reviewConference(2021);
        assertRefused(Kind.NOT_FOUND, null, "No document " + document.id() + " in meeting " + otherMeeting,
                () -> module.documents.requireDocument(otherMeeting, document.id()));
    }

    @Test
    void publishingIssuesTheDocumentAndThePublicSideHearsOfIt() throws Exception {
        long meetingId = reviewConference(2022);
        Documents.View document = create(meetingId, "OFFICIAL", "the final report");
        assertRefused(Kind.INVALID, "issuedOn", "issuedOn is in the future: publish the document on the day it is issued",
                () -> module.documents.publish(meetingId, document.id(), new Documents.Issue(TestModule.TODAY.plusDays(1))));
        assertEquals(List.of(), module.calendar.publicDocuments(meetingId));

        Documents.View published = module.documents.publish(meetingId, document.id(), null);
        assertEquals(TestModule.TODAY, published.issuedOn());
        module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("fr"), received(pdf("rapport final"), ""), "ann");
        assertEquals(List.of(MeetingEvents.MEETING_CHANGED, MeetingEvents.DOCUMENT_PUBLISHED, MeetingEvents.DOCUMENT_PUBLISHED),
                module.events.about(meetingId), "created, issued, a language version added");
        assertEquals("CCM/RC/2022/1", module.events.posted.get(module.events.posted.size() - 1).getProperty(MeetingEvents.SYMBOL));
        List<PublicDocument> shown = module.calendar.publicDocuments(meetingId);
        assertEquals(List.of("en", "fr"), shown.get(0).languages());

        Documents.View unpublished = module.documents.unpublish(meetingId, document.id());
        assertFalse(unpublished.publicDocument());
        assertEquals(TestModule.TODAY, unpublished.issuedOn(), "it stays issued");
        assertEquals(List.of(MeetingEvents.MEETING_CHANGED, MeetingEvents.DOCUMENT_WITHDRAWN), module.events.about(meetingId).subList(3, 5),
                "the meeting changed, as in 1.1.1, and the document was withdrawn");
        assertEquals(List.of(), module.calendar.publicDocuments(meetingId));
    }

    @Test
    void theApprovedParticipantsAreToldOnceThatADocumentIsAvailable() throws Exception {
        long meetingId = reviewConference(2024);
        Participants.Registration approved = module.participants.register(meetingId, new Participants.Registration(null,
                org.secretariat.meetings.impl.domain.DelegationKind.ORGANISATION, null, "ICRC", null, null, "Ann", "Lefèvre", null,
                "ann.lefevre@icrc.org", null, null, null, null, null, "fr", null, null, null, null, null));
        module.participants.update(meetingId, approved.id(), new Participants.Registration(approved.id(), null, null, null, null, null, "Ann",
                "Lefèvre", null, "ann.lefevre@icrc.org", null, org.secretariat.meetings.impl.domain.RegistrationStatus.APPROVED, null, null, null,
                "fr", null, null, null, approved.version(), null));
        module.participants.register(meetingId, new Participants.Registration(null, org.secretariat.meetings.impl.domain.DelegationKind.ORGANISATION,
                null, "UNDP", null, null, null, "Pending", null, "pending@undp.org", null, null, null, null, null));
        Documents.View document = create(meetingId, "WORKING_PAPER", "victim assistance");
        module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("fr"), received(pdf("assistance"), ""), "ann");
        String key = "meetings:document-available:" + document.id() + ":";

        module.documents.publish(meetingId, document.id(), null);
        List<org.secretariat.platform.api.mail.Mail> told = module.mailer.committed(key);
        assertEquals(1, told.size(), "the approved participant only");
        assertEquals("ann.lefevre@icrc.org", told.get(0).to());
        assertEquals("Document disponible : " + document.symbol(), told.get(0).subject());
        assertTrue(told.get(0).text().contains("Langues : en, fr"), told.get(0).text());
        assertTrue(told.get(0).text().contains("publié le 20 septembre 2011"), told.get(0).text());

        module.documents.unpublish(meetingId, document.id());
        module.documents.publish(meetingId, document.id(), null);
        module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("es"), received(pdf("asistencia"), ""), "ann");
        assertEquals(1, module.mailer.committed(key).size(), "once per document and participant");
    }

    @Test
    void aTitleIsChangedWithTheVersionRead() throws Exception {
        long meetingId = reviewConference(2023);
        Documents.View document = create(meetingId, "BACKGROUND", "history");
        Documents.View renamed = module.documents.update(meetingId, document.id(), new Documents.Update("History of the Convention", document.version()));
        assertEquals("History of the Convention", renamed.title());
        assertRefused(Kind.CONFLICT, null, "Document " + document.id() + " was changed by someone else (now version " + renamed.version()
                + "); reload and try again", () -> module.documents.update(meetingId, document.id(), new Documents.Update("x", document.version())));
        assertRefused(Kind.NOT_FOUND, null, "No meeting 999999", () -> module.documents.requireMeeting(999999));
    }
}
