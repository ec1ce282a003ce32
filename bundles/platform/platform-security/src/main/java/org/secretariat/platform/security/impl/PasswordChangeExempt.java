package org.secretariat.platform.security.impl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Reachable while the user still has to replace a one-time password (session info, logout, password change). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface PasswordChangeExempt {
}
