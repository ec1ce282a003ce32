package org.secretariat.website.impl.web.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.secretariat.website.impl.web.Formats;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicAgendaItem;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.website.impl.web.SiteMessages;

/** What the meetings templates show: the API's values with their dates written in the page's language. */
public final class MeetingViews {

    /**
     * A meeting: its type's code and number as the convention writes them (MeetingCalendar does not
     * carry the type's name), the dates written out, and the message key of its status.
     */
    public record Meeting(long id, String title, String type, Integer number, LocalDate startDate, LocalDate endDate, String dates, String city,
            String statusKey) {
    }

    /** An agenda item with its sub-items. */
    public record AgendaEntry(String number, String title, List<AgendaEntry> items) {
    }

    /** A language version to download: its code, its name in that language, and its address. */
    public record Version(String language, String label, String href) {
    }

    public record Document(long id, String symbol, String title, String categoryKey, LocalDate issuedOn, String issued, List<Version> versions) {
    }

    /** A year's past meetings. */
    public record Year(int year, List<Meeting> meetings) {
    }

    /** A feed the page offers, for the head's {@code <link rel="alternate">} and the visible links. */
    public record FeedLink(String type, String title, String href) {
    }

    private MeetingViews() {
    }

    static Meeting meeting(MeetingSummary meeting, String language) {
        return new Meeting(meeting.id(), meeting.title(), meeting.type(), meeting.number(), meeting.startDate(), meeting.endDate(),
                dates(meeting.startDate(), meeting.endDate(), language), meeting.city(), "meeting.status." + meeting.status().name());
    }

    static List<Meeting> meetings(List<MeetingSummary> meetings, String language) {
        List<Meeting> views = new ArrayList<>(meetings.size());
        meetings.forEach(m -> views.add(meeting(m, language)));
        return views;
    }

    /** The items in reading order, each sub-item under its item; one whose item is missing stands on its own. */
    static List<AgendaEntry> agenda(List<PublicAgendaItem> items) {
        Map<String, AgendaEntry> top = new LinkedHashMap<>();
        List<AgendaEntry> entries = new ArrayList<>();
        for (PublicAgendaItem item : items) {
            AgendaEntry entry = new AgendaEntry(item.number(), item.title(), new ArrayList<>());
            AgendaEntry parent = item.parentNumber() == null ? null : top.get(item.parentNumber());
            if (parent != null) {
                parent.items().add(entry);
            } else {
                entries.add(entry);
                top.putIfAbsent(item.number(), entry);
            }
        }
        return entries;
    }

    /**
     * Each language version links to its download at {@code /documents/<id>/<language>}, named in its own
     * language ("English", "Français", "Español"): the reader looks for the language they read.
     */
    static Document document(PublicDocument document, String language) {
        List<Version> versions = new ArrayList<>();
        for (String code : document.languages()) {
            versions.add(new Version(code, endonym(code), "/" + DocumentsSection.SEGMENT + "/" + document.documentId() + "/" + code));
        }
        return new Document(document.documentId(), document.symbol(), document.title(), "document.category." + document.category(),
                document.issuedOn(), document.issuedOn() == null ? "" : date(document.issuedOn(), language), versions);
    }

    /** A language's name in that language, capitalised as a label; the code itself when Java does not know it. */
    static String endonym(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equalsIgnoreCase(code)) {
            return code.toUpperCase(Locale.ROOT);
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** "13 September 2011 – 16 September 2011" (or one date) in the language's long form. */
    static String dates(LocalDate start, LocalDate end, String language) {
        return start.equals(end) ? date(start, language) : date(start, language) + " – " + date(end, language);
    }

    static String date(LocalDate date, String language) {
        return Formats.day(date, language).text();
    }

    /** Documents' feeds in the language, Atom first. */
    static List<FeedLink> documentFeeds(String language, SiteMessages messages) {
        return List.of(new FeedLink("application/atom+xml", messages.get(language, "feed.documents"), "/" + language + "/feeds/documents.atom"),
                new FeedLink("application/rss+xml", messages.get(language, "feed.documents.rss"), "/" + language + "/feeds/documents.rss"));
    }
}
