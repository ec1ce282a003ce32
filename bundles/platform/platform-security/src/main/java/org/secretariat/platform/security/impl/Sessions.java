package org.secretariat.platform.security.impl;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.security.AuthenticatedUser;

/**
 * Logins and the sessions they open: a session cookie (only its SHA-256 is stored) with its CSRF
 * token, ended by logout, by idle or absolute timeout, or when the account stops being usable.
 */
@Component(service = Sessions.class, configurationPid = SecurityConfiguration.PID)
public class Sessions {

    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    /** A session as a request presents it. */
    record SessionUse(AuthenticatedUser user, String csrfToken) {
    }

    /** A successful login: the cookie value to hand out once, and the session's CSRF token. */
    record Login(String sessionCookie, String csrfToken, AuthenticatedUser user) {
    }

    private final EntityManagerFactory security;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final Secrets secrets = new Secrets(new SecureRandom());
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Object[] loginLocks = new Object[64];

    @Activate
    public Sessions(SecurityConfiguration configuration,
            @Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security,
            @Reference Accounts accounts, @Reference LoginThrottle throttle, @Reference AuditService audit) {
        this(configuration, security, accounts, throttle, audit, Clock.systemUTC());
    }

    Sessions(SecurityConfiguration configuration, EntityManagerFactory security, Accounts accounts, LoginThrottle throttle,
            AuditService audit, Clock clock) {
        this.security = security;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.idleTimeout = Duration.ofMinutes(configuration.idleTimeoutMinutes());
        this.absoluteTimeout = Duration.ofHours(configuration.absoluteTimeoutHours());
        for (int i = 0; i < loginLocks.length; i++) {
            loginLocks[i] = new Object();
        }
    }

    /**
     * Checks a login and opens a session.
     *
     * @throws ThrottledException when too many attempts failed lately (429 with the wait)
     * @throws ApiException 401, the same for every reason, which only the audit trail records
     */
    Login login(String username, String password, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        // One attempt at a time per username: parallel guesses cannot all pass the throttle's check.
        synchronized (loginLocks[Math.floorMod(name.hashCode(), loginLocks.length)]) {
            return checkedLogin(name, password, address);
        }
    }

    private Login checkedLogin(String name, String password, String address) {
        Optional<Duration> wait = throttle.blocked(name, address);
        if (wait.isPresent()) {
            audit.record(name, address, "security.login", "user/" + name, "throttled", null);
            throw new ThrottledException(wait.get());
        }
        Accounts.LoginCheck check = accounts.checkLogin(name, password);
        if (check.user() == null) {
            throttle.failed(name, address);
            audit.record(name, address, "security.login", "user/" + name, "failure", check.refusal());
            throw new ApiException(401, "Wrong username or password, or the account is locked or its access has ended", null);
        }
        throttle.succeeded(name);
        String cookie = secrets.token();
        String csrf = secrets.token();
        Transactions.inTransaction(security, em -> {
            SessionRecord session = new SessionRecord();
            session.idHash = Secrets.digest(cookie);
            session.userId = check.user().id();
            session.csrfToken = csrf;
            session.createdAt = clock.instant();
            session.lastSeenAt = session.createdAt;
            em.persist(session);
            return null;
        });
        audit.record(name, address, "security.login", "user/" + name, "success", null);
        return new Login(cookie, csrf, check.user());
    }

    /** The session of a cookie value, if it exists, has not timed out and its account is usable. */
    Optional<SessionUse> session(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.digest(cookie);
        Instant now = clock.instant();
        SessionRecord session = Transactions.read(security, em -> em.find(SessionRecord.class, hash));
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeenAt.plus(idleTimeout).isBefore(now) || session.createdAt.plus(absoluteTimeout).isBefore(now)) {
            delete(hash);
            return Optional.empty();
        }
        Optional<AuthenticatedUser> user = accounts.usableUser(session.userId);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (session.lastSeenAt.plus(LAST_SEEN_GRANULARITY).isBefore(now)) {
            Transactions.inTransaction(security, em -> {
                SessionRecord current = em.find(SessionRecord.class, hash);
                if (current != null) {
                    current.lastSeenAt = now;
                }
                return null;
            });
        }
        return Optional.of(new SessionUse(user.get(), session.csrfToken));
    }

    void logout(String cookie) {
        if (cookie != null && !cookie.isEmpty()) {
            delete(Secrets.digest(cookie));
        }
    }

    /** The stored form of a cookie value, to name the session a password change keeps. */
    static String hashOf(String cookie) {
        return cookie == null || cookie.isEmpty() ? null : Secrets.digest(cookie);
    }

    private void delete(String hash) {
        Transactions.inTransaction(security, em -> em.createQuery("DELETE FROM SessionRecord s WHERE s.idHash = :hash")
                .setParameter("hash", hash).executeUpdate());
    }

    /** Thrown when login attempts must wait. */
    static final class ThrottledException extends ApiException {
        private static final long serialVersionUID = 1L;
        final transient Duration wait;

        ThrottledException(Duration wait) {
            super(429, "Too many failed logins: try again in " + Math.max(1, wait.toSeconds()) + " seconds", null);
            this.wait = wait;
        }
    }
}
