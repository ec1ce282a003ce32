package org.secretariat.platform.security.impl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The resource method writes its own, more precise, audit record (e.g. login); the filter does not add one. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SelfAudited {
}
