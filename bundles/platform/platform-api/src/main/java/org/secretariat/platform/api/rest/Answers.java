package org.secretariat.platform.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method that builds its {@code Response} answers on success, for the API description
 * ({@code GET /api/openapi.json}): the status and the type of the JSON body. A method that returns its
 * DTO is described from its return type and needs none of this; one that answers
 * {@code Response.status(201).entity(view)} is described only through this annotation, e.g.
 * {@code @Answers(status = 201, value = Budgets.View.class)}.
 *
 * @since 1.4
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Answers {

    /** The success status, e.g. 201. */
    int status() default 200;

    /** The body's type (a record); {@code Void.class} for no body. */
    Class<?> value();

    /** Whether the body is a JSON array of {@link #value()}. */
    boolean list() default false;
}
