package org.secretariat.contacts.api;

import java.util.Objects;

/**
 * A group of people as other modules name it.
 *
 * @param id the group's id
 * @param name its name, unique among groups
 * @param kind {@code STATIC} (a list of people staff keep) or {@code QUERY} (evaluated whenever asked)
 * @param description what it is for, or null
 * @since 1.1
 */
public record GroupSummary(long id, String name, String kind, String description) {

    public GroupSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
