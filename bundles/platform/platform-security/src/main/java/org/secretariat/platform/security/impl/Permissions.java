package org.secretariat.platform.security.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The permissions installed modules declare, and which roles hold each: the module's default unless
 * an administrator chose otherwise (kept in SECURITY_ROLE_PERMISSION, also while a module is away).
 * A permission no installed module declares is held by nobody.
 */
@Component(service = Permissions.class)
public class Permissions {

    /** A declared permission with the roles that hold it now. */
    static final class Entry {
        final String module;
        final Permission permission;
        final Set<Role> roles;
        final boolean customised;

        Entry(String module, Permission permission, Set<Role> roles, boolean customised) {
            this.module = module;
            this.permission = permission;
            this.roles = roles;
            this.customised = customised;
        }
    }

    private final EntityManagerFactory security;
    private final List<PermissionDeclaration> declarations = new CopyOnWriteArrayList<>();

    @Activate
    public Permissions(@Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security) {
        this.security = security;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDeclaration(PermissionDeclaration declaration) {
        declarations.add(declaration);
    }

    void removeDeclaration(PermissionDeclaration declaration) {
        declarations.remove(declaration);
    }

    boolean holds(Set<Role> roles, String permission) {
        Entry entry = find(permission);
        return entry != null && entry.roles.stream().anyMatch(roles::contains);
    }

    Entry find(String permission) {
        for (PermissionDeclaration declaration : declarations) {
            for (Permission candidate : declaration.permissions()) {
                if (candidate.name().equals(permission)) {
                    return entry(declaration.module(), candidate, overrides(permission));
                }
            }
        }
        return null;
    }

    List<Entry> all() {
        Map<String, Entry> entries = new TreeMap<>();
        for (PermissionDeclaration declaration : declarations) {
            for (Permission permission : declaration.permissions()) {
                entries.put(permission.name(), entry(declaration.module(), permission, overrides(permission.name())));
            }
        }
        return new ArrayList<>(entries.values());
    }

    /** Replaces the roles holding {@code permission}. */
    void set(String permission, Set<Role> roles) {
        Transactions.inTransaction(security, em -> {
            em.createQuery("DELETE FROM RolePermissionRecord r WHERE r.permission = :permission")
                    .setParameter("permission", permission).executeUpdate();
            for (Role role : Role.values()) {
                RolePermissionRecord record = new RolePermissionRecord();
                record.permission = permission;
                record.roleName = role.name();
                record.granted = roles.contains(role);
                em.persist(record);
            }
            return null;
        });
    }

    private List<RolePermissionRecord> overrides(String permission) {
        return Transactions.read(security, em -> em.createQuery(
                "SELECT r FROM RolePermissionRecord r WHERE r.permission = :permission", RolePermissionRecord.class)
                .setParameter("permission", permission).getResultList());
    }

    private static Entry entry(String module, Permission permission, List<RolePermissionRecord> overrides) {
        if (overrides.isEmpty()) {
            return new Entry(module, permission, permission.defaultRoles(), false);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (RolePermissionRecord record : overrides) {
            if (record.granted) {
                roles.add(Role.valueOf(record.roleName));
            }
        }
        return new Entry(module, permission, roles, true);
    }
}
