package org.secretariat.contacts.api;

import java.util.List;
import java.util.Objects;

/**
 * A page of a group's members now, or why they cannot be known now.
 *
 * @param available false when the group's query cannot be evaluated now (e.g. it needs the meetings
 *            module, which is not installed): then there are no members and {@code reason} says why
 * @param reason why the group cannot be evaluated now, or null
 * @param members the page of members, by name
 * @param total how many members the group has in all
 * @since 1.1
 */
public record GroupMembers(boolean available, String reason, List<GroupMember> members, long total) {

    public GroupMembers {
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** The answer for a group that cannot be evaluated now. */
    public static GroupMembers unavailable(String reason) {
        return new GroupMembers(false, Objects.requireNonNull(reason, "reason"), List.of(), 0);
    }
}
