package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.website.impl.service.TestModule.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.domain.DomainException.Kind;

class SiteLanguagesTest {

    private final SiteLanguages languages = new SiteLanguages(new TestModule.Profile(List.of("en", "fr", "es")));

    @Test
    void theBrowsersFirstChoiceAmongTheWorkingLanguages() {
        assertEquals("fr", languages.negotiate("fr"));
        assertEquals("fr", languages.negotiate("fr-CH, fr;q=0.9, en;q=0.8"));
        assertEquals("es", languages.negotiate("de-DE, es;q=0.7, en;q=0.3"), "an unknown first choice is passed over");
        assertEquals("es", languages.negotiate("en;q=0.5, es"), "q-values order the choices, not their place");
        assertEquals("fr", languages.negotiate("en;q=0.1, fr;q=0.9, es;q=0.5"));
        assertEquals("es", languages.negotiate("ES-mx"));
        assertEquals("en", languages.negotiate("fr;q=0, en;q=0.1"), "q=0 means not wanted");
    }

    @Test
    void theDefaultWhenNothingAskedForIsWorked() {
        assertEquals("en", languages.negotiate(null));
        assertEquals("en", languages.negotiate(""));
        assertEquals("en", languages.negotiate("de, it;q=0.8"));
        assertEquals("en", languages.negotiate("*"));
        assertEquals("en", languages.primary());
    }

    @Test
    void aMalformedHeaderAsksForNothing() {
        assertEquals("en", languages.negotiate("fr;q=high"));
        assertEquals("en", languages.negotiate("fr;q=2"));
        assertEquals("en", languages.negotiate(";;;,,,"));
        assertEquals("en", languages.negotiate("fr_FR"));
        assertEquals("en", languages.negotiate("x".repeat(10_000)));
        assertEquals("fr", languages.negotiate("fr, " + "de;q=0.1, ".repeat(200)), "a long header is read up to a point");
    }

    @Test
    void onlyWorkingLanguagesAreAccepted() {
        assertEquals("fr", languages.require("language", "fr"));
        assertRefused(Kind.INVALID, "language", "language must be one of the working languages [en, fr, es]", () -> languages.require("language", "de"));
        assertRefused(Kind.INVALID, "language", () -> languages.require("language", null));
        assertRefused(Kind.INVALID, "language", () -> languages.require("language", "EN"));
    }

    @Test
    void anotherConventionsLanguages() {
        SiteLanguages arabicFirst = new SiteLanguages(new TestModule.Profile(List.of("ar", "en", "fr")));
        assertEquals("ar", arabicFirst.negotiate("de"));
        assertEquals("en", arabicFirst.negotiate("en-GB"));
        assertEquals(List.of("fr", "ar", "en"), arabicFirst.fallbackOrder("fr"));
    }
}
