package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Role;
import org.secretariat.platform.testing.ModuleDatabase;

/** The account rules over a real (in-memory) security schema, without the framework. */
class AccountsTest {

    private static final String PASSWORD = "correct horse battery";

    private ModuleDatabase database;
    private Accounts accounts;
    private Sessions sessions;
    private Tokens tokens;

    @BeforeEach
    void open() {
        database = ModuleDatabase.of("security", UserAccount.class);
        SecurityConfiguration configuration = new TestSecurityConfiguration();
        AuditService audit = new AuditService(database.factory());
        LoginThrottle throttle = new LoginThrottle(configuration);
        accounts = new Accounts(configuration, database.factory(), audit, throttle, Clock.systemUTC());
        sessions = new Sessions(configuration, database.factory(), accounts, throttle, audit, Clock.systemUTC());
        tokens = new Tokens(configuration, database.factory(), accounts, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UserView create(String username, Set<Role> roles) {
        return accounts.create(new UserView(null, username, username + " name", roles, null, null, null, null, null, PASSWORD));
    }

    private static AuthenticatedUser caller(UserView user) {
        return new AuthenticatedUser(user.id(), user.username(), user.displayName(), user.roles(), false);
    }

    private static UserView change(UserView user, Set<Role> roles, Boolean locked) {
        return new UserView(user.id(), user.username(), user.displayName(), roles, user.accessEndDate(), locked, null, null, user.version(), null);
    }

    @Test
    void theLastAdministratorCanBeNeitherDemotedNorDeletedNorLockedByFailures() {
        UserView admin = create("admin", EnumSet.of(Role.ADMINISTRATOR));
        UserView director = create("director", EnumSet.of(Role.DIRECTOR));

        DomainException demotion = assertThrows(DomainException.class,
                () -> accounts.update(admin.id(), change(admin, EnumSet.of(Role.DIRECTOR), null), caller(director)));
        assertEquals(DomainException.Kind.CONFLICT, demotion.kind());
        assertEquals("roles", demotion.field());
        assertEquals(DomainException.Kind.CONFLICT,
                assertThrows(DomainException.class, () -> accounts.delete(admin.id(), caller(director))).kind());

        for (int i = 0; i < 5; i++) {
            assertNull(accounts.checkLogin("admin", "wrong password " + i).user());
        }
        assertTrue(accounts.checkLogin("admin", PASSWORD).user() != null, "the last administrator is never locked by failures");
    }

    @Test
    void withASecondAdministratorTheFirstCanBeDemotedAndFailuresLockAnAccount() {
        UserView first = create("first", EnumSet.of(Role.ADMINISTRATOR));
        UserView second = create("second", EnumSet.of(Role.ADMINISTRATOR));

        UserView demoted = accounts.update(first.id(), change(first, EnumSet.of(Role.SPECIALIST), null), caller(second));
        assertEquals(Set.of(Role.SPECIALIST), demoted.roles());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> accounts.update(second.id(), change(accounts.get(second.id()), EnumSet.of(Role.DIRECTOR), null), caller(second))).kind(),
                "second is now the last administrator");

        for (int i = 0; i < 3; i++) {
            assertEquals("wrong password", accounts.checkLogin("first", "nope").refusal());
        }
        assertEquals("account locked", accounts.checkLogin("first", PASSWORD).refusal());
        assertTrue(accounts.get(first.id()).locked());
        assertFalse(accounts.unlock(first.id()).locked());
        assertNull(accounts.checkLogin("first", PASSWORD).refusal());
    }

