package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.platform.api.security.Role;

class AccessRuleTest {

    @RolesAllowed(Role.Names.DIRECTOR)
    static class DirectorsOnly {
        public void inherited() {
        }

        @PermitAll
        public void open() {
        }

        @RequiresPermission("finance.budget.approve")
        public void approve() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class Undeclared {
        public void forgotten() {
        }
    }

    private static AccessRule rule(Class<?> type, String method) throws NoSuchMethodException {
        return AccessRule.of(type.getMethod(method), type);
    }

    @Test
    void theMethodsRuleWinsOverItsClass() throws Exception {
        assertEquals(AccessRule.Kind.ROLES, rule(DirectorsOnly.class, "inherited").kind);
        assertEquals(Set.of(Role.DIRECTOR), rule(DirectorsOnly.class, "inherited").roles);
        assertEquals(AccessRule.Kind.PUBLIC, rule(DirectorsOnly.class, "open").kind);
        assertEquals("finance.budget.approve", rule(DirectorsOnly.class, "approve").permission);
        assertEquals(AccessRule.Kind.DENIED, rule(DirectorsOnly.class, "closed").kind);
    }

    @Test
    void noRuleMeansNoAccess() throws Exception {
        assertEquals(AccessRule.Kind.UNDECLARED, rule(Undeclared.class, "forgotten").kind);
        assertEquals(AccessRule.Kind.UNDECLARED, AccessRule.of(null, null).kind);
    }
}
