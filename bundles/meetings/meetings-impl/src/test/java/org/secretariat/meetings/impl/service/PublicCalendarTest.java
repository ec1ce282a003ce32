package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicAgendaItem;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.meetings.api.PublicDocumentFile;

/**
 * What the website sees through {@link org.secretariat.meetings.api.MeetingCalendar}: public meetings
 * only, and of them only documents that are public and issued. The tests share the module's database
 * with the others (whose documents are issued on {@link TestModule#TODAY}), so each looks only at the
 * meetings and documents it made.
 */
@ExtendWith(TestModule.Shared.class)
class PublicCalendarTest {

    private final TestModule module;

    PublicCalendarTest(TestModule module) {
        this.module = module;
    }

    private long restrictedMeeting(LocalDate start) {
        MeetingJson restricted = new MeetingJson();
        restricted.type = "IM";
        restricted.title = "Restricted consultations";
        restricted.startDate = start;
        restricted.endDate = start;
        restricted.publicMeeting = false;
        return module.meetings.create(restricted).id;
    }

    private long publicMeeting(String title, LocalDate start) {
        return module.meeting("IM", title, start, start.plusDays(1)).id;
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** An upload as the REST layer hands it over: received in the incoming folder, its checksum computed. */
    private Documents.ReceivedFile received(byte[] content, String fileName) throws Exception {
        Path file = Files.createTempFile(Files.createDirectories(module.documents.incomingFolder()), "upload-", ".part");
        Files.write(file, content);
        return new Documents.ReceivedFile(file, fileName, DocumentFormats.PDF, content.length, sha256(content));
    }

    private Documents.View document(long meetingId, String title, byte[] content) throws Exception {
        return module.documents.create(meetingId, Documents.NewDocument.of(title, "WORKING_PAPER", "en"), received(content, ""), "ann");
    }

    /** A document created and issued on {@code issuedOn}. */
    private Documents.View issued(long meetingId, String title, LocalDate issuedOn) throws Exception {
        Documents.View document = document(meetingId, title, pdf(title));
        return module.documents.publish(meetingId, document.id(), new Documents.Issue(issuedOn));
    }

    private static List<Long> ids(List<PublicDocument> documents) {
        return documents.stream().map(PublicDocument::documentId).collect(Collectors.toList());
    }

    private static List<Long> meetingIds(List<MeetingSummary> meetings) {
        return meetings.stream().map(MeetingSummary::id).collect(Collectors.toList());
    }

    @Test
    void theWebsiteSeesPublicMeetingsOnly() {
        long hidden = restrictedMeeting(LocalDate.of(2041, 3, 1));
        long shown = module.meeting("MSP", "Public meeting of 2041", LocalDate.of(2041, 9, 1), LocalDate.of(2041, 9, 3)).id;
        long ended = module.pastMeeting();

        List<Long> upcoming = meetingIds(module.calendar.upcomingPublicMeetings(500));
        assertTrue(upcoming.contains(shown));
        assertFalse(upcoming.contains(hidden));
        assertFalse(upcoming.contains(ended));
        assertEquals(List.of(), module.calendar.upcomingPublicMeetings(0), "at most none");
        assertEquals(List.of(shown), meetingIds(module.calendar.publicMeetings(2041)));
        assertEquals(List.of(), module.calendar.publicDocuments(hidden));

        List<Long> all = meetingIds(module.calendar.allPublicMeetings());
        assertTrue(all.contains(shown) && all.contains(ended), "past and upcoming");
        assertFalse(all.contains(hidden));
        assertEquals(Optional.of("Public meeting of 2041"), module.calendar.publicMeeting(shown).map(MeetingSummary::title));
        assertEquals(Optional.empty(), module.calendar.publicMeeting(hidden));
        assertEquals(Optional.empty(), module.calendar.publicMeeting(999999));
    }

    @Test
    void allPublicMeetingsAreListedByStartDate() {
        long late = publicMeeting("Late in 2036", LocalDate.of(2036, 11, 2));
        long early = publicMeeting("Early in 2036", LocalDate.of(2036, 2, 2));
        long sameDay = publicMeeting("Also early in 2036", LocalDate.of(2036, 2, 2));
        long before = publicMeeting("In 2035", LocalDate.of(2035, 6, 1));
        List<Long> mine = List.of(late, early, sameDay, before);
        assertEquals(List.of(before, early, sameDay, late),
                meetingIds(module.calendar.allPublicMeetings()).stream().filter(mine::contains).collect(Collectors.toList()),
                "by start date, then as created");
    }

    @Test
    void aRestrictedMeetingShowsNothingAnywhere() throws Exception {
        long hidden = restrictedMeeting(LocalDate.of(2032, 5, 4));
        module.agenda.add(hidden, new Agenda.Item(null, "1", "Opening", null, null));
        Documents.View document = issued(hidden, "Restricted paper Kestrel", TestModule.TODAY);

        assertEquals(Optional.empty(), module.calendar.publicMeeting(hidden));
        assertFalse(meetingIds(module.calendar.allPublicMeetings()).contains(hidden));
        assertEquals(List.of(), module.calendar.publicAgenda(hidden));
        assertEquals(List.of(), module.calendar.publicDocuments(hidden));
        assertEquals(Optional.empty(), module.calendar.publicDocument(document.id()));
        assertFalse(ids(module.calendar.recentPublicDocuments(1000)).contains(document.id()));
        assertEquals(List.of(), module.calendar.searchPublicDocuments("kestrel", 10));
        assertEquals(List.of(), module.calendar.searchPublicDocuments(document.symbol(), 10));
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(document.id(), "en"));
    }

