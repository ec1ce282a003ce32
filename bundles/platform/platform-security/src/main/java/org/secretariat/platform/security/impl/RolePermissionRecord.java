package org.secretariat.platform.security.impl;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** An administrator's choice of whether a role holds a permission (overrides the module's default). */
@Entity
@Table(name = "SECURITY_ROLE_PERMISSION")
@IdClass(RolePermissionRecord.Key.class)
public class RolePermissionRecord {

    /** Composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String permission;
        public String roleName;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(permission, ((Key) other).permission)
                    && Objects.equals(roleName, ((Key) other).roleName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(permission, roleName);
        }
    }

    @Id
    @Column(name = "PERMISSION")
    String permission;

    @Id
    @Column(name = "ROLE_NAME")
    String roleName;

    @Column(name = "GRANTED", nullable = false)
    boolean granted;
}
