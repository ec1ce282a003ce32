package ${package}.impl.service;

import java.time.Instant;

import ${package}.impl.domain.${entity};

/**
 * A ${entity} as the API shows and takes it: {@code id} and {@code createdAt} are ignored when taken,
 * {@code version} is the one read (required to change or delete).
 */
public record ${entity}Dto(Long id, String title, String notes, Instant createdAt, Integer version) {

    static ${entity}Dto of(${entity} entity) {
        return new ${entity}Dto(entity.id, entity.title, entity.notes, entity.createdAt, entity.version);
    }
}
