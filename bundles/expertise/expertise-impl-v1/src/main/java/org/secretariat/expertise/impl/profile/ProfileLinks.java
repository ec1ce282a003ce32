package org.secretariat.expertise.impl.profile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.expertise.impl.domain.LinkKey;
import org.secretariat.expertise.impl.service.Experts;
import org.secretariat.expertise.impl.service.Notices;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.SignedLinks;
import org.secretariat.platform.api.security.SubmissionLimit;

/**
 * An expert's link to their own profile: signed with platform-api's {@link SignedLinks} over the
 * expert's id and the expiry ({@value #VALID_DAYS} days), with a key made at first use in
 * {@code EXPERTISE_LINK_KEY}, and e-mailed to the expert (template {@code profile-link}, en/fr/es) in the
 * transaction that records the sending. The form it opens carries a nonce signed for the expert and the
 * profile's version: a form sent twice, or after a change by the staff, is refused (409) rather than
 * overwriting. A hidden profile opens no link (410); at most {@value #SUBMISSIONS} submissions per
 * address every ten minutes (429).
 */
@Component(service = ProfileLinks.class)
public class ProfileLinks {

    static final int VALID_DAYS = 14;
    static final int SUBMISSIONS = 10;

    /** The link was queued: to whom and until when it holds. */
    public record Sent(String to, Instant expiresAt, String notice) {
    }

    /** The form a link opens: the profile as it is, the nonce of this rendering, the expert's language. */
    public record Opened(long expertId, Experts.View profile, String nonce, String language) {
    }

    private final EntityManagerFactory factory;
    private final Experts experts;
    private final Notices notices;
    private final Clock clock;
    private final SignedLinks links;
    private final SubmissionLimit limit = new SubmissionLimit(SUBMISSIONS, Duration.ofMinutes(10));

    @Activate
    public ProfileLinks(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference Experts experts,
            @Reference Notices notices) {
        this(factory, experts, notices, Clock.systemUTC());
    }

    public ProfileLinks(EntityManagerFactory factory, Experts experts, Notices notices, Clock clock) {
        this.factory = factory;
        this.experts = experts;
        this.notices = notices;
        this.clock = clock;
        this.links = new SignedLinks("expertise-profile", new TableKeys(), clock);
    }

    /** Signs a link for the expert and queues it to their address; {@code address} is the platform's public address. */
    public Sent send(long expertId, String address) {
        Instant expires = clock.instant().plus(Duration.ofDays(VALID_DAYS));
        return Transactions.inTransaction(factory, em -> {
            Expert expert = em.find(Expert.class, expertId);
            if (expert == null) {
                throw DomainException.notFound("No expert " + expertId);
            }
            if (expert.email == null) {
                throw DomainException.invalid("email", "expert " + expertId + " has no e-mail address to send the link to");
            }
            if (today().isAfter(expert.retainUntil)) {
                throw DomainException.conflict("expert " + expertId + "'s profile is past its retention date: it opens no link");
            }
            String token = links.sign(expires, expertId);
            String language = notices.language(expert.preferredLanguage);
            Notices.Outcome outcome = notices.queue(em, "expertise:profile-link:" + expertId + ":" + expires.getEpochSecond(), "profile-link",
                    language, expert.email, expert.name, Map.of("name", expert.name, "convention", notices.convention(), "link",
                            address + "/expertise-profile/" + token, "until", Notices.day(LocalDate.ofInstant(expires, ZoneOffset.UTC), language),
                            "retainUntil", Notices.day(expert.retainUntil, language)));
            if (outcome != Notices.Outcome.QUEUED && outcome != Notices.Outcome.ALREADY_QUEUED) {
                throw DomainException.conflict(outcome == Notices.Outcome.NO_MAILER ? "this platform has no mail service: the link cannot be sent"
                        : "the link could not be queued to " + expert.email);
            }
            return new Sent(expert.email, expires, "a link valid until " + expires + " was queued to " + expert.email);
        });
    }

    /** The profile the link opens, with a fresh nonce; refused with 404 or 410. */
    public Opened open(String token) {
        long expertId = expert(token);
        Experts.View profile = experts.get(expertId);
        return new Opened(expertId, profile, links.nonce(expertId), notices.language(profile.preferredLanguage()));
    }

    /** Applies what the expert sent through the form; refused with 404, 410, 409 or 429 (see {@link #admit}). */
    public Experts.View submit(String token, String nonce, Experts.SelfInput input) {
        long expertId = expert(token);
        Optional<Instant> issued = links.nonceIssuedAt(expertId, nonce);
        if (issued.isEmpty() || issued.get().isBefore(clock.instant().minus(Duration.ofDays(1)))) {
            throw new LinkRefusal(409, "staleForm");
        }
        try {
            return experts.selfUpdate(expertId, input);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.CONFLICT) {
                throw new LinkRefusal(409, "changed");
            }
            throw e;
        }
    }

    /** Counts a submission from the address, or answers how long it must wait. */
    public Optional<Duration> admit(String address) {
        return limit.acquire(address, clock.instant());
    }

    private long expert(String token) {
        SignedLinks.Link link = links.read(token, 1).orElseThrow(() -> new LinkRefusal(404, "notALink"));
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new LinkRefusal(410, "expired");
        }
        long id = link.ids().get(0);
        Expert expert = Transactions.read(factory, em -> em.find(Expert.class, id));
        if (expert == null || today().isAfter(expert.retainUntil)) {
            throw new LinkRefusal(410, "gone");
        }
        return id;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The module's link keys in EXPERTISE_LINK_KEY. */
    private final class TableKeys implements SignedLinks.Keys {
        @Override
        public int newest() {
            List<Integer> ids = Transactions.read(factory, em -> em.createQuery("SELECT k.id FROM LinkKey k ORDER BY k.id DESC", Integer.class)
                    .setMaxResults(1).getResultList());
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            try {
                Transactions.inTransaction(factory, em -> {
                    LinkKey key = new LinkKey();
                    key.id = 1;
                    key.secret = Base64.getEncoder().encodeToString(secret);
                    key.createdAt = clock.instant();
                    em.persist(key);
                    return null;
                });
            } catch (PersistenceException e) {
                // Another request made the first key at the same moment: its key is the one.
            }
            return 1;
        }

        @Override
        public byte[] secret(int key) {
            LinkKey row = Transactions.read(factory, em -> em.find(LinkKey.class, key));
            return row == null ? null : Base64.getDecoder().decode(row.secret);
        }
    }
}
