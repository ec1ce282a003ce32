package org.secretariat.website.impl.web.meetings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.Section;
import org.secretariat.website.impl.web.SiteMessages;
import org.secretariat.website.impl.web.SiteRequest;

/**
 * {@code /<lang>/meetings}: the upcoming public meetings, then the past ones by year;
 * {@code /<lang>/meetings/<id>}: a public meeting with its agenda and its public documents, each
 * language version linked to its download. A restricted or unknown meeting is 404, as the calendar
 * answers nothing of it. Enabled by {@link org.secretariat.website.impl.web.ModuleParts} while meetings is installed.
 */
@Component(service = Section.class, enabled = false)
public class MeetingsSection implements Section {

    static final String SEGMENT = "meetings";
    /** The home page's block: the next few meetings. */
    static final int HOME_COUNT = 3;
    static final int UPCOMING = 200;

    private final MeetingCalendar calendar;
    private final SiteMessages messages;

    @Activate
    public MeetingsSection(@Reference MeetingCalendar calendar, @Reference SiteMessages messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return Optional.of(list(request.language()));
        }
        if (segments.size() != 1 || !segments.get(0).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return calendar.publicMeeting(Long.parseLong(segments.get(0))).map(m -> meeting(m, request.language()));
    }

    private Answer list(String language) {
        List<MeetingSummary> upcoming = calendar.upcomingPublicMeetings(UPCOMING);
        Set<Long> upcomingIds = upcoming.stream().map(MeetingSummary::id).collect(Collectors.toSet());
        // newest year first, and in a year the latest meeting first: the past is read backwards
        Map<Integer, List<MeetingSummary>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (MeetingSummary meeting : calendar.allPublicMeetings()) {
            if (!upcomingIds.contains(meeting.id())) {
                byYear.computeIfAbsent(meeting.startDate().getYear(), y -> new ArrayList<>()).add(meeting);
            }
        }
        List<MeetingViews.Year> past = new ArrayList<>();
        byYear.forEach((year, meetings) -> {
            meetings.sort(Comparator.comparing(MeetingSummary::startDate).thenComparing(MeetingSummary::id).reversed());
            past.add(new MeetingViews.Year(year, MeetingViews.meetings(meetings, language)));
        });
        Map<String, Object> model = new HashMap<>();
        model.put("upcoming", MeetingViews.meetings(upcoming, language));
        model.put("past", past);
        model.put("alternateFeeds", MeetingViews.documentFeeds(language, messages));
        return new Answer.Rendered("meetings.ftlh", messages.get(language, "meetings.title"), model);
    }

    private Answer meeting(MeetingSummary meeting, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("meeting", MeetingViews.meeting(meeting, language));
        model.put("agenda", MeetingViews.agenda(calendar.publicAgenda(meeting.id())));
        model.put("documents", calendar.publicDocuments(meeting.id()).stream().map(d -> MeetingViews.document(d, language))
                .collect(Collectors.toList()));
        model.put("alternateFeeds", MeetingViews.documentFeeds(language, messages));
        return new Answer.Rendered("meeting.ftlh", meeting.title(), model);
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("meetings.title", 20));
    }

    @Override
    public Optional<HomeBlock> home(String language) {
        List<MeetingSummary> next = calendar.upcomingPublicMeetings(HOME_COUNT);
        return next.isEmpty() ? Optional.empty()
                : Optional.of(new HomeBlock("home-meetings.ftlh", 20, Map.of("meetings", MeetingViews.meetings(next, language))));
    }

    @Override
    public List<String> sitemap() {
        List<String> paths = new ArrayList<>();
        paths.add(SEGMENT);
        calendar.allPublicMeetings().forEach(m -> paths.add(SEGMENT + "/" + m.id()));
        return paths;
    }
}
