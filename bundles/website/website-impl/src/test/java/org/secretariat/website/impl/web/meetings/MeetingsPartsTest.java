package org.secretariat.website.impl.web.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.secretariat.meetings.api.MeetingCalendar;

class MeetingsPartsTest {

    /** What the switch asked SCR to do, in order. */
    private final List<String> calls = new ArrayList<>();

    private ComponentContext context() {
        return (ComponentContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "enableComponent":
                    calls.add("enable " + args[0]);
                    return null;
                case "disableComponent":
                    calls.add("disable " + args[0]);
                    return null;
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private ServiceReference<MeetingCalendar> calendar(long serviceId) {
        return (ServiceReference<MeetingCalendar>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> {
                    if ("getProperty".equals(method.getName()) && Constants.SERVICE_ID.equals(args[0])) {
                        return serviceId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<String> every(String action) {
        List<String> expected = new ArrayList<>();
        MeetingsParts.PARTS.forEach(part -> expected.add(action + " " + part));
        return expected;
    }

    @Test
    void thePartsAreOnWhileACalendarIsThereAndOffOnceTheLastLeaves() {
        MeetingsParts parts = new MeetingsParts(context());
        assertEquals(List.of(), calls, "nothing before the meetings module is there");

        parts.addCalendar(calendar(7));
        assertEquals(every("enable"), calls);
        calls.clear();

        // an upgrade of meetings: the new implementation's service is bound before the old one leaves
        parts.addCalendar(calendar(8));
        parts.removeCalendar(calendar(7));
        assertEquals(List.of(), calls, "the parts stay while a calendar remains");

        parts.removeCalendar(calendar(8));
        assertEquals(every("disable"), calls, "meetings uninstalled");
        calls.clear();
        parts.removeCalendar(calendar(8));
        assertEquals(List.of(), calls, "a second removal changes nothing");
    }

    @Test
    void everyPartIsAComponentOfThisPackage() {
        assertEquals(5, MeetingsParts.PARTS.size());
        MeetingsParts.PARTS.forEach(name -> assertEquals(MeetingsParts.class.getPackageName(), name.substring(0, name.lastIndexOf('.'))));
    }
}
