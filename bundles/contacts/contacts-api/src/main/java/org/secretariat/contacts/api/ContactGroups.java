package org.secretariat.contacts.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The groups of people kept by the contacts module (a list staff keep, or a saved query such as "the
 * national focal points for victim assistance"), and who is in them now: another module sends to a
 * group (the meetings module's invitations) without knowing how the group is made. Provided by the
 * contacts module; use it through an optional reference.
 *
 * @since 1.1
 */
@ProviderType
public interface ContactGroups {

    /** Every group, by name. */
    List<GroupSummary> groups();

    /** The group with this id, if there is one. */
    Optional<GroupSummary> group(long groupId);

    /**
     * Who is in the group now, by name, from {@code offset}, at most {@code limit} (a limit of 0 or less
     * answers no member but still the total). A group made by a query is evaluated now; when it cannot be
     * (it needs a module that is not installed) the answer says so rather than failing.
     *
     * @throws java.util.NoSuchElementException when there is no group with this id
     */
    GroupMembers members(long groupId, int offset, int limit);
}
