package org.secretariat.platform.security.impl;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;

import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.platform.api.security.Role;

/**
 * The access rule of a resource method: its own annotation, else its class's. A method with none is
 * denied to everyone: access must be declared, never assumed.
 */
final class AccessRule {

    enum Kind { PUBLIC, ROLES, PERMISSION, DENIED, UNDECLARED }

    final Kind kind;
    final Set<Role> roles;
    final String permission;

    private AccessRule(Kind kind, Set<Role> roles, String permission) {
        this.kind = kind;
        this.roles = roles;
        this.permission = permission;
    }

    static AccessRule of(Method method, Class<?> type) {
        AccessRule rule = method == null ? null : fromAnnotations(method.getAnnotation(PermitAll.class), method.getAnnotation(DenyAll.class),
                method.getAnnotation(RolesAllowed.class), method.getAnnotation(RequiresPermission.class));
        if (rule == null && type != null) {
            rule = fromAnnotations(type.getAnnotation(PermitAll.class), type.getAnnotation(DenyAll.class),
                    type.getAnnotation(RolesAllowed.class), type.getAnnotation(RequiresPermission.class));
        }
        return rule == null ? new AccessRule(Kind.UNDECLARED, Set.of(), null) : rule;
    }

    private static AccessRule fromAnnotations(PermitAll permitAll, DenyAll denyAll, RolesAllowed rolesAllowed, RequiresPermission permission) {
        if (denyAll != null) {
            return new AccessRule(Kind.DENIED, Set.of(), null);
        }
        if (permitAll != null) {
            return new AccessRule(Kind.PUBLIC, Set.of(), null);
        }
        if (rolesAllowed != null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(rolesAllowed.value()).map(Role::valueOf).forEach(roles::add);
            return new AccessRule(Kind.ROLES, roles, null);
        }
        if (permission != null) {
            return new AccessRule(Kind.PERMISSION, Set.of(), permission.value());
        }
        return null;
    }
}
