package org.secretariat.platform.security.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Role;

/**
 * Accounts, sessions and API tokens. No account exists with a known password: on the first start the
 * administrator {@code admin} gets {@code SECRETARIAT_ADMIN_PASSWORD}, or a random one-time password
 * shown once on the console and written to {@code <data>/initial-admin-password} (owner-only), which
 * must be changed at first login.
 */
@Component(service = {Authorization.class, SecurityService.class}, configurationPid = "org.secretariat.security")
@Designate(ocd = SecurityConfiguration.class)
public class SecurityService implements Authorization {

    private static final Logger LOG = Logger.getLogger(SecurityService.class.getName());
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD_PROPERTY = "secretariat.admin.password";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    /** A session as a request presents it. */
    static final class SessionUse {
        final AuthenticatedUser user;
        final String csrfToken;

        SessionUse(AuthenticatedUser user, String csrfToken) {
            this.user = user;
            this.csrfToken = csrfToken;
        }
    }

    /** A successful login: the cookie value to hand out once, and the session's CSRF token. */
    static final class Login {
        final String sessionCookie;
        final String csrfToken;
        final AuthenticatedUser user;

        Login(String sessionCookie, String csrfToken, AuthenticatedUser user) {
            this.sessionCookie = sessionCookie;
            this.csrfToken = csrfToken;
            this.user = user;
        }
    }

    private final EntityManagerFactory security;
    private final Permissions permissions;
    private final AuditService audit;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Secrets secrets = new Secrets(random);
    /** Serialises the changes that could leave the platform without a usable administrator. */
    private final java.util.concurrent.locks.ReentrantLock administratorChanges = new java.util.concurrent.locks.ReentrantLock();
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final int lockoutAfter;
    private final int maxTokenDays;
    private final Object[] loginLocks = new Object[64];

    @Activate
    public SecurityService(BundleContext context, SecurityConfiguration configuration,
            @Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security,
            @Reference Permissions permissions, @Reference AuditService audit) {
        this.security = security;
        this.permissions = permissions;
        this.audit = audit;
        this.hasher = new PasswordHasher(configuration.passwordHashIterations(), random);
        this.policy = new PasswordPolicy(configuration.passwordMinLength());
        this.throttle = new LoginThrottle(configuration.maxFailuresPerUser(), configuration.maxFailuresPerAddress(),
                Duration.ofMinutes(configuration.failureWindowMinutes()), clock);
        this.idleTimeout = Duration.ofMinutes(configuration.idleTimeoutMinutes());
        this.absoluteTimeout = Duration.ofHours(configuration.absoluteTimeoutHours());
        this.lockoutAfter = configuration.lockoutAfterFailures();
        this.maxTokenDays = configuration.maxTokenDays();
        for (int i = 0; i < loginLocks.length; i++) {
            loginLocks[i] = new Object();
        }
        createFirstAdministrator(context);
    }

    PasswordPolicy policy() {
        return policy;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- first start

    private void createFirstAdministrator(BundleContext context) {
        long users = Transactions.read(security, em -> em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult());
        if (users > 0) {
            return;
        }
        String given = context.getProperty(ADMIN_PASSWORD_PROPERTY);
        boolean generated = given == null || given.isEmpty();
        String password = generated ? secrets.password(20) : given;
        if (!generated) {
            policy.check("SECRETARIAT_ADMIN_PASSWORD", password, ADMIN);
        }
        UserAccount admin = newAccount(ADMIN, "Administrator", EnumSet.of(Role.ADMINISTRATOR), password, null);
        admin.mustChangePassword = generated;
        try {
            Transactions.inTransaction(security, em -> {
                em.persist(admin);
                return null;
            });
        } catch (RuntimeException e) {
            // Another node sharing the database created it first.
            LOG.log(Level.INFO, "First administrator not created here: " + e.getMessage());
            return;
        }
        audit.record(null, "security.user.create", "user/" + ADMIN, "success",
                generated ? "first administrator, one-time password" : "first administrator, password from SECRETARIAT_ADMIN_PASSWORD");
        if (generated) {
            revealInitialPassword(context, password);
        } else {
            LOG.info("First administrator 'admin' created with the password from SECRETARIAT_ADMIN_PASSWORD");
        }
    }

    private static void revealInitialPassword(BundleContext context, String password) {
        String data = context.getProperty("secretariat.data");
        Path file = Path.of(data == null ? "data" : data).resolve(INITIAL_PASSWORD_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "Could not write " + file + ": " + e.getMessage());
        }
        // Straight to the console, not to the log files: the password must not be kept in logs.
        System.out.println();
        System.out.println("  First start: administrator 'admin', one-time password: " + password);
        System.out.println("  (also in " + file + ", readable by this user only). Change it at first login.");
        System.out.println();
        System.out.flush();
    }

