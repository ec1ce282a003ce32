package org.secretariat.meetings.impl.registration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * The signed links of invitations: {@code <meeting>.<invitation>.<expiry>.<key>.<mac>}, where the MAC
 * is HMAC-SHA256 over the meeting's id, the invitation's id and the expiry (seconds since the epoch)
 * with the secret {@code <key>} names, Base64url without padding. Only what was signed can be read
 * back: a link with any part changed, or signed with a key this platform does not hold, is no link.
 * The secret is made once, at random, and kept in the module's table {@link LinkKey}; comparisons are
 * in constant time.
 */
@Component(service = RegistrationLinks.class)
public class RegistrationLinks {

    /** What a link says once its signature is checked; whether it still holds is the caller's question. */
    public record Link(long meetingId, long invitationId, Instant expiresAt) {
    }

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,17})\\.([1-9][0-9]{0,17})\\.([1-9][0-9]{0,11})\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");
    private static final Pattern NONCE = Pattern.compile("([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{22})\\.([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");
    private static final String ALGORITHM = "HmacSHA256";

    private final EntityManagerFactory factory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public RegistrationLinks(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this(factory, Clock.systemUTC());
    }

    public RegistrationLinks(EntityManagerFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /** Signs links with one key. */
    public interface Signer {
        /** The link's token for an invitation. */
        String sign(long meetingId, long invitationId, Instant expiresAt);
    }

    /** The link's token for an invitation, signed with the newest key (made now if there is none). */
    public String sign(long meetingId, long invitationId, Instant expiresAt) {
        return signer().sign(meetingId, invitationId, expiresAt);
    }

    /** Signs with the newest key (made now if there is none), read once: for many links at a time. */
    public Signer signer() {
        int key = newestKey();
        byte[] secret = secret(key);
        return (meetingId, invitationId, expiresAt) -> {
            long expiry = expiresAt.getEpochSecond();
            return meetingId + "." + invitationId + "." + expiry + "." + key + "." + mac(secret, meetingId, invitationId, expiry);
        };
    }

    /** What the token says, or null when it is not one this platform signed (malformed, tampered with, or of an unknown key). */
    public Link read(String token) {
        if (token == null || token.length() > 120) {
            return null;
        }
        Matcher parts = FORM.matcher(token);
        if (!parts.matches()) {
            return null;
        }
        long meetingId = Long.parseLong(parts.group(1));
        long invitationId = Long.parseLong(parts.group(2));
        long expiry = Long.parseLong(parts.group(3));
        byte[] secret = existingSecret(Integer.parseInt(parts.group(4)));
        if (secret == null) {
            return null;
        }
        byte[] expected = mac(secret, meetingId, invitationId, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return new Link(meetingId, invitationId, Instant.ofEpochSecond(expiry));
    }

    /**
     * A nonce for one rendering of an invitation's form: {@code <issued>.<random>.<key>.<mac>}, the MAC over
     * the invitation, the time it was issued and 128 random bits. The form sends it back in a hidden field;
     * the submission's table takes each nonce once.
     */
    public String formNonce(long invitationId) {
        int key = newestKey();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        long issued = Instant.now(clock).getEpochSecond();
        return issued + "." + value + "." + key + "." + nonceMac(secret(key), invitationId, issued, value);
    }

    /** When the nonce was issued for this invitation's form, or null when this platform did not make it for it. */
    public Instant nonceIssuedAt(long invitationId, String nonce) {
        if (nonce == null || nonce.length() > 100) {
            return null;
        }
        Matcher parts = NONCE.matcher(nonce);
        if (!parts.matches()) {
            return null;
        }
        long issued = Long.parseLong(parts.group(1));
        byte[] secret = existingSecret(Integer.parseInt(parts.group(3)));
        if (secret == null) {
            return null;
        }
        byte[] expected = nonceMac(secret, invitationId, issued, parts.group(2)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.group(4).getBytes(StandardCharsets.US_ASCII)) ? Instant.ofEpochSecond(issued) : null;
    }

    private static String nonceMac(byte[] secret, long invitationId, long issued, String value) {
        return hmac(secret, "meetings-registration-form|" + invitationId + "|" + issued + "|" + value);
    }

    private static String mac(byte[] secret, long meetingId, long invitationId, long expiry) {
        return hmac(secret, "meetings-registration|" + meetingId + "|" + invitationId + "|" + expiry);
    }

    private static String hmac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] signed = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private int newestKey() {
        List<Integer> ids = Transactions.read(factory, em -> em.createQuery("SELECT k.id FROM LinkKey k ORDER BY k.id DESC", Integer.class)
                .setMaxResults(1).getResultList());
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        try {
            Transactions.inTransaction(factory, em -> {
                LinkKey key = new LinkKey();
                key.id = 1;
                key.secret = Base64.getEncoder().encodeToString(secret);
                key.createdAt = Instant.now(clock);
                em.persist(key);
                return null;
            });
        } catch (PersistenceException e) {
            // Another request made the first key at the same moment: its key is the one.
        }
        return 1;
    }

    private byte[] secret(int key) {
        byte[] secret = existingSecret(key);
        if (secret == null) {
            throw new IllegalStateException("the link key " + key + " is missing");
        }
        return secret;
    }

    /** A key's secret, read each time (one row by its key), so removing the row revokes its links at once. */
    private byte[] existingSecret(int key) {
        LinkKey row = Transactions.read(factory, em -> em.find(LinkKey.class, key));
        return row == null ? null : Base64.getDecoder().decode(row.secret);
    }
}