    @Test
    void aMeetingMadeRestrictedDisappearsAndIsAnnounced() throws Exception {
        long meetingId = publicMeeting("Meeting made restricted", LocalDate.of(2032, 8, 1));
        Documents.View document = issued(meetingId, "Paper Osprey", TestModule.TODAY);
        assertTrue(module.calendar.publicDocument(document.id()).isPresent());
        assertEquals(1, module.calendar.searchPublicDocuments("osprey", 10).size());

        MeetingJson change = module.meetings.get(meetingId);
        change.publicMeeting = false;
        module.meetings.update(meetingId, change);
        assertEquals(MeetingEvents.MEETING_CHANGED, last(meetingId));
        assertEquals(Optional.empty(), module.calendar.publicMeeting(meetingId));
        assertEquals(Optional.empty(), module.calendar.publicDocument(document.id()));
        assertEquals(List.of(), module.calendar.searchPublicDocuments("osprey", 10));
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(document.id(), "en"));
    }

    @Test
    void aDocumentNotIssuedOrWithdrawnIsNotPublic() throws Exception {
        long meetingId = publicMeeting("Meeting with drafts", LocalDate.of(2033, 4, 1));
        Documents.View draft = document(meetingId, "Draft Heron", pdf("draft"));
        assertEquals(Optional.empty(), module.calendar.publicDocument(draft.id()), "not issued");
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(draft.id(), "en"));
        assertEquals(List.of(), module.calendar.searchPublicDocuments("heron", 10));
        assertFalse(ids(module.calendar.recentPublicDocuments(1000)).contains(draft.id()));

        Documents.View issued = issued(meetingId, "Paper Plover", TestModule.TODAY);
        assertEquals(Optional.of("Paper Plover"), module.calendar.publicDocument(issued.id()).map(PublicDocument::title));
        module.documents.unpublish(meetingId, issued.id());
        assertEquals(List.of(MeetingEvents.MEETING_CHANGED, MeetingEvents.DOCUMENT_WITHDRAWN),
                module.events.about(meetingId).subList(module.events.about(meetingId).size() - 2, module.events.about(meetingId).size()));
        assertEquals(Optional.empty(), module.calendar.publicDocument(issued.id()), "withdrawn: issued, not public");
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(issued.id(), "en"));
        assertEquals(List.of(), module.calendar.searchPublicDocuments("plover", 10));
        assertFalse(ids(module.calendar.recentPublicDocuments(1000)).contains(issued.id()));
        assertEquals(Optional.empty(), module.calendar.publicDocument(999999));
    }

    @Test
    void aTitleChangeIsAnnouncedWhenThePublicSeesTheDocument() throws Exception {
        long meetingId = publicMeeting("Meeting with renamed papers", LocalDate.of(2033, 6, 1));
        Documents.View draft = document(meetingId, "Draft Avocet", pdf("avocet"));
        int before = module.events.about(meetingId).size();
        module.documents.update(meetingId, draft.id(), new Documents.Update("Draft Avocet, revised", draft.version()));
        assertEquals(before, module.events.about(meetingId).size(), "nothing the public sees changed");

        Documents.View issued = issued(meetingId, "Paper Godwit", TestModule.TODAY);
        module.documents.update(meetingId, issued.id(), new Documents.Update("Paper Godwit, revised", issued.version()));
        assertEquals(MeetingEvents.DOCUMENT_CHANGED, last(meetingId));
        assertEquals(issued.id(), module.events.posted.get(module.events.posted.size() - 1).getProperty(MeetingEvents.DOCUMENT_ID));
        assertEquals(List.of("Paper Godwit, revised"), module.calendar.searchPublicDocuments("godwit", 10).stream().map(PublicDocument::title)
                .collect(Collectors.toList()));
    }

    @Test
    void theAgendaOfAPublicMeetingIsInTheOrderPeopleReadIt() {
        long meetingId = publicMeeting("Meeting with an agenda", LocalDate.of(2034, 3, 1));
        module.agenda.add(meetingId, new Agenda.Item(null, "10", "Closing", null, null));
        Agenda.Item two = module.agenda.add(meetingId, new Agenda.Item(null, "2", "General exchange of views", null, null));
        module.agenda.add(meetingId, new Agenda.Item(null, "2(b)", "Clearance", two.id(), null));
        module.agenda.add(meetingId, new Agenda.Item(null, "2(a)", "Universalization", two.id(), null));
        module.agenda.add(meetingId, new Agenda.Item(null, "1", "Opening", null, null));
        assertEquals(MeetingEvents.MEETING_CHANGED, last(meetingId), "an agenda change is announced");

        List<PublicAgendaItem> agenda = module.calendar.publicAgenda(meetingId);
        assertEquals(List.of("1", "2", "2(a)", "2(b)", "10"), agenda.stream().map(PublicAgendaItem::number).collect(Collectors.toList()));
        assertEquals("Universalization", agenda.get(2).title());
        assertEquals("2", agenda.get(2).parentNumber());
        assertEquals(null, agenda.get(1).parentNumber());
        assertEquals(meetingId, agenda.get(4).meetingId());
        assertEquals(List.of(), module.calendar.publicAgenda(999999));
    }

    @Test
    void recentDocumentsAreTheNewestIssuedFirst() throws Exception {
        long first = publicMeeting("First meeting with papers", LocalDate.of(2031, 2, 1));
        long second = publicMeeting("Second meeting with papers", LocalDate.of(2031, 3, 1));
        long oldest = issued(first, "Paper of the 10th", LocalDate.of(2011, 9, 10)).id();
        long newest = issued(first, "Paper of the 19th", LocalDate.of(2011, 9, 19)).id();
        long middle = issued(second, "Paper of the 15th", LocalDate.of(2011, 9, 15)).id();
        long sameDayLater = issued(second, "Another paper of the 19th", LocalDate.of(2011, 9, 19)).id();
        List<Long> mine = List.of(oldest, newest, middle, sameDayLater);

        List<Long> recent = ids(module.calendar.recentPublicDocuments(1000)).stream().filter(mine::contains).collect(Collectors.toList());
        assertEquals(List.of(sameDayLater, newest, middle, oldest), recent, "by issue date, the same day's last created first");
        assertEquals(1, module.calendar.recentPublicDocuments(1).size());
        assertEquals(List.of(), module.calendar.recentPublicDocuments(0));
        PublicDocument shown = module.calendar.publicDocument(middle).orElseThrow();
        assertEquals(second, shown.meetingId());
        assertEquals(LocalDate.of(2011, 9, 15), shown.issuedOn());
        assertEquals(List.of("en"), shown.languages());
        assertEquals("WORKING_PAPER", shown.category());
    }

    @Test
    void searchMatchesTitleOrSymbolIgnoringCaseAndItsWildcardsAreLiteral() throws Exception {
        long meetingId = publicMeeting("Meeting with searched papers", LocalDate.of(2034, 5, 1));
        Documents.View percent = issued(meetingId, "Clearance at 100% Pelican", LocalDate.of(2011, 9, 12));
        Documents.View thousand = issued(meetingId, "Clearance at 1000 Pelican", LocalDate.of(2011, 9, 13));
        Documents.View underscore = issued(meetingId, "Form QX_7 Pelican", LocalDate.of(2011, 9, 14));
        Documents.View letter = issued(meetingId, "Form QXY7 Pelican", LocalDate.of(2011, 9, 15));
        Documents.View backslash = issued(meetingId, "Path a\\b Pelican", LocalDate.of(2011, 9, 16));

        assertEquals(List.of(percent.id()), ids(module.calendar.searchPublicDocuments("100%", 10)), "% is not a wildcard");
        assertEquals(List.of(underscore.id()), ids(module.calendar.searchPublicDocuments("qx_7", 10)), "_ is not a wildcard, case ignored");
        assertEquals(List.of(backslash.id()), ids(module.calendar.searchPublicDocuments("a\\b", 10)));
        assertEquals(List.of(backslash.id(), letter.id(), underscore.id(), thousand.id(), percent.id()),
                ids(module.calendar.searchPublicDocuments(" PELICAN ", 10)), "newest issued first");
        assertEquals(2, module.calendar.searchPublicDocuments("pelican", 2).size());
        assertEquals(List.of(letter.id()), ids(module.calendar.searchPublicDocuments(letter.symbol().toLowerCase(), 10)), "by symbol");
        assertEquals(List.of(), module.calendar.searchPublicDocuments("  ", 10));
        assertEquals(List.of(), module.calendar.searchPublicDocuments(null, 10));
        assertEquals(List.of(), module.calendar.searchPublicDocuments("pelican", 0));
        assertEquals(List.of(percent.id()), ids(module.calendar.searchPublicDocuments("%", 1000)).stream()
                .filter(id -> id.equals(percent.id()) || id.equals(thousand.id())).collect(Collectors.toList()), "a lone % matches only a %");
    }

    @Test
    void aPublicFileIsTheLatestRevisionWithTheUploadedBytes() throws Exception {
        long meetingId = publicMeeting("Meeting with files", LocalDate.of(2034, 9, 1));
        byte[] english = new byte[256 * 4];
        for (int i = 0; i < english.length; i++) {
            english[i] = (byte) i;
        }
        Documents.View document = module.documents.create(meetingId, Documents.NewDocument.of("Report", "INFORMATION", "en"),
                received(english, "report.pdf"), "ann");
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(document.id(), "en"), "not issued yet");
        module.documents.publish(meetingId, document.id(), null);
        byte[] corrected = english.clone();
        corrected[0] = '%';
        corrected[english.length - 1] = '\r';
        module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("en"), received(corrected, "report-corr.pdf"), "bob");
        byte[] french = pdf("rapport");
        module.documents.addFile(meetingId, document.id(), Documents.NewVersion.of("fr"), received(french, "rapport.pdf"), "bob");
        assertEquals(List.of(MeetingEvents.DOCUMENT_PUBLISHED, MeetingEvents.DOCUMENT_PUBLISHED, MeetingEvents.DOCUMENT_PUBLISHED),
                module.events.about(meetingId).subList(1, 4), "issued, a revision, a language version");

        PublicDocumentFile file = module.calendar.publicDocumentFile(document.id(), "EN").orElseThrow();
        assertEquals(2, file.revision());
        assertEquals("en", file.language());
        assertEquals("report-corr.pdf", file.fileName());
        assertEquals(DocumentFormats.PDF, file.mediaType());
        assertEquals(corrected.length, file.size());
        assertEquals(document.symbol(), file.symbol());
        assertEquals(TestModule.TODAY.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC), file.lastModified());
        byte[] read;
        try (InputStream in = file.open()) {
            read = in.readAllBytes();
        }
        assertArrayEquals(corrected, read);
        assertEquals(sha256(corrected), file.sha256());
        assertEquals(file.sha256(), sha256(read), "the bytes read back have the uploaded SHA-256");
        try (InputStream again = file.open()) {
            assertArrayEquals(corrected, again.readAllBytes(), "each open reads from the start");
        }

        PublicDocumentFile inFrench = module.calendar.publicDocumentFile(document.id(), "fr").orElseThrow();
        try (InputStream in = inFrench.open()) {
            assertEquals(sha256(french), sha256(in.readAllBytes()));
        }
        assertEquals(List.of("en", "fr"), module.calendar.publicDocument(document.id()).orElseThrow().languages());
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(document.id(), "es"), "no Spanish version");
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(document.id(), null));
        assertEquals(Optional.empty(), module.calendar.publicDocumentFile(999999, "en"));
    }

    private String last(long meetingId) {
        List<String> topics = module.events.about(meetingId);
        return topics.get(topics.size() - 1);
    }
}
