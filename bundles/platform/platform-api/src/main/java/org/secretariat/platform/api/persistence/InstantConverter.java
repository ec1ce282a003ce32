package org.secretariat.platform.api.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Stores {@link Instant} fields as SQL {@code TIMESTAMP} (JPA 2.2 maps the other java.time types
 * but not this one). The platform adds it to every module's persistence unit, so an entity just
 * declares an {@code Instant} field. The launcher runs the JVM in UTC, so the stored wall time is UTC.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
