package org.secretariat.website.impl.web.meetings;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.website.impl.web.FeedSource;

/**
 * {@code /<lang>/feeds/documents.atom} and {@code .rss}: the newest public documents across public
 * meetings, each entry "symbol — title" linking its row on the meeting's page, summarised by the
 * meeting's title.
 */
@Component(service = FeedSource.class, enabled = false)
public class DocumentFeed implements FeedSource {

    private final MeetingCalendar calendar;

    @Activate
    public DocumentFeed(@Reference MeetingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public String titleKey() {
        return "feed.documents.title";
    }

    @Override
    public String page() {
        return MeetingsSection.SEGMENT;
    }

    @Override
    public List<Entry> entries(String language, int limit) {
        List<PublicDocument> documents = calendar.recentPublicDocuments(limit);
        if (documents.isEmpty()) {
            return List.of();
        }
        Map<Long, MeetingSummary> meetings = calendar.allPublicMeetings().stream().collect(Collectors.toMap(MeetingSummary::id, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (PublicDocument document : documents) {
            MeetingSummary meeting = meetings.get(document.meetingId());
            entries.add(new Entry(title(document), path(document), meeting == null ? null : meeting.title(), null,
                    document.issuedOn() == null ? null : document.issuedOn().atStartOfDay(ZoneOffset.UTC).toInstant(), null));
        }
        return entries;
    }

    /** How a document is named in feeds and search results. */
    static String title(PublicDocument document) {
        return document.symbol() + " — " + document.title();
    }

    /** Its row on its meeting's page, below the language. */
    static String path(PublicDocument document) {
        return MeetingsSection.SEGMENT + "/" + document.meetingId() + "#document-" + document.documentId();
    }
}
