package org.secretariat.platform.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited links for people without an account (an invitation to a form, an expert's own profile):
 * {@code <id>[.<id>...].<expiry>.<key>.<mac>}, the MAC being HMAC-SHA256 over a purpose, the ids and the
 * expiry (seconds since the epoch) with the secret {@code <key>} names, Base64url without padding. Only
 * what was signed reads back: a token with any part changed, of another purpose, or signed with a key the
 * module does not hold is no link. Comparisons are in constant time. The module keeps its secrets (made
 * at random at first use, never in code) in its own table behind {@link Keys}; removing a key revokes
 * every link it signed. Whether a link still holds (its expiry, what it names) is the module's question.
 * The design of meetings 1.2.0's registration links, made generic.
 *
 * @since 1.2
 */
public final class SignedLinks {

    /** A module's link secrets. */
    public interface Keys {
        /** The newest key's number, made (32 random bytes) if there is none. */
        int newest();

        /** A key's secret, or null when there is no such key (read each time, so a removed key revokes its links at once). */
        byte[] secret(int key);
    }

    /** What a token says once its signature is checked. */
    public record Link(List<Long> ids, Instant expiresAt) {
        public Link {
            ids = List.copyOf(ids);
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern NONCE = Pattern.compile("([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{22})\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");

    private final String purpose;
    private final Keys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param purpose what the links are for, e.g. {@code expertise-profile}: signed with them, so a link
     *            made for one purpose is no link for another
     */
    public SignedLinks(String purpose, Keys keys, Clock clock) {
        this.purpose = purpose;
        this.keys = keys;
        this.clock = clock;
    }

    /** A token for the ids, valid until {@code expiresAt}, signed with the newest key. */
    public String sign(Instant expiresAt, long... ids) {
        if (ids.length == 0 || Arrays.stream(ids).anyMatch(id -> id <= 0)) {
            throw new IllegalArgumentException("a link names one or more positive ids");
        }
        int key = keys.newest();
        String body = Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(".")) + "." + expiresAt.getEpochSecond();
        return body + "." + key + "." + hmac(secret(key), purpose + "|" + body);
    }

    /** What the token says when it names {@code idCount} ids and this module signed it for this purpose; empty otherwise. */
    public Optional<Link> read(String token, int idCount) {
        if (token == null || token.length() > 40 * (idCount + 3)) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != idCount + 3) {
            return Optional.empty();
        }
        for (int i = 0; i < idCount + 2; i++) {
            if (!ID.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
        }
        if (parts[idCount + 1].length() > 9) {
            return Optional.empty();
        }
        byte[] secret = keys.secret(Integer.parseInt(parts[idCount + 1]));
        if (secret == null) {
            return Optional.empty();
        }
        String body = String.join(".", Arrays.asList(parts).subList(0, idCount + 1));
        byte[] expected = hmac(secret, purpose + "|" + body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[idCount + 2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        List<Long> ids = Arrays.stream(parts, 0, idCount).map(Long::parseLong).collect(Collectors.toList());
        return Optional.of(new Link(ids, Instant.ofEpochSecond(Long.parseLong(parts[idCount]))));
    }

    /**
     * A nonce for one rendering of a form opened by a link: {@code <issued>.<random>.<key>.<mac>}, the MAC
     * over the link's first id, the time issued and 128 random bits. The form sends it back; the module
     * takes each nonce once.
     */
    public String nonce(long id) {
        int key = keys.newest();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long issued = clock.instant().getEpochSecond();
        return issued + "." + value + "." + key + "." + hmac(secret(key), purpose + "-form|" + id + "|" + issued + "|" + value);
    }

    /** When the nonce was issued for this id's form, or empty when this module did not make it for it. */
    public Optional<Instant> nonceIssuedAt(long id, String nonce) {
        if (nonce == null || nonce.length() > 100) {
            return Optional.empty();
        }
        Matcher parts = NONCE.matcher(nonce);
        if (!parts.matches()) {
            return Optional.empty();
        }
        long issued = Long.parseLong(parts.group(1));
        byte[] secret = keys.secret(Integer.parseInt(parts.group(3)));
        if (secret == null) {
            return Optional.empty();
        }
        byte[] expected = hmac(secret, purpose + "-form|" + id + "|" + issued + "|" + parts.group(2)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.group(4).getBytes(StandardCharsets.US_ASCII)) ? Optional.of(Instant.ofEpochSecond(issued))
                : Optional.empty();
    }

    private byte[] secret(int key) {
        byte[] secret = keys.secret(key);
        if (secret == null) {
            throw new IllegalStateException("the link key " + key + " is missing");
        }
        return secret;
    }

    private static String hmac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
