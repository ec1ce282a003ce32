package org.secretariat.meetings.impl.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.impl.domain.Meeting;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A meeting as the API shows and takes it. Fields that a {@link MeetingExtension} adds (e.g. the
 * online participation of version 1.1) travel in {@link #extensions}; a field no extension claims is
 * refused like any unknown field. A class, not a record: a record's only state is its components, and
 * Jackson 2.14 cannot gather the unclaimed top-level fields into a map component (an any-setter on a
 * creator parameter came with 2.18).
 */
public class MeetingJson {
    public Long id;
    public String type;
    public String typeName;
    public Integer number;
    public String title;
    public LocalDate startDate;
    public LocalDate endDate;
    public String venue;
    public String city;
    public String countryIso2;
    public String presidency;
    public MeetingStatus status;
    public Boolean publicMeeting;
    public Integer version;

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    @JsonAnySetter
    public void extension(String name, Object value) {
        extensions.put(name, value);
    }

    static MeetingJson of(Meeting meeting, Map<String, String> types) {
        MeetingJson json = new MeetingJson();
        json.id = meeting.id;
        json.type = meeting.type;
        json.typeName = types.getOrDefault(meeting.type, meeting.type);
        json.number = meeting.number;
        json.title = meeting.title;
        json.startDate = meeting.startDate;
        json.endDate = meeting.endDate;
        json.venue = meeting.venue;
        json.city = meeting.city;
        json.countryIso2 = meeting.countryIso2;
        json.presidency = meeting.presidency;
        json.status = meeting.status;
        json.publicMeeting = meeting.publicMeeting;
        json.version = meeting.version;
        return json;
    }
}
