package org.secretariat.website.impl.web.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.SiteMessages;
import org.secretariat.website.impl.web.SiteRequest;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

class CalendarFileSectionTest {

    private final InMemoryCalendar calendar = new InMemoryCalendar(LocalDate.of(2026, 6, 1));
    private final CalendarFileSection section = new CalendarFileSection(calendar, new CcmProfile(), new SiteMessages());

    private Calendar read(String language) throws Exception {
        Answer.Bytes bytes = (Answer.Bytes) section.answer(new SiteRequest(language, true, List.of(), Map.of(), "https://ccm.example.org"))
                .orElseThrow();
        assertEquals("text/calendar;charset=UTF-8", bytes.contentType());
        return new CalendarBuilder().build(new ByteArrayInputStream(bytes.body()));
    }

    @Test
    void everyPublicMeetingIsAnAllDayEventWithAStableUidAndItsPage() throws Exception {
        calendar.meeting(1, "Second Meeting of States Parties, \"Beirut\"; <b>2011</b>", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        calendar.meeting(2, "Restricted bureau", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), false);
        calendar.meeting(3, "Fourteenth Meeting of States Parties", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 4), true);

        Calendar ics = read("fr");
        List<VEvent> events = ics.getComponents(Component.VEVENT).stream().map(c -> (VEvent) c).collect(Collectors.toList());
        assertEquals(2, events.size(), "the restricted meeting is not in the file");
        VEvent first = events.get(0);
        assertEquals("Second Meeting of States Parties, \"Beirut\"; <b>2011</b>", first.getSummary().getValue(), "text read back as written");
        assertEquals("meeting-1@ccm.secretariat", first.getUid().getValue());
        assertEquals("20110913", first.getStartDate().getValue());
        assertEquals("DATE", first.getStartDate().getParameter("VALUE").getValue(), "an all-day event");
        assertEquals("20110917", first.getEndDate().getValue(), "the end date is exclusive");
        assertEquals("https://ccm.example.org/fr/meetings/1", first.getProperty(Property.URL).getValue());
        assertEquals("Geneva", first.getLocation().getValue());
        assertEquals("CONFIRMED", first.getStatus().getValue(), "a concluded meeting took place");
        assertEquals("TENTATIVE", events.get(1).getStatus().getValue(), "a planned meeting is tentative");
        assertEquals("CCM – Réunions", ics.getProperty("X-WR-CALNAME").getValue());

        Calendar english = read("en");
        assertEquals("meeting-1@ccm.secretariat", english.getComponents(Component.VEVENT).get(0).getProperty(Property.UID).getValue(),
                "the same UID whatever the language");
    }

    @Test
    void withoutPublicMeetingsTheCalendarIsEmptyButValid() throws Exception {
        calendar.meeting(2, "Restricted bureau", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), false);
        assertTrue(read("en").getComponents(Component.VEVENT).isEmpty());
    }

    @Test
    void onlyTheFileItselfIsAnswered() throws Exception {
        assertTrue(section.answer(new SiteRequest("en", true, List.of("1"), Map.of(), "http://localhost")).isEmpty());
    }

    @Test
    void theUidDomainIsTheAcronymInLetters() {
        assertEquals("ccm.secretariat", CalendarFileSection.uidDomain("CCM"));
        assertEquals("att.secretariat", CalendarFileSection.uidDomain("A.T.T."));
        assertEquals("website.secretariat", CalendarFileSection.uidDomain("!!"));
    }
}