    private UserAccount newAccount(String username, String displayName, Set<Role> roles, String password, LocalDate accessEnd) {
        UserAccount account = new UserAccount();
        account.username = username;
        account.displayName = displayName;
        account.setRoles(roles);
        account.passwordHash = hasher.hash(password);
        account.mustChangePassword = true;
        account.accessEndDate = accessEnd;
        account.createdAt = clock.instant();
        account.passwordChangedAt = account.createdAt;
        return account;
    }

    // ---------------------------------------------------------------- login and sessions

    /**
     * Checks a login.
     *
     * @throws ApiException 429 (with the wait in seconds as the message's {@code retryAfter}) or 401
     */
    Login login(String username, String password, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
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
        UserAccount account = Transactions.read(security, em -> findByUsername(em, name));
        boolean passwordMatches;
        if (account == null) {
            hasher.burn(password == null ? "" : password);
            passwordMatches = false;
        } else {
            passwordMatches = password != null && hasher.matches(password, account.passwordHash);
        }
        if (!passwordMatches || !account.usableOn(today())) {
            throttle.failed(name, address);
            String reason = account == null ? "unknown user" : !passwordMatches ? "wrong password"
                    : account.locked ? "account locked" : "access ended";
            audit.record(name, address, "security.login", "user/" + name, "failure", reason);
            if (account != null && !passwordMatches) {
                countFailure(account.id);
            }
            throw new ApiException(401, "Wrong username or password, or the account is locked or its access has ended", null);
        }
        throttle.succeeded(name);
        String cookie = secrets.token();
        String csrf = secrets.token();
        AuthenticatedUser user = Transactions.inTransaction(security, em -> {
            UserAccount current = em.find(UserAccount.class, account.id);
            current.failedAttempts = 0;
            SessionRecord session = new SessionRecord();
            session.idHash = Secrets.digest(cookie);
            session.userId = current.id;
            session.csrfToken = csrf;
            session.createdAt = clock.instant();
            session.lastSeenAt = session.createdAt;
            em.persist(session);
            return current.toUser();
        });
        audit.record(name, address, "security.login", "user/" + name, "success", null);
        return new Login(cookie, csrf, user);
    }

    /**
     * Counts a failed login in the database (one UPDATE, safe against concurrent failures) and locks
     * the account after too many in a row — except the last usable administrator, who would otherwise
     * be locked out by anyone typing wrong passwords; the throttle still slows that guessing down.
     */
    private void countFailure(long userId) {
        Transactions.inTransaction(security, em -> {
            em.createQuery("UPDATE UserAccount u SET u.failedAttempts = u.failedAttempts + 1 WHERE u.id = :id")
                    .setParameter("id", userId).executeUpdate();
            return null;
        });
        changingAdministrators(em -> {
            UserAccount current = em.find(UserAccount.class, userId);
            if (current == null || current.locked || current.failedAttempts < lockoutAfter) {
                return null;
            }
            if (current.roleSet().contains(Role.ADMINISTRATOR) && otherAdministrators(em, userId) == 0) {
                LOG.warning(() -> "Account " + current.username + " has " + current.failedAttempts
                        + " failed logins in a row; not locked because it is the last administrator");
                return null;
            }
            current.locked = true;
            LOG.warning(() -> "Account " + current.username + " locked after " + current.failedAttempts + " failed logins");
            audit.record(null, "security.user.lock", "user/" + current.username, "success", current.failedAttempts + " failed logins in a row");
            return null;
        });
    }

