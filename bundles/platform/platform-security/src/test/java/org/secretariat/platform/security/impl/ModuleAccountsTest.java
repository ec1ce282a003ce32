package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.security.Role;
import org.secretariat.platform.testing.ModuleDatabase;

/** platform-api's Accounts as a module uses it, over a real (in-memory) security schema, on given days. */
class ModuleAccountsTest {

    private static final LocalDate END = LocalDate.of(2026, 9, 30);

    private ModuleDatabase database;
    private SecurityConfiguration configuration;
    private AuditService audit;

    @BeforeEach
    void open() {
        database = ModuleDatabase.of("security", UserAccount.class);
        configuration = new TestSecurityConfiguration();
        audit = new AuditService(database.factory());
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The platform's accounts as they are on a day (at 23:59 UTC, the day's last minute). */
    private Accounts on(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(23, 59).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new Accounts(configuration, database.factory(), audit, new LoginThrottle(configuration), clock);
    }

    @Test
    void aConsultantsAccountWorksUntilItsEndDateAndNotTheDayAfter() {
        ModuleAccounts module = new ModuleAccounts(on(END.minusMonths(3)), audit);
        org.secretariat.platform.api.security.Accounts.Created created = module.create("amara.consultant", "Amara Sy", EnumSet.of(Role.CONSULTANT),
                END, "specialist");
        String password = created.oneTimePassword();
        assertEquals(20, password.length());
        assertEquals(END, created.account().accessEndDate());

        Accounts lastDay = on(END);
        Accounts.LoginCheck onTheLastDay = lastDay.checkLogin("amara.consultant", password);
        assertNotNull(onTheLastDay.user(), "the end date is the last day it works");
        assertTrue(onTheLastDay.user().passwordChangeRequired(), "the one-time password must be changed at the first login");
        long id = onTheLastDay.user().id();
        assertTrue(lastDay.usableUser(id).isPresent(), "sessions and tokens hold on the last day");

        Accounts dayAfter = on(END.plusDays(1));
        Accounts.LoginCheck refused = dayAfter.checkLogin("amara.consultant", password);
        assertNull(refused.user());
        assertEquals("access ended", refused.refusal());
        assertTrue(dayAfter.usableUser(id).isEmpty(), "every request of a session or token is refused the day after");

        ModuleAccounts later = new ModuleAccounts(dayAfter, audit);
        later.setAccessEnd("amara.consultant", END.plusMonths(1), "specialist");
        assertNotNull(dayAfter.checkLogin("amara.consultant", password).user(), "an extended contract extends the access");
        assertTrue(later.disable("amara.consultant", "specialist").locked());
        assertEquals("account locked", dayAfter.checkLogin("amara.consultant", password).refusal());
    }

    @Test
    void aModuleMakesNoAdministratorAndChangesNone() {
        Accounts accounts = on(END);
        accounts.create(new UserView(null, "admin", "Administrator", EnumSet.of(Role.ADMINISTRATOR), null, null, null, null, null,
                "correct horse battery"));
        ModuleAccounts module = new ModuleAccounts(accounts, audit);

        DomainException administrator = assertThrows(DomainException.class,
                () -> module.create("sneaky", "Sneaky", EnumSet.of(Role.CONSULTANT, Role.ADMINISTRATOR), END, "specialist"));
        assertEquals("roles", administrator.field());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class, () -> module.disable("admin", "specialist")).kind());
        assertEquals(DomainException.Kind.CONFLICT,
                assertThrows(DomainException.class, () -> module.setAccessEnd("admin", END, "specialist")).kind());
        assertEquals("accessEndDate", assertThrows(DomainException.class,
                () -> module.create("noend", "No End", EnumSet.of(Role.CONSULTANT), null, "specialist")).field());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> module.create("admin", "Again", EnumSet.of(Role.CONSULTANT), END, "specialist")).kind());
        assertFalse(module.find("sneaky").isPresent());
        assertTrue(module.find("admin").isPresent());
    }
}
