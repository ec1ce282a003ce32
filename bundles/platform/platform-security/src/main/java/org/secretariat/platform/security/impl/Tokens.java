package org.secretariat.platform.security.impl;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.AuthenticatedUser;

/**
 * Users' named API tokens for scripts: the clear token is shown once at creation; only its SHA-256 is stored.
 * A token found valid is remembered (by its hash) for {@link #CHECK_TTL}, so a script's burst of calls
 * does not read the token and its account on each one (bench/rest.sh); its expiry is still checked on
 * every call, a revocation or any change to accounts on this node ends every remembered check at once,
 * and one made on another node sharing the database counts here within {@link #CHECK_TTL}.
 */
@Component(service = Tokens.class, configurationPid = SecurityConfiguration.PID)
public class Tokens {

    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    /** How long a token found valid is taken as valid without reading it again (bar expiry and this node's changes). */
    static final Duration CHECK_TTL = Duration.ofSeconds(5);

    /** A token found valid: its user as then, and when it expires. */
    private record Checked(AuthenticatedUser user, Instant expiresAt) {
    }

    private final EntityManagerFactory security;
    private final Accounts accounts;
    private final Secrets secrets = new Secrets(new SecureRandom());
    private final Clock clock;
    private final int maxTokenDays;
    private final ShortCache<String, Checked> checked;

    @Activate
    public Tokens(SecurityConfiguration configuration,
            @Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security, @Reference Accounts accounts) {
        this(configuration, security, accounts, Clock.systemUTC());
    }

    Tokens(SecurityConfiguration configuration, EntityManagerFactory security, Accounts accounts, Clock clock) {
        this(configuration, security, accounts, clock, System::nanoTime);
    }

    Tokens(SecurityConfiguration configuration, EntityManagerFactory security, Accounts accounts, Clock clock, java.util.function.LongSupplier nanoTime) {
        this.security = security;
        this.accounts = accounts;
        this.clock = clock;
        this.maxTokenDays = configuration.maxTokenDays();
        this.checked = new ShortCache<>(CHECK_TTL, 10_000, accounts::changes, nanoTime);
    }

    /** A new token of {@code user}, its clear value in {@link TokenView#token()}. */
    TokenView create(AuthenticatedUser user, TokenView request) {
        if (request == null) {
            throw DomainException.invalid("name", "name and expiresAt are required");
        }
        String name = request.name();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("name", "name is required, at most 100 characters");
        }
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw DomainException.invalid("expiresAt", "expiresAt is required and must be in the future");
        }
        if (expiresAt.isAfter(now.plus(Duration.ofDays(maxTokenDays)))) {
            throw DomainException.invalid("expiresAt", "a token lives at most " + maxTokenDays + " days");
        }
        String token = "sec_" + secrets.token();
        return Transactions.inTransaction(security, em -> {
            ApiTokenRecord record = new ApiTokenRecord();
            record.userId = user.id();
            record.name = name.trim();
            record.tokenHash = Secrets.digest(token);
            record.createdAt = now;
            record.expiresAt = expiresAt;
            em.persist(record);
            em.flush();
            return TokenView.of(record, token);
        });
    }

    /** The user's tokens, newest first (at most 500). */
    List<TokenView> of(long userId) {
        return Transactions.read(security, em -> em.createQuery(
                "SELECT t FROM ApiTokenRecord t WHERE t.userId = :user ORDER BY t.createdAt DESC", ApiTokenRecord.class)
                .setParameter("user", userId).setMaxResults(500).getResultList()
                .stream().map(record -> TokenView.of(record, null)).collect(Collectors.toList()));
    }

    void revoke(long userId, long tokenId) {
        Transactions.inTransaction(security, em -> {
            ApiTokenRecord record = em.find(ApiTokenRecord.class, tokenId);
            if (record == null || record.userId != userId) {
                throw DomainException.notFound("No token " + tokenId + " of yours");
            }
            if (record.revokedAt == null) {
                record.revokedAt = clock.instant();
            }
            return null;
        });
        checked.invalidateAll();
    }

    /** The user of a token that is neither revoked nor expired, whose account is usable and needs no new password. */
    Optional<AuthenticatedUser> userOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.digest(token);
        Instant now = clock.instant();
        Checked known = checked.get(hash);
        if (known != null && known.expiresAt().isAfter(now)) {
            return Optional.of(known.user());
        }
        long generation = checked.generation();
        Optional<ApiTokenRecord> found = Transactions.read(security, em -> em.createQuery(
                "SELECT t FROM ApiTokenRecord t WHERE t.tokenHash = :hash", ApiTokenRecord.class)
                .setParameter("hash", hash).getResultList().stream().findFirst());
        if (found.isEmpty() || found.get().revokedAt != null || !found.get().expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        ApiTokenRecord record = found.get();
        Optional<AuthenticatedUser> user = accounts.usableUser(record.userId).filter(u -> !u.passwordChangeRequired());
        if (user.isPresent() && (record.lastUsedAt == null || record.lastUsedAt.plus(LAST_USED_GRANULARITY).isBefore(now))) {
            Transactions.inTransaction(security, em -> {
                ApiTokenRecord current = em.find(ApiTokenRecord.class, record.id);
                if (current != null) {
                    current.lastUsedAt = now;
                }
                return null;
            });
        }
        user.ifPresent(u -> checked.put(hash, new Checked(u, record.expiresAt), generation));
        return user;
    }
}
