package org.secretariat.website.impl.web.meetings;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicAgendaItem;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.meetings.api.PublicDocumentFile;

/**
 * The meetings module's calendar as its contract (meetings-api 1.2) describes it, in memory: restricted
 * meetings and non-public documents are never answered. Enough to test what the website makes of it.
 */
public final class InMemoryCalendar implements MeetingCalendar {

    /** A document with whether it is public and its files by language. */
    private record Stored(PublicDocument document, boolean open, Map<String, byte[]> files) {
    }

    private final LocalDate today;
    private final Map<Long, MeetingSummary> meetings = new LinkedHashMap<>();
    private final Map<Long, Stored> documents = new LinkedHashMap<>();
    private final Map<Long, List<PublicAgendaItem>> agendas = new LinkedHashMap<>();

    public InMemoryCalendar(LocalDate today) {
        this.today = today;
    }

    public MeetingSummary meeting(long id, String title, LocalDate start, LocalDate end, boolean open) {
        MeetingSummary meeting = new MeetingSummary(id, "MSP", (int) id, title, start, end, "Geneva",
                end.isBefore(today) ? MeetingStatus.CONCLUDED : MeetingStatus.PLANNED, open);
        meetings.put(id, meeting);
        return meeting;
    }

    public PublicDocument document(long meetingId, long id, String symbol, String title, LocalDate issuedOn, boolean open,
            Map<String, byte[]> files) {
        PublicDocument document = new PublicDocument(meetingId, id, symbol, title, "WORKING_PAPER", new ArrayList<>(files.keySet()), issuedOn);
        documents.put(id, new Stored(document, open, new LinkedHashMap<>(files)));
        return document;
    }

    public void withdraw(long documentId) {
        Stored stored = documents.get(documentId);
        documents.put(documentId, new Stored(stored.document(), false, stored.files()));
    }

    public void agenda(long meetingId, PublicAgendaItem... items) {
        agendas.put(meetingId, List.of(items));
    }

    private boolean open(long meetingId) {
        MeetingSummary meeting = meetings.get(meetingId);
        return meeting != null && meeting.publicMeeting();
    }

    private List<PublicDocument> publicDocuments() {
        return documents.values().stream().filter(s -> s.open() && s.document().issuedOn() != null && open(s.document().meetingId()))
                .map(Stored::document).collect(Collectors.toList());
    }

    @Override
    public List<MeetingSummary> upcomingPublicMeetings(int limit) {
        return allPublicMeetings().stream().filter(m -> !m.endDate().isBefore(today)).limit(Math.max(0, limit)).collect(Collectors.toList());
    }

    @Override
    public List<MeetingSummary> publicMeetings(int year) {
        return allPublicMeetings().stream().filter(m -> m.startDate().getYear() == year).collect(Collectors.toList());
    }

    @Override
    public List<PublicDocument> publicDocuments(long meetingId) {
        return publicDocuments().stream().filter(d -> d.meetingId() == meetingId).collect(Collectors.toList());
    }

    @Override
    public Optional<MeetingSummary> publicMeeting(long meetingId) {
        return open(meetingId) ? Optional.of(meetings.get(meetingId)) : Optional.empty();
    }

    @Override
    public List<MeetingSummary> allPublicMeetings() {
        return meetings.values().stream().filter(MeetingSummary::publicMeeting)
                .sorted(Comparator.comparing(MeetingSummary::startDate).thenComparing(MeetingSummary::id)).collect(Collectors.toList());
    }

    @Override
    public List<PublicAgendaItem> publicAgenda(long meetingId) {
        return open(meetingId) ? agendas.getOrDefault(meetingId, List.of()) : List.of();
    }

    @Override
    public Optional<PublicDocument> publicDocument(long documentId) {
        return publicDocuments().stream().filter(d -> d.documentId() == documentId).findFirst();
    }

    @Override
    public List<PublicDocument> recentPublicDocuments(int limit) {
        return publicDocuments().stream().sorted(Comparator.comparing(PublicDocument::issuedOn).thenComparing(PublicDocument::documentId).reversed())
                .limit(Math.max(0, limit)).collect(Collectors.toList());
    }

    @Override
    public List<PublicDocument> searchPublicDocuments(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        return recentPublicDocuments(Integer.MAX_VALUE).stream()
                .filter(d -> d.title().toLowerCase(Locale.ROOT).contains(wanted) || d.symbol().toLowerCase(Locale.ROOT).contains(wanted))
                .limit(Math.max(0, limit)).collect(Collectors.toList());
    }

    @Override
    public Optional<PublicDocumentFile> publicDocumentFile(long documentId, String language) {
        String code = language.toLowerCase(Locale.ROOT);
        return publicDocument(documentId).filter(d -> documents.get(documentId).files().containsKey(code)).map(d -> {
            byte[] bytes = documents.get(documentId).files().get(code);
            return new PublicDocumentFile(documentId, d.symbol(), code, 1, "document-" + code + ".pdf", "application/pdf", bytes.length,
                    sha256(bytes), Instant.parse("2011-09-01T10:15:30Z"), () -> new ByteArrayInputStream(bytes));
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
