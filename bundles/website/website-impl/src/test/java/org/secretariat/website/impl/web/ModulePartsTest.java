package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

class ModulePartsTest {

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
    private <T> ServiceReference<T> reference(long serviceId) {
        return (ServiceReference<T>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> {
                    if ("getProperty".equals(method.getName()) && Constants.SERVICE_ID.equals(args[0])) {
                        return serviceId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<String> every(String action) {
        List<String> expected = new ArrayList<>();
        ModuleParts.MEETINGS.forEach(part -> expected.add(action + " " + part));
        return expected;
    }

    @Test
    void thePartsAreOnWhileACalendarIsThereAndOffOnceTheLastLeaves() {
        ModuleParts parts = new ModuleParts(context());
        assertEquals(List.of(), calls, "nothing before the meetings module is there");

        parts.addCalendar(reference(7));
        assertEquals(every("enable"), calls);
        calls.clear();

        // an upgrade of meetings: the new implementation's service is bound before the old one leaves
        parts.addCalendar(reference(8));
        parts.removeCalendar(reference(7));
        assertEquals(List.of(), calls, "the parts stay while a calendar remains");

        parts.removeCalendar(reference(8));
        assertEquals(every("disable"), calls, "meetings uninstalled");
        calls.clear();
        parts.removeCalendar(reference(8));
        assertEquals(List.of(), calls, "a second removal changes nothing");
    }

    @Test
    void eachModuleSwitchesOnlyItsOwnParts() {
        ModuleParts parts = new ModuleParts(context());
        parts.addDirectory(reference(3));
        assertEquals(List.of("enable " + StatusSection.class.getName()), calls);
        calls.clear();
        parts.addPublications(reference(4));
        parts.removeDirectory(reference(3));
        assertEquals(List.of("enable " + ContributionsSection.class.getName(), "disable " + StatusSection.class.getName()), calls);
        assertEquals(5, ModuleParts.MEETINGS.size());
        calls.clear();
        parts.addOffers(reference(5));
        parts.removeOffers(reference(5));
        assertEquals(List.of("enable " + OffersSection.class.getName(), "disable " + OffersSection.class.getName()), calls,
                "the offers of expertise come and go with the expertise module");
    }

    @Test
    void theSponsorshipStatisticsComeAndGoWithTheirModule() {
        ModuleParts parts = new ModuleParts(context());
        parts.addStatistics(reference(11));
        parts.removeStatistics(reference(11));
        assertEquals(List.of("enable " + SponsorshipSection.class.getName(), "disable " + SponsorshipSection.class.getName()), calls);
    }
}
