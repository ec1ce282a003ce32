package org.secretariat.platform.security.impl;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.secretariat.platform.api.cluster.ClusterLocks;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Role;

/**
 * User accounts: their administration, passwords, and the lockout after repeated failed logins. The
 * platform must never be left without a usable administrator; that rule lives in {@link
 * #lastAdministrator} alone and every change that could take an administrator away (demotion, lock,
 * removal) runs through {@link #changingAdministrators}.
 */
@Component(service = Accounts.class, configurationPid = SecurityConfiguration.PID)
@Designate(ocd = SecurityConfiguration.class)
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    static final Set<String> SORTABLE = Set.of("username", "displayName", "createdAt");

    private final EntityManagerFactory security;
    private final AuditService audit;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final int lockoutAfter;
    private final Clock clock;
    /** Serialises the changes that could leave the platform without a usable administrator. */
    private final ReentrantLock administratorChanges = new ReentrantLock();
    private final AtomicLong changes = new AtomicLong();
    static final String ADMINISTRATOR_CHANGES_LOCK = "security-administrator-changes";

    /** The same across the nodes sharing the database (absent only in unit tests without the platform). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClusterLocks clusterLocks;

    @Activate
    public Accounts(BundleContext context, SecurityConfiguration configuration,
            @Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security,
            @Reference AuditService audit, @Reference LoginThrottle throttle) {
        this(configuration, security, audit, throttle, Clock.systemUTC());
        new FirstAdministrator(this, audit).createIfNone(context.getProperty(FirstAdministrator.PASSWORD_PROPERTY),
                context.getProperty("secretariat.data"));
    }

    Accounts(SecurityConfiguration configuration, EntityManagerFactory security, AuditService audit, LoginThrottle throttle, Clock clock) {
        this.security = security;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
        this.hasher = new PasswordHasher(configuration.passwordHashIterations(), new SecureRandom());
        this.policy = new PasswordPolicy(configuration.passwordMinLength());
        this.lockoutAfter = configuration.lockoutAfterFailures();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- reading

    Page<UserView> list(PageRequest request) {
        return Transactions.read(security, em -> {
            long total = em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
            List<UserView> items = em.createQuery("SELECT u FROM UserAccount u ORDER BY u." + request.sortField()
                    + (request.ascending() ? " ASC" : " DESC"), UserAccount.class)
                    .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                    .stream().map(UserView::of).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    UserView get(long id) {
        return Transactions.read(security, em -> UserView.of(find(em, id)));
    }

    long count() {
        return Transactions.read(security, em -> em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult());
    }

    private static UserAccount find(EntityManager em, long id) {
        UserAccount account = em.find(UserAccount.class, id);
        if (account == null) {
            throw DomainException.notFound("No user " + id);
        }
        return account;
    }

    private static UserAccount findByUsername(EntityManager em, String username) {
        List<UserAccount> found = em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    // ---------------------------------------------------------------- logging in

    /** The account that {@code password} opens and that may be used today; the failure, counted, otherwise. */
    LoginCheck checkLogin(String username, String password) {
        UserAccount account = Transactions.read(security, em -> findByUsername(em, username));
        if (account == null) {
            // Spend the time a hash check takes, so an unknown name answers no faster than a wrong password.
            hasher.burn(password == null ? "" : password);
            return LoginCheck.refused("unknown user");
        }
        if (password == null || !hasher.matches(password, account.passwordHash)) {
            countFailure(account.id);
            return LoginCheck.refused("wrong password");
        }
        if (!account.usableOn(today())) {
            return LoginCheck.refused(account.locked ? "account locked" : "access ended");
        }
        AuthenticatedUser user = write(em -> {
            UserAccount current = em.find(UserAccount.class, account.id);
            current.failedAttempts = 0;
            return current.toUser();
        });
        return LoginCheck.accepted(user);
    }

    /** What a password check found: the user, or why not (for the audit trail, never for the caller). */
    record LoginCheck(AuthenticatedUser user, String refusal) {
        static LoginCheck accepted(AuthenticatedUser user) {
            return new LoginCheck(user, null);
        }

        static LoginCheck refused(String reason) {
            return new LoginCheck(null, reason);
        }
    }

    /** The user if the account still exists and may be used today. */
    Optional<AuthenticatedUser> usableUser(long userId) {
        return Transactions.read(security, em -> {
            UserAccount account = em.find(UserAccount.class, userId);
            return account == null || !account.usableOn(today()) ? Optional.<AuthenticatedUser>empty() : Optional.of(account.toUser());
        });
    }

    /**
     * Counts a failed login in the database (one UPDATE, safe against concurrent failures) and locks
     * the account after too many in a row — except the last usable administrator, who would otherwise
     * be locked out by anyone typing wrong passwords; the login throttle still slows that guessing down.
     */
    private void countFailure(long userId) {
        write(em -> em.createQuery(
                "UPDATE UserAccount u SET u.failedAttempts = u.failedAttempts + 1 WHERE u.id = :id")
                .setParameter("id", userId).executeUpdate());
        changingAdministrators(em -> {
            UserAccount current = em.find(UserAccount.class, userId);
            if (current == null || current.locked || current.failedAttempts < lockoutAfter) {
                return null;
            }
            if (lastAdministrator(em, current)) {
                LOG.warning(() -> "Account " + current.username + " has " + current.failedAttempts
                        + " failed logins in a row; not locked because it is the last administrator");
                return null;
            }
            current.locked = true;
            withdrawAccess(em, current.id);
            LOG.warning(() -> "Account " + current.username + " locked after " + current.failedAttempts + " failed logins");
            audit.record(null, "security.user.lock", "user/" + current.username, "success", current.failedAttempts + " failed logins in a row");
            return null;
        });
    }

    // ---------------------------------------------------------------- administration

    UserView create(UserView user) {
        if (user == null) {
            throw DomainException.invalid("username", "a user is required");
        }
        String name = user.username() == null ? "" : user.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw DomainException.invalid("username", "username must be 2 to 100 lower-case letters, digits, '.', '_' or '-'");
        }
        Set<Role> roles = roles(user.roles());
        checkProfile(user.displayName(), roles, user.accessEndDate());
        policy.check("password", user.password(), name);
        return write(em -> {
            if (findByUsername(em, name) != null) {
                throw new DomainException(DomainException.Kind.CONFLICT, "a user named '" + name + "' exists already", "username");
            }
            UserAccount account = newAccount(name, user.displayName().trim(), roles, user.password(), user.accessEndDate());
            em.persist(account);
            em.flush();
            return UserView.of(account);
        });
    }

    // ---------------------------------------------------------------- accounts modules make (platform-api Accounts)

    /** An account a module makes: never an administrator's; the one-time password is the caller's to send. */
    org.secretariat.platform.api.security.Accounts.Created createForModule(String username, String displayName, Set<Role> roles,
            LocalDate accessEnd, String oneTimePassword) {
        Set<Role> given = roles(roles);
        if (given.contains(Role.ADMINISTRATOR)) {
            throw DomainException.invalid("roles", "a module cannot make an administrator's account");
        }
        UserView created = create(new UserView(null, username, displayName, given, accessEnd, null, null, null, null, oneTimePassword));
        return new org.secretariat.platform.api.security.Accounts.Created(account(created), oneTimePassword);
    }

    Optional<org.secretariat.platform.api.security.Accounts.Account> findAccount(String username) {
        return Transactions.read(security, em -> Optional.ofNullable(findByUsername(em, username)).map(UserView::of).map(Accounts::account));
    }

    /** Moves a module-made account's last day; an administrator's account is not a module's to change. */
    org.secretariat.platform.api.security.Accounts.Account setAccessEnd(String username, LocalDate accessEnd) {
        return write(em -> {
            UserAccount account = moduleAccount(em, username);
            if (account.roleSet().contains(Role.CONSULTANT) && accessEnd == null) {
                throw DomainException.invalid("accessEndDate", "a consultant's account needs an access end date");
            }
            account.accessEndDate = accessEnd;
            if (accessEnd != null && today().isAfter(accessEnd)) {
                withdrawAccess(em, account.id);
            }
            em.flush();
            return account(UserView.of(account));
        });
    }

    org.secretariat.platform.api.security.Accounts.Account disable(String username) {
        return write(em -> {
            UserAccount account = moduleAccount(em, username);
            account.locked = true;
            withdrawAccess(em, account.id);
            em.flush();
            return account(UserView.of(account));
        });
    }

    private static UserAccount moduleAccount(EntityManager em, String username) {
        UserAccount account = username == null ? null : findByUsername(em, username);
        if (account == null) {
            throw DomainException.notFound("No user " + username);
        }
        if (account.roleSet().contains(Role.ADMINISTRATOR)) {
            throw DomainException.conflict("User " + username + " is an administrator: a module does not change that account");
        }
        return account;
    }

    private static org.secretariat.platform.api.security.Accounts.Account account(UserView view) {
        return new org.secretariat.platform.api.security.Accounts.Account(view.username(), view.displayName(), view.roles(), view.accessEndDate(),
                Boolean.TRUE.equals(view.locked()));
    }

    /** The first administrator, created once on an empty database; false if another node created it first. */
    boolean createFirstAdministrator(String username, String password, boolean oneTimePassword) {
        UserAccount admin = newAccount(username, "Administrator", EnumSet.of(Role.ADMINISTRATOR), password, null);
        admin.mustChangePassword = oneTimePassword;
        try {
            write(em -> {
                em.persist(admin);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.info("First administrator not created here: " + e.getMessage());
            return false;
        }
    }

    void checkPolicy(String field, String password, String username) {
        policy.check(field, password, username);
    }

    /** Changes name, roles and access end; {@code locked=true} locks the account and ends its sessions and tokens. */
    UserView update(long id, UserView change, AuthenticatedUser caller) {
        if (change == null || change.version() == null) {
            throw DomainException.invalid("version", "version is required: send the version you read");
        }
        Set<Role> roles = roles(change.roles());
        checkProfile(change.displayName(), roles, change.accessEndDate());
        boolean lock = Boolean.TRUE.equals(change.locked());
        if (lock && id == caller.id()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "You cannot lock your own account", "locked");
        }
        return changingAdministrators(em -> {
            UserAccount account = find(em, id);
            if (account.version != change.version()) {
                throw DomainException.conflict("User " + account.username + " was changed by someone else; reload it");
            }
            boolean losesAdministrator = account.roleSet().contains(Role.ADMINISTRATOR) && (lock || !roles.contains(Role.ADMINISTRATOR));
            if (losesAdministrator && lastAdministrator(em, account)) {
                throw new DomainException(DomainException.Kind.CONFLICT,
                        "This is the last administrator: give another user the ADMINISTRATOR role first", "roles");
            }
            account.displayName = change.displayName().trim();
            account.setRoles(roles);
            account.accessEndDate = change.accessEndDate();
            if (lock) {
                account.locked = true;
                withdrawAccess(em, id);
            }
            em.flush();
            return UserView.of(account);
        });
    }

    /** An administrator's reset: the user must change it at next login; their sessions and tokens end. */
    void resetPassword(long id, String password) {
        write(em -> {
            UserAccount account = find(em, id);
            policy.check("password", password, account.username);
            account.passwordHash = hasher.hash(password);
            account.mustChangePassword = true;
            account.passwordChangedAt = clock.instant();
            withdrawAccess(em, id);
            return null;
        });
    }

    UserView unlock(long id) {
        UserView unlocked = write(em -> {
            UserAccount account = find(em, id);
            account.locked = false;
            account.failedAttempts = 0;
            em.flush();
            return UserView.of(account);
        });
        throttle.clear(unlocked.username());
        return unlocked;
    }

    void delete(long id, AuthenticatedUser caller) {
        if (id == caller.id()) {
            throw DomainException.conflict("You cannot delete your own account");
        }
        changingAdministrators(em -> {
            UserAccount account = find(em, id);
            if (account.roleSet().contains(Role.ADMINISTRATOR) && lastAdministrator(em, account)) {
                throw DomainException.conflict("This is the last administrator");
            }
            SessionRecord.deleteAllOf(em, id, null);
            ApiTokenRecord.deleteAllOf(em, id);
            em.remove(account);
            return null;
        });
    }

    /** The user's own change; their other sessions end, the one they use ({@code keepSessionHash}) stays. */
    void changeOwnPassword(AuthenticatedUser user, String currentPassword, String newPassword, String keepSessionHash) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw DomainException.invalid("currentPassword", "your current password is required");
        }
        policy.check("newPassword", newPassword, user.getName());
        if (newPassword.equals(currentPassword)) {
            throw DomainException.invalid("newPassword", "the new password must differ from the current one");
        }
        write(em -> {
            UserAccount account = em.find(UserAccount.class, user.id());
            if (account == null || !hasher.matches(currentPassword, account.passwordHash)) {
                throw DomainException.invalid("currentPassword", "the current password is wrong");
            }
            account.passwordHash = hasher.hash(newPassword);
            account.mustChangePassword = false;
            account.passwordChangedAt = clock.instant();
            SessionRecord.deleteAllOf(em, user.id(), keepSessionHash);
            return null;
        });
    }

    // ---------------------------------------------------------------- rules

    private static Set<Role> roles(Set<Role> roles) {
        if (roles != null && roles.contains(null)) {
            throw DomainException.invalid("roles", "roles must not contain null: " + Arrays.toString(Role.values()));
        }
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /**
     * Every write to accounts goes through here and moves {@link #changes()} once it is over (committed
     * or not): the security answers cached for a few seconds (tokens, see {@link ShortCache}) that were
     * read before it are not used again.
     */
    private <T> T write(Function<EntityManager, T> work) {
        try {
            return Transactions.inTransaction(security, work);
        } finally {
            changes.incrementAndGet();
        }
    }

    /** How many writes to accounts this node has made: see {@link #write}. */
    long changes() {
        return changes.get();
    }

    private static void checkProfile(String displayName, Set<Role> roles, LocalDate accessEnd) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw DomainException.invalid("displayName", "displayName is required, at most 200 characters");
        }
        if (roles.isEmpty()) {
            throw DomainException.invalid("roles", "at least one role is required: " + Arrays.toString(Role.values()));
        }
        if (roles.contains(Role.CONSULTANT) && accessEnd == null) {
            throw DomainException.invalid("accessEndDate", "a consultant's account needs an access end date");
        }
    }

    /** Whether {@code account} is the only usable administrator: then nothing may take that away. */
    private boolean lastAdministrator(EntityManager em, UserAccount account) {
        if (!account.roleSet().contains(Role.ADMINISTRATOR) || !account.usableOn(today())) {
            return false;
        }
        // usableOn checks the lock: EclipseLink writes a JPQL boolean literal as 0/1, which Derby's BOOLEAN refuses.
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.id <> :id", UserAccount.class)
                .setParameter("id", account.id).getResultList().stream()
                .noneMatch(u -> u.roleSet().contains(Role.ADMINISTRATOR) && u.usableOn(today()));
    }

    /**
     * Runs a change that may take away an administrator in its own transaction, one at a time: two
     * administrators demoting each other at once would each still see the other and leave none. The
     * JVM lock serialises them on this node, the database lock across the nodes sharing the database.
     */
    private <T> T changingAdministrators(Function<EntityManager, T> work) {
        administratorChanges.lock();
        try {
            return write(em -> {
                ClusterLocks locks = clusterLocks;
                if (locks != null) {
                    locks.lock(em, ADMINISTRATOR_CHANGES_LOCK);
                }
                return work.apply(em);
            });
        } finally {
            administratorChanges.unlock();
        }
    }

    /** A locked or reset account keeps no way in: its sessions end and its API tokens are revoked. */
    private void withdrawAccess(EntityManager em, long userId) {
        SessionRecord.deleteAllOf(em, userId, null);
        ApiTokenRecord.revokeAllOf(em, userId, clock.instant());
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
}
