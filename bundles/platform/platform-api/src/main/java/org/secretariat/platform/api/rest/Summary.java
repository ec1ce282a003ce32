package org.secretariat.platform.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method does, for the API description ({@code GET /api/openapi.json}): its
 * {@link #value()} becomes the operation's {@code summary}, its {@link #description()} (if any) the
 * operation's {@code description}. One short imperative sentence, saying what the call does and for
 * whom, e.g. {@code @Summary("Publish a language version of a page (it becomes visible on the public site)")}.
 * Modules write this instead of depending on swagger's annotations.
 *
 * @since 1.5
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Summary {

    /** The summary: one line, imperative, no final full stop. */
    String value();

    /** A longer description (CommonMark allowed), when the summary is not enough; empty for none. */
    String description() default "";
}
