package org.secretariat.website.impl.web.meetings;

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
import org.secretariat.website.impl.service.PublicContent;
import org.secretariat.website.impl.web.SearchSource;

/** Public documents found by title or symbol, each titled "symbol — title" and linking its row on the meeting's page. */
@Component(service = SearchSource.class, enabled = false)
public class DocumentSearch implements SearchSource {

    private final MeetingCalendar calendar;

    @Activate
    public DocumentSearch(@Reference MeetingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<PublicContent.Hit> search(String query, String language, int limit) {
        List<PublicDocument> found = calendar.searchPublicDocuments(query, limit);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, MeetingSummary> meetings = calendar.allPublicMeetings().stream().collect(Collectors.toMap(MeetingSummary::id, Function.identity()));
        List<PublicContent.Hit> hits = new ArrayList<>();
        for (PublicDocument document : found) {
            MeetingSummary meeting = meetings.get(document.meetingId());
            hits.add(new PublicContent.Hit("document", DocumentFeed.title(document), DocumentFeed.path(document),
                    meeting == null ? null : meeting.title(), language, false));
        }
        return hits;
    }
}
