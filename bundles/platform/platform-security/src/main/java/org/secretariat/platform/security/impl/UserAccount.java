package org.secretariat.platform.security.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Role;

@Entity
@Table(name = "SECURITY_USER")
public class UserAccount {

    @Id
    @TableGenerator(name = "user", table = "SECURITY_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "USER", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "user")
    Long id;

    @Column(name = "USERNAME", nullable = false, unique = true)
    String username;

    @Column(name = "DISPLAY_NAME", nullable = false)
    String displayName;

    @Column(name = "PASSWORD_HASH", nullable = false)
    String passwordHash;

    @Column(name = "ROLES", nullable = false)
    String roles;

    @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
    boolean mustChangePassword;

    @Column(name = "ACCESS_END_DATE")
    LocalDate accessEndDate;

    @Column(name = "LOCKED", nullable = false)
    boolean locked;

    @Column(name = "FAILED_ATTEMPTS", nullable = false)
    int failedAttempts;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "PASSWORD_CHANGED_AT", nullable = false)
    Instant passwordChangedAt;

    @Version
    @Column(name = "VERSION")
    int version;

    Set<Role> roleSet() {
        if (roles == null || roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    void setRoles(Set<Role> set) {
        roles = set.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    /** Whether the account may be used today (not locked, access not ended). */
    boolean usableOn(LocalDate today) {
        return !locked && (accessEndDate == null || !today.isAfter(accessEndDate));
    }

    AuthenticatedUser toUser() {
        return new AuthenticatedUser(id, username, displayName, roleSet(), mustChangePassword);
    }
}
