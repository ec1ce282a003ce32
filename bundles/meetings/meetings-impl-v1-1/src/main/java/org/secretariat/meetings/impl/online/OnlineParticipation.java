package org.secretariat.meetings.impl.online;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Component;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.service.MeetingExtension;
import org.secretariat.meetings.impl.service.MeetingJson;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;

/**
 * Since 1.1: a meeting's {@code onlineUrl} (the link for remote participation) and
 * {@code interpretation} (the languages of interpretation, e.g. {@code ["en","fr","es"]}).
 */
@Component(service = MeetingExtension.class)
public class OnlineParticipation implements MeetingExtension {

    private static final Set<String> FIELDS = Set.of("onlineUrl", "interpretation");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    @Override
    public Set<String> fields() {
        return FIELDS;
    }

    @Override
    public void read(EntityManager em, Meeting meeting, MeetingJson json) {
        MeetingOnline online = em.find(MeetingOnline.class, meeting.id);
        if (online != null) {
            if (online.onlineUrl != null) {
                json.extension("onlineUrl", online.onlineUrl);
            }
            if (online.interpretation != null) {
                json.extension("interpretation", Arrays.asList(online.interpretation.split(",")));
            }
        }
    }

    @Override
    public void write(EntityManager em, Meeting meeting, MeetingJson body) {
        if (!body.extensions().containsKey("onlineUrl") && !body.extensions().containsKey("interpretation")) {
            return;
        }
        Object url = body.extensions().get("onlineUrl");
        if (url != null && !(url instanceof String)) {
            throw DomainException.invalid("onlineUrl", "onlineUrl is an https:// address");
        }
        String onlineUrl = Fields.url("onlineUrl", (String) url);
        String interpretation = languages(body.extensions().get("interpretation"));
        MeetingOnline online = em.find(MeetingOnline.class, meeting.id);
        if (online == null) {
            online = new MeetingOnline();
            online.meetingId = meeting.id;
            em.persist(online);
        }
        online.onlineUrl = onlineUrl;
        online.interpretation = interpretation;
    }

    private static String languages(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List)) {
            throw DomainException.invalid("interpretation", "interpretation is a list of ISO 639-1 codes, e.g. [\"en\",\"fr\"]");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Object code : (List<?>) value) {
            if (!(code instanceof String) || !LANGUAGES.contains(code)) {
                throw DomainException.invalid("interpretation", "'" + code + "' is not an ISO 639-1 language code");
            }
            codes.add((String) code);
        }
        if (codes.size() > 12) {
            throw DomainException.invalid("interpretation", "interpretation lists at most 12 languages");
        }
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    @Override
    public void delete(EntityManager em, Meeting meeting) {
        MeetingOnline online = em.find(MeetingOnline.class, meeting.id);
        if (online != null) {
            em.remove(online);
        }
    }
}