    private static UserAccount findByUsername(EntityManager em, String username) {
        List<UserAccount> found = em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultList();
        return found.isEmpty() ? null : found.get(0);
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
            deleteSession(hash);
            return Optional.empty();
        }
        UserAccount account = Transactions.read(security, em -> em.find(UserAccount.class, session.userId));
        if (account == null || !account.usableOn(today())) {
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
        return Optional.of(new SessionUse(account.toUser(), session.csrfToken));
    }

    void logout(String cookie) {
        if (cookie != null && !cookie.isEmpty()) {
            deleteSession(Secrets.digest(cookie));
        }
    }

    private void deleteSession(String hash) {
        Transactions.inTransaction(security, em -> em.createQuery("DELETE FROM SessionRecord s WHERE s.idHash = :hash")
                .setParameter("hash", hash).executeUpdate());
    }

    /** Revokes every API token of a user (after an administrator reset their password or locked them). */
    void revokeTokens(long userId) {
        java.time.Instant now = clock.instant();
        Transactions.inTransaction(security, em -> em.createQuery(
                "UPDATE ApiTokenRecord t SET t.revokedAt = :now WHERE t.userId = :user AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("user", userId).executeUpdate());
    }

    /** Ends every session of a user except, optionally, the one whose cookie is {@code keep}. */
    void endSessions(long userId, String keep) {
        String keepHash = keep == null ? "" : Secrets.digest(keep);
        Transactions.inTransaction(security, em -> em.createQuery(
                "DELETE FROM SessionRecord s WHERE s.userId = :user AND s.idHash <> :keep")
                .setParameter("user", userId).setParameter("keep", keepHash).executeUpdate());
    }

    @Override
    public Optional<AuthenticatedUser> userOfSession(String sessionCookie) {
        return session(sessionCookie).map(use -> use.user);
    }

    @Override
    public Optional<AuthenticatedUser> userOfToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.digest(token);
        Instant now = clock.instant();
        return Transactions.inTransaction(security, em -> {
            List<ApiTokenRecord> found = em.createQuery("SELECT t FROM ApiTokenRecord t WHERE t.tokenHash = :hash", ApiTokenRecord.class)
                    .setParameter("hash", hash).getResultList();
            if (found.isEmpty()) {
                return Optional.<AuthenticatedUser>empty();
            }
            ApiTokenRecord record = found.get(0);
            if (record.revokedAt != null || !record.expiresAt.isAfter(now)) {
                return Optional.<AuthenticatedUser>empty();
            }
            UserAccount account = em.find(UserAccount.class, record.userId);
            if (account == null || !account.usableOn(today()) || account.mustChangePassword) {
                return Optional.<AuthenticatedUser>empty();
            }
            if (record.lastUsedAt == null || record.lastUsedAt.plus(LAST_SEEN_GRANULARITY).isBefore(now)) {
                record.lastUsedAt = now;
            }
            return Optional.of(account.toUser());
        });
    }

    @Override
    public boolean isPermitted(AuthenticatedUser user, String permission) {
        return user != null && permissions.holds(user.roles(), permission);
    }

    // ---------------------------------------------------------------- own password

    void changeOwnPassword(AuthenticatedUser user, String currentPassword, String newPassword, String keepSession) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ApiException.badRequest("currentPassword", "your current password is required");
        }
        policy.check("newPassword", newPassword, user.getName());
        if (newPassword.equals(currentPassword)) {
            throw ApiException.badRequest("newPassword", "the new password must differ from the current one");
        }
        Transactions.inTransaction(security, em -> {
            UserAccount account = em.find(UserAccount.class, user.id());
            if (account == null || !hasher.matches(currentPassword, account.passwordHash)) {
                throw ApiException.badRequest("currentPassword", "the current password is wrong");
            }
            account.passwordHash = hasher.hash(newPassword);
            account.mustChangePassword = false;
            account.passwordChangedAt = clock.instant();
            return null;
        });
        endSessions(user.id(), keepSession);
    }

    // ---------------------------------------------------------------- administration of users

    UserAccount createUser(String username, String displayName, Set<Role> roles, String password, LocalDate accessEnd) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw ApiException.badRequest("username", "username must be 2 to 100 lower-case letters, digits, '.', '_' or '-'");
        }
        checkProfile(displayName, roles, accessEnd);
        policy.check("password", password, name);
        return Transactions.inTransaction(security, em -> {
            if (findByUsername(em, name) != null) {
                throw new ApiException(409, "a user named '" + name + "' exists already", "username");
            }
            UserAccount account = newAccount(name, displayName.trim(), roles, password, accessEnd);
            em.persist(account);
            em.flush();
            return account;
        });
    }

    void checkProfile(String displayName, Set<Role> roles, LocalDate accessEnd) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw ApiException.badRequest("displayName", "displayName is required, at most 200 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw ApiException.badRequest("roles", "at least one role is required: " + java.util.Arrays.toString(Role.values()));
        }
        if (roles.contains(Role.CONSULTANT) && accessEnd == null) {
            throw ApiException.badRequest("accessEndDate", "a consultant's account needs an access end date");
        }
    }

    /**
     * Runs a change that may take away an administrator (demotion, lock, removal) in its own transaction,
     * one at a time: two administrators demoting each other at once would each still see the other
     * and leave none. The platform is one process, so a lock here serialises them.
     */
    <T> T changingAdministrators(java.util.function.Function<EntityManager, T> work) {
        administratorChanges.lock();
        try {
            return Transactions.inTransaction(security, work);
        } finally {
            administratorChanges.unlock();
        }
    }

    /** The number of usable administrators other than {@code exceptUserId}. */
    long otherAdministrators(EntityManager em, long exceptUserId) {
        // usableOn checks the lock: EclipseLink writes a JPQL boolean literal as 0/1, which Derby's BOOLEAN refuses.
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.id <> :id", UserAccount.class)
                .setParameter("id", exceptUserId).getResultList().stream()
                .filter(u -> u.roleSet().contains(Role.ADMINISTRATOR) && u.usableOn(today())).count();
    }

    String hash(String password) {
        return hasher.hash(password);
    }

    void unlock(String username) {
        throttle.clear(username);
    }

    // ---------------------------------------------------------------- API tokens

    /** A new token for {@code user}; the clear token is returned once and never stored. */
    String createToken(AuthenticatedUser user, String name, Instant expiresAt, ApiTokenRecord[] created) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.badRequest("name", "name is required, at most 100 characters");
        }
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw ApiException.badRequest("expiresAt", "expiresAt is required and must be in the future");
        }
        if (expiresAt.isAfter(now.plus(Duration.ofDays(maxTokenDays)))) {
            throw ApiException.badRequest("expiresAt", "a token lives at most " + maxTokenDays + " days");
        }
        String token = "sec_" + secrets.token();
        created[0] = Transactions.inTransaction(security, em -> {
            ApiTokenRecord record = new ApiTokenRecord();
            record.userId = user.id();
            record.name = name.trim();
            record.tokenHash = Secrets.digest(token);
            record.createdAt = now;
            record.expiresAt = expiresAt;
            em.persist(record);
            em.flush();
            return record;
        });
        return token;
    }

    Clock clock() {
        return clock;
    }

    EntityManagerFactory store() {
        return security;
    }

    /** Thrown when login attempts must wait. */
    static final class ThrottledException extends ApiException {
        private static final long serialVersionUID = 1L;
        final Duration wait;

        ThrottledException(Duration wait) {
            super(429, "Too many failed logins: try again in " + Math.max(1, wait.toSeconds()) + " seconds", null);
            this.wait = wait;
        }
    }
}
