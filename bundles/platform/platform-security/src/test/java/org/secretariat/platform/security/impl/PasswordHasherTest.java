package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.domain.DomainException;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(20_000, new SecureRandom());

    @Test
    void hashesAreSaltedAndCarryTheirWorkFactor() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("pbkdf2-sha256$20000$"), first);
        assertFalse(first.contains("correct horse"));
    }

    @Test
    void matchesOnlyTheRightPasswordAndToleratesBadHashes() {
        String stored = hasher.hash("correct horse battery");
        assertTrue(hasher.matches("correct horse battery", stored));
        assertFalse(hasher.matches("correct horse batter", stored));
        assertFalse(hasher.matches("x", "md5$abc"));
        assertFalse(hasher.matches("x", null));
        // A hash made with another work factor still verifies: the factor can be raised later.
        assertTrue(new PasswordHasher(600_000, new SecureRandom()).matches("correct horse battery", stored));
    }

    @Test
    void refusesAWeakWorkFactor() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000, new SecureRandom()));
    }

    @Test
    void policyAsksForLengthNotComposition() {
        PasswordPolicy policy = new PasswordPolicy(12);
        policy.check("password", "all lower case words", "alice");
        assertEquals("password", assertThrows(DomainException.class, () -> policy.check("password", "short", "alice")).field());
        assertThrows(DomainException.class, () -> policy.check("password", "alice-in-wonder", "Alice-In-Wonder"));
        assertThrows(DomainException.class, () -> policy.check("password", "x".repeat(129), "alice"));
        assertThrows(DomainException.class, () -> policy.check("password", null, "alice"));
    }

    @Test
    void secretsAreLongRandomAndStoredAsDigests() {
        Secrets secrets = new Secrets(new SecureRandom());
        String token = secrets.token();
        assertEquals(43, token.length());
        assertNotEquals(token, secrets.token());
        assertEquals(64, Secrets.digest(token).length());
        assertTrue(Secrets.same(token, token));
        assertFalse(Secrets.same(token, null));
        assertEquals(20, secrets.password(20).length());
    }
}
