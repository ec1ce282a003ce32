package org.secretariat.platform.openapi.impl;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Swagger's model resolver, saying what Java says: a property of a reference type (String, Integer,
 * LocalDate, a list, another record) may be null, one of a primitive type may not. Without it the
 * document would promise a string where the API answers {@code null} (a draft budget's approvedBy),
 * and no client could trust its schemas. A property that refers to another schema becomes
 * {@code allOf: [$ref]} with {@code nullable}, as OpenAPI 3.0 ignores anything beside a {@code $ref}.
 * And {@code Object} (the values of a {@code Map<String, Object>} answer) is any JSON value, not an
 * object.
 */
final class NullableReferences extends ModelResolver {

    /** What an Object's schema says; swagger types it "object" afterwards, which {@link #untypeAnyValues} takes back. */
    static final String ANY_VALUE = "Any JSON value";

    NullableReferences(ObjectMapper mapper, TypeNameResolver names) {
        super(mapper, names);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> next) {
        if (annotated != null && annotated.getType() != null) {
            JavaType type = annotated.getType() instanceof JavaType ? (JavaType) annotated.getType() : _mapper.constructType(annotated.getType());
            if (type.getRawClass() == Object.class) {
                return new Schema<>().description(ANY_VALUE);
            }
        }
        return super.resolve(annotated, context, next);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected void applyBeanValidatorAnnotations(BeanPropertyDefinition property, Schema schema, Annotation[] annotations, Schema parent,
            boolean applyNotNullAnnotations) {
        super.applyBeanValidatorAnnotations(property, schema, annotations, parent, applyNotNullAnnotations);
        if (schema == null || property == null || property.getPrimaryType() == null || property.getPrimaryType().isPrimitive()) {
            return;
        }
        if (schema.get$ref() != null) {
            Schema reference = new Schema().$ref(schema.get$ref());
            schema.set$ref(null);
            schema.setAllOf(new java.util.ArrayList<>(List.of(reference)));
        }
        schema.setNullable(true);
    }

    /** Takes the type off every schema of an Object (any JSON value), wherever it is nested. */
    @SuppressWarnings("rawtypes")
    static void untypeAnyValues(io.swagger.v3.oas.models.OpenAPI api) {
        java.util.Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(schema -> untype(schema, seen));
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> untype(media.getSchema(), seen));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().forEach(response -> {
                        if (response.getContent() != null) {
                            response.getContent().values().forEach(media -> untype(media.getSchema(), seen));
                        }
                    });
                }
            }));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void untype(Schema schema, java.util.Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (ANY_VALUE.equals(schema.getDescription()) && schema.getProperties() == null) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            ((java.util.Map<String, Schema>) schema.getProperties()).values().forEach(property -> untype(property, seen));
        }
        if (schema.getAdditionalProperties() instanceof Schema) {
            untype((Schema) schema.getAdditionalProperties(), seen);
        }
        if (schema instanceof io.swagger.v3.oas.models.media.ArraySchema) {
            untype(((io.swagger.v3.oas.models.media.ArraySchema) schema).getItems(), seen);
        }
        for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (composed != null) {
                composed.forEach(part -> untype(part, seen));
            }
        }
    }
}
