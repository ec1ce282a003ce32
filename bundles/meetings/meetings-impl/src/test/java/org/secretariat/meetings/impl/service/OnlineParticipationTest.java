package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.persistence.Transactions;

/** Version 1.1's extension of a meeting (the online package), as the meetings service runs it. */
@ExtendWith(TestModule.Shared.class)
class OnlineParticipationTest {

    private final TestModule module;

    OnlineParticipationTest(TestModule module) {
        this.module = module;
    }

    private static MeetingJson hybrid(Object onlineUrl, Object interpretation) {
        MeetingJson body = new MeetingJson();
        body.type = "IM";
        body.title = "Hybrid intersessional meeting";
        body.startDate = LocalDate.of(2012, 4, 16);
        body.endDate = LocalDate.of(2012, 4, 19);
        body.extension("onlineUrl", onlineUrl);
        body.extension("interpretation", interpretation);
        return body;
    }

    @Test
    void theLinkAndTheLanguagesOfInterpretationTravelWithTheMeeting() {
        MeetingJson created = module.meetings.create(hybrid("https://meet.example.org/im", List.of("en", "fr", "en", "es")));
        assertEquals("https://meet.example.org/im", created.extensions().get("onlineUrl"));
        assertEquals(List.of("en", "fr", "es"), module.meetings.get(created.id).extensions().get("interpretation"), "each language once");

        MeetingJson inPerson = module.meetings.get(created.id);
        inPerson.extensions().clear();
        assertEquals(List.of("en", "fr", "es"), module.meetings.update(created.id, inPerson).extensions().get("interpretation"),
                "an update that leaves the fields out leaves them alone");
        MeetingJson cleared = module.meetings.get(created.id);
        cleared.extension("onlineUrl", null);
        cleared.extension("interpretation", List.of());
        java.util.Map<String, Object> left = module.meetings.update(created.id, cleared).extensions();
        assertEquals(java.util.Set.of("registrationClosesAt"), left.keySet(), "only 1.2's registration, which every meeting has");
    }

    @Test
    void onlyWebAddressesAndLanguageCodesAreTaken() {
        assertRefused(Kind.INVALID, "onlineUrl", "onlineUrl must be an http:// or https:// address",
                () -> module.meetings.create(hybrid("javascript:alert(1)", null)));
        assertRefused(Kind.INVALID, "onlineUrl", "onlineUrl is an https:// address", () -> module.meetings.create(hybrid(42, null)));
        assertRefused(Kind.INVALID, "interpretation", "'xx' is not an ISO 639-1 language code",
                () -> module.meetings.create(hybrid(null, List.of("en", "xx"))));
        assertRefused(Kind.INVALID, "interpretation", "interpretation is a list of ISO 639-1 codes, e.g. [\"en\",\"fr\"]",
                () -> module.meetings.create(hybrid(null, "en")));
        assertRefused(Kind.INVALID, "interpretation", "interpretation lists at most 12 languages", () -> module.meetings.create(hybrid(null,
                List.of("en", "fr", "es", "ar", "ru", "zh", "de", "it", "pt", "ja", "ko", "nl", "sv"))));
    }

    @Test
    void whatItKeepsGoesWithTheMeeting() {
        long id = module.meetings.create(hybrid("https://meet.example.org/gone", null)).id;
        module.meetings.delete(id);
        assertFalse(Transactions.read(module.database.factory(), em -> em.createNativeQuery("SELECT MEETING_ID FROM MEETINGS_ONLINE WHERE MEETING_ID = ?")
                .setParameter(1, id).getResultList()).iterator().hasNext());
    }
}
