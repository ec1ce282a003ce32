package org.secretariat.platform.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SignedLinksTest {

    /** Keys in memory: the first made at first use. */
    private static final class MemoryKeys implements SignedLinks.Keys {
        final Map<Integer, byte[]> secrets = new HashMap<>();

        @Override
        public int newest() {
            secrets.computeIfAbsent(1, k -> new byte[32]);
            secrets.get(1)[0] = 7;
            return secrets.keySet().stream().mapToInt(Integer::intValue).max().getAsInt();
        }

        @Override
        public byte[] secret(int key) {
            return secrets.get(key);
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private final MemoryKeys keys = new MemoryKeys();
    private final SignedLinks links = new SignedLinks("expertise-profile", keys, clock);
    private final Instant expiry = Instant.parse("2026-06-29T10:00:00Z");

    @Test
    void onlyWhatWasSignedForThePurposeReadsBack() {
        String token = links.sign(expiry, 42);
        assertEquals(new SignedLinks.Link(List.of(42L), expiry), links.read(token, 1).orElseThrow());
        assertTrue(token.startsWith("42." + expiry.getEpochSecond() + ".1."), token);

        String[] parts = token.split("\\.");
        assertTrue(links.read("43." + parts[1] + "." + parts[2] + "." + parts[3], 1).isEmpty(), "another id");
        assertTrue(links.read("42." + (expiry.getEpochSecond() + 86400) + "." + parts[2] + "." + parts[3], 1).isEmpty(), "a later expiry");
        assertTrue(links.read(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"), 1).isEmpty(), "another MAC");
        assertTrue(new SignedLinks("meetings-registration", keys, clock).read(token, 1).isEmpty(), "another purpose");
        assertTrue(links.read(token, 2).isEmpty(), "another shape");
        assertTrue(links.read("42." + parts[1] + ".9." + parts[3], 1).isEmpty(), "an unknown key");
        assertTrue(links.read("../etc/passwd", 1).isEmpty());
        assertTrue(links.read(null, 1).isEmpty());

        String two = links.sign(expiry, 7, 9);
        assertEquals(List.of(7L, 9L), links.read(two, 2).orElseThrow().ids());
        keys.secrets.clear();
        assertTrue(links.read(token, 1).isEmpty(), "removing the key revokes its links");
    }

    @Test
    void aNonceIsForOneIdsForm() {
        String nonce = links.nonce(42);
        assertEquals(clock.instant(), links.nonceIssuedAt(42, nonce).orElseThrow());
        assertTrue(links.nonceIssuedAt(43, nonce).isEmpty());
        assertTrue(links.nonceIssuedAt(42, nonce + "x").isEmpty());
        assertTrue(links.nonceIssuedAt(42, null).isEmpty());
    }
}
