package org.secretariat.platform.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parts of a {@code multipart/form-data} upload that a resource method reads from the raw stream,
 * for the API description: swagger sees only an {@code InputStream}. E.g.
 * {@code @MultipartParts(file = "file", text = {"title", "category", "language"}, required = {"file", "title"})}.
 *
 * @since 1.4
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MultipartParts {

    /** The name of the file part; empty for none. */
    String file() default "";

    /** The names of the text parts. */
    String[] text() default {};

    /** The parts that must be there. */
    String[] required() default {};
}
