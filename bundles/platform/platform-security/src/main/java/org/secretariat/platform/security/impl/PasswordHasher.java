package org.secretariat.platform.security.impl;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK (no extra library to keep up to date), at OWASP's recommended work
 * factor by default. Stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, so the work factor
 * can be raised later without invalidating existing passwords.
 */
final class PasswordHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("PBKDF2 iterations below 10000 are not safe: " + iterations);
        }
        this.iterations = iterations;
        this.random = random;
    }

    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Constant-time check of {@code password} against a stored hash; false for a malformed hash. */
    boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same time as a real check, so an unknown username cannot be told apart by timing. */
    void burn(String password) {
        derive(password, new byte[SALT_BYTES], iterations);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
