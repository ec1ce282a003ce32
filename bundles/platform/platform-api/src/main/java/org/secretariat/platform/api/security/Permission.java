package org.secretariat.platform.api.security;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A permission a module declares, with the roles that hold it until an administrator says otherwise. */
public final class Permission {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+");

    private final String name;
    private final String description;
    private final Set<Role> defaultRoles;

    /**
     * @param name dotted, starting with the module id, e.g. {@code finance.budget.approve}
     * @throws IllegalArgumentException when the name is not of that form
     */
    public Permission(String name, String description, Set<Role> defaultRoles) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("permission name '" + name + "' must be dotted lower case, e.g. meetings.document.publish");
        }
        this.name = name;
        this.description = Objects.requireNonNull(description, "description");
        this.defaultRoles = Set.copyOf(defaultRoles);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Set<Role> defaultRoles() {
        return defaultRoles;
    }
}
