package org.secretariat.contacts.impl.groups;

import java.time.Instant;

import org.secretariat.contacts.impl.domain.ContactGroup;
import org.secretariat.contacts.impl.domain.GroupKind;

/**
 * A group as the API shows and takes it: {@code query} for a {@code QUERY} group (null for a
 * {@code STATIC} one); {@code members} (the count of a static group's members; null for a query, which is
 * evaluated only when its members are asked for), {@code createdBy} and {@code createdAt} are shown, not
 * taken; {@code version} is the one read.
 */
public record GroupDto(Long id, String name, String description, GroupKind kind, GroupQueryDto query, Long members, String createdBy,
        Instant createdAt, Integer version) {

    static GroupDto of(ContactGroup group, Long members) {
        return new GroupDto(group.id, group.name, group.description, group.kind, group.kind == GroupKind.QUERY ? GroupQueryDto.of(group) : null,
                members, group.createdBy, group.createdAt, group.version);
    }
}