    @Test
    void lockingAUserEndsTheirSessionsAndRevokesTheirTokens() {
        UserView admin = create("admin", EnumSet.of(Role.ADMINISTRATOR));
        UserView assistant = create("assistant", EnumSet.of(Role.ASSISTANT));
        accounts.changeOwnPassword(caller(assistant), PASSWORD, PASSWORD + " changed", null);
        Sessions.Login login = sessions.login("assistant", PASSWORD + " changed", "127.0.0.1");
        TokenView token = tokens.create(caller(assistant), new TokenView(null, "script", null, Instant.now().plusSeconds(3600), null, null, null));
        assertTrue(sessions.session(login.sessionCookie()).isPresent());
        assertTrue(tokens.userOf(token.token()).isPresent());

        accounts.update(assistant.id(), change(accounts.get(assistant.id()), EnumSet.of(Role.ASSISTANT), true), caller(admin));

        assertTrue(sessions.session(login.sessionCookie()).isEmpty());
        assertTrue(tokens.userOf(token.token()).isEmpty());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> accounts.update(admin.id(), change(admin, EnumSet.of(Role.ADMINISTRATOR), true), caller(admin))).kind(),
                "nobody locks their own account");
    }

    @Test
    void aTokenCheckedAMomentAgoStillFollowsRevocationExpiryAndOtherNodes() {
        UserView assistant = create("assistant", EnumSet.of(Role.ASSISTANT));
        accounts.changeOwnPassword(caller(assistant), PASSWORD, PASSWORD + " changed", null);
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        java.util.concurrent.atomic.AtomicReference<Instant> instant = new java.util.concurrent.atomic.AtomicReference<>(start);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return instant.get();
            }
        };
        Tokens timed = new Tokens(new TestSecurityConfiguration(), database.factory(), accounts, clock, nanos::get);

        // Revoked on this node: refused at the very next call, though it was checked a moment before.
        TokenView revoked = timed.create(caller(assistant), new TokenView(null, "revoked", null, start.plusSeconds(3600), null, null, null));
        assertTrue(timed.userOf(revoked.token()).isPresent());
        timed.revoke(assistant.id(), revoked.id());
        assertTrue(timed.userOf(revoked.token()).isEmpty());

        // Expiry is checked on every call, remembered or not.
        TokenView expiring = timed.create(caller(assistant), new TokenView(null, "expiring", null, start.plusSeconds(60), null, null, null));
        assertTrue(timed.userOf(expiring.token()).isPresent());
        instant.set(start.plusSeconds(60));
        assertTrue(timed.userOf(expiring.token()).isEmpty());

        // Revoked in the database by another node sharing it: seen once the check's time to live has run out.
        TokenView elsewhere = timed.create(caller(assistant), new TokenView(null, "elsewhere", null, start.plusSeconds(3600), null, null, null));
        assertTrue(timed.userOf(elsewhere.token()).isPresent());
        org.secretariat.platform.api.persistence.Transactions.inTransaction(database.factory(), em -> {
            em.find(ApiTokenRecord.class, elsewhere.id()).revokedAt = start;
            return null;
        });
        assertTrue(timed.userOf(elsewhere.token()).isPresent(), "within the time to live, the check made a moment ago stands");
        nanos.addAndGet(Tokens.CHECK_TTL.toNanos());
        assertTrue(timed.userOf(elsewhere.token()).isEmpty());
    }

    @Test
    void aStaleVersionIsAConflictAndFieldsAreNamed() {
        UserView admin = create("admin", EnumSet.of(Role.ADMINISTRATOR));
        UserView user = create("user", EnumSet.of(Role.SPECIALIST));
        accounts.update(user.id(), change(user, EnumSet.of(Role.DIRECTOR), null), caller(admin));
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> accounts.update(user.id(), change(user, EnumSet.of(Role.ASSISTANT), null), caller(admin))).kind());

        assertEquals("username", assertThrows(DomainException.class, () -> create("Bad Name", EnumSet.of(Role.ASSISTANT))).field());
        assertEquals("username", assertThrows(DomainException.class, () -> create("user", EnumSet.of(Role.ASSISTANT))).field());
        assertEquals("accessEndDate", assertThrows(DomainException.class, () -> create("consultant", EnumSet.of(Role.CONSULTANT))).field());
        assertEquals("roles", assertThrows(DomainException.class, () -> create("nobody", EnumSet.noneOf(Role.class))).field());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () -> accounts.get(999_999)).kind());
        UserView consultant = accounts.create(new UserView(null, "consultant", "C", EnumSet.of(Role.CONSULTANT),
                LocalDate.now().plusDays(30), null, null, null, null, PASSWORD));
        assertTrue(consultant.mustChangePassword());
        assertEquals(3, accounts.list(PageRequest.parse(null, null, null, Accounts.SORTABLE, "username")).getTotal());
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButKeepsTheOneInUse() {
        UserView user = create("user", EnumSet.of(Role.SPECIALIST));
        Sessions.Login here = sessions.login("user", PASSWORD, "127.0.0.1");
        Sessions.Login elsewhere = sessions.login("user", PASSWORD, "127.0.0.2");
        accounts.changeOwnPassword(caller(user), PASSWORD, PASSWORD + "!", Sessions.hashOf(here.sessionCookie()));
        assertTrue(sessions.session(here.sessionCookie()).isPresent());
        assertTrue(sessions.session(elsewhere.sessionCookie()).isEmpty());
        assertEquals("currentPassword", assertThrows(DomainException.class,
                () -> accounts.changeOwnPassword(caller(user), "not it at all", PASSWORD + "!!", null)).field());
    }
}
