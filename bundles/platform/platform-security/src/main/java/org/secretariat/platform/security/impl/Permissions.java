package org.secretariat.platform.security.impl;

import java.time.Duration;
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
import org.secretariat.platform.api.health.HealthContributor;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The permissions installed modules declare, and which roles hold each: the module's default unless
 * an administrator chose otherwise (kept in SECURITY_ROLE_PERMISSION, also while a module is away).
 * A permission no installed module declares is held by nobody.
 */
@Component(service = {Permissions.class, HealthContributor.class})
public class Permissions implements HealthContributor {

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

    /**
     * A module's declaration as read once when it came: a declaration that throws, names a permission
     * against the rule or one another module declared first is set aside whole and reported in health,
     * so one module's mistake never breaks another's requests.
     */
    record Declared(PermissionDeclaration source, String module, List<Permission> permissions, String problem) {
    }

    /**
     * How long the roles an administrator chose for a permission are used without reading them again:
     * every permission-guarded call asks. A change made on this node counts from the next call; one
     * made on another node sharing the database within this time.
     */
    static final Duration OVERRIDES_TTL = Duration.ofSeconds(5);

    private final EntityManagerFactory security;
    private final List<Declared> declarations = new CopyOnWriteArrayList<>();
    private final ShortCache<String, List<RolePermissionRecord>> overrides = new ShortCache<>(OVERRIDES_TTL, 1_000, () -> 0L);

    @Activate
    public Permissions(@Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security) {
        this.security = security;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDeclaration(PermissionDeclaration declaration) {
        declarations.add(read(declaration));
    }

    void removeDeclaration(PermissionDeclaration declaration) {
        declarations.removeIf(declared -> declared.source() == declaration);
    }

    private Declared read(PermissionDeclaration declaration) {
        String module;
        List<Permission> permissions;
        try {
            module = declaration.module();
            permissions = List.copyOf(declaration.permissions());
        } catch (RuntimeException e) {
            return new Declared(declaration, declaration.getClass().getName(), List.of(),
                    "its permission declaration failed and was set aside: " + e.getMessage());
        }
        for (Permission permission : permissions) {
            for (Declared other : declarations) {
                if (other.problem() == null && !other.module().equals(module) && other.permissions().stream().anyMatch(p -> p.name().equals(permission.name()))) {
                    return new Declared(declaration, module, List.of(), "its permissions were set aside: " + permission.name()
                            + " is declared by module " + other.module() + " already");
                }
            }
        }
        return new Declared(declaration, module, permissions, null);
    }

    @Override
    public Map<String, List<String>> problems() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (Declared declared : declarations) {
            if (declared.problem() != null) {
                problems.computeIfAbsent(declared.module(), module -> new ArrayList<>()).add(declared.problem());
            }
        }
        return problems;
    }

    boolean holds(Set<Role> roles, String permission) {
        Entry entry = find(permission);
        return entry != null && entry.roles.stream().anyMatch(roles::contains);
    }

    Entry find(String permission) {
        for (Declared declared : declarations) {
            for (Permission candidate : declared.permissions()) {
                if (candidate.name().equals(permission)) {
                    return entry(declared.module(), candidate, overrides(permission));
                }
            }
        }
        return null;
    }

    List<Entry> all() {
        Map<String, Entry> entries = new TreeMap<>();
        for (Declared declared : declarations) {
            for (Permission permission : declared.permissions()) {
                entries.put(permission.name(), entry(declared.module(), permission, overrides(permission.name())));
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
        overrides.invalidateAll();
    }

    private List<RolePermissionRecord> overrides(String permission) {
        List<RolePermissionRecord> known = overrides.get(permission);
        if (known != null) {
            return known;
        }
        long generation = overrides.generation();
        List<RolePermissionRecord> read = List.copyOf(Transactions.read(security, em -> em.createQuery(
                "SELECT r FROM RolePermissionRecord r WHERE r.permission = :permission", RolePermissionRecord.class)
                .setParameter("permission", permission).getResultList()));
        overrides.put(permission, read, generation);
        return read;
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
