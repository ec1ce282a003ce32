package org.secretariat.platform.openapi.impl;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names for the document's components: a nested record is named with its service,
 * {@code Decisions.Input}, so that the many {@code Input} and {@code View} records do not collide.
 */
final class SchemaNames extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        Class<?> outer = type.getEnclosingClass();
        if (outer != null && type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class) == null) {
            return outer.getSimpleName() + "." + type.getSimpleName();
        }
        return name;
    }
}
