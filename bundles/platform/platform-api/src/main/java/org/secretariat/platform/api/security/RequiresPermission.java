package org.secretariat.platform.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller must hold this permission (e.g. {@code meetings.document.publish}) through one of
 * their roles. The module declares the permission and its default roles with a
 * {@link PermissionDeclaration}; an administrator may change which roles hold it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {
    String value();
}
