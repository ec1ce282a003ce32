package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.secretariat.contacts.api.TreatyStatus;

class WorldMapTest {

    private final WorldMap map = new WorldMap();

    @Test
    void theShippedMapDrawsTheStatesByAlpha2Code() {
        assertEquals("0 0 1000 449", map.viewBox());
        assertTrue(map.codes().size() > 230, "states drawn: " + map.codes().size());
        for (String code : List.of("FR", "NO", "RU", "FJ", "TV", "VA", "NR", "MT", "XK")) {
            assertTrue(map.codes().contains(code), code);
        }
        assertFalse(map.codes().contains("AQ"), "Antarctica is left out");
        for (String code : map.codes()) {
            assertTrue(code.matches("[A-Z]{2}"), code);
        }
    }

    @Test
    void coloursAStateByItsStatusAndIgnoresCodesItDoesNotKnow() {
        Map<String, TreatyStatus> statuses = Map.of("FR", TreatyStatus.STATE_PARTY, "AO", TreatyStatus.SIGNATORY, "US", TreatyStatus.NOT_PARTY,
                "QQ", TreatyStatus.STATE_PARTY);
        Map<String, WorldMap.Shape> shapes = map.shapes(statuses, Map.of("FR", "France", "QQ", "Nowhere")::get, "en").stream()
                .collect(Collectors.toMap(WorldMap.Shape::iso2, Function.identity()));

        assertEquals("state-party", shapes.get("FR").css());
        assertEquals("France", shapes.get("FR").name());
        assertEquals("signatory", shapes.get("AO").css());
        assertEquals("not-party", shapes.get("US").css());
        assertFalse(shapes.containsKey("QQ"), "a code the map does not draw is left out");
        assertEquals(map.codes().size(), shapes.size(), "every state drawn, once");
        assertEquals(WorldMap.UNKNOWN, shapes.get("XK").css(), "a state without a status in the directory");
        assertEquals("Kosovo", shapes.get("XK").name(), "named by the JDK when the directory does not name it");
        assertEquals("Allemagne", map.shapes(Map.of(), c -> null, "fr").stream().filter(s -> s.iso2().equals("DE")).findFirst().orElseThrow().name());
        assertTrue(shapes.get("FR").path().startsWith("M"), shapes.get("FR").path());
    }

    @Test
    void readsTheResourceFormatAndRefusesAnotherOne() throws IOException {
        WorldMap small = WorldMap.read(new StringReader("# a comment\nviewBox 0 0 10 5\nFR\tM1,1l1,1z\nDE\tM2,2l1,0z\n"));
        assertEquals("0 0 10 5", small.viewBox());
        assertEquals(List.of("FR", "DE"), List.copyOf(small.codes()));
        assertThrows(IOException.class, () -> WorldMap.read(new StringReader("FR\tM1,1z\n")), "no viewBox");
        assertThrows(IOException.class, () -> WorldMap.read(new StringReader("viewBox 0 0 1 1\nFRA M1,1z\n")));
    }
}
