package org.secretariat.meetings.impl.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.ContactGroups;
import org.secretariat.contacts.api.GroupMember;
import org.secretariat.contacts.api.GroupMembers;
import org.secretariat.contacts.api.GroupSummary;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The contacts module's groups as recipients of invitations (contacts-api 1.1 {@link ContactGroups}, held
 * by an optional dynamic reference): every member with consent and an address is invited for their State's
 * delegation, in their language. Members are read outside any transaction of this module, as every call to
 * another module is.
 */
@Component(service = InvitationGroups.class)
public class InvitationGroups {

    /** A group's members read at most: a bigger group is refused rather than invited in part. */
    static final int MAX_MEMBERS = 5000;

    /** Why a member of the group is not invited. */
    public enum Skip {
        /** No consent to be contacted: nothing is sent to them (contacts' rule for mailings). */
        NO_CONSENT,
        /** Consent, but no e-mail address. */
        NO_ADDRESS,
        /**
         * Of no State: a group member carries no organisation, and an invitation is for a delegation, so staff
         * invite them explicitly with their organisation's name.
         */
        NO_STATE,
        /** Their address is among this sending's recipients already. */
        DUPLICATE_ADDRESS
    }

    /** A member left out, and why. */
    public record Skipped(long personId, String name, Skip reason) {
    }

    /** What became of a group's members in a sending. */
    public record GroupOutcome(long groupId, String name, long members, int invited, int skippedNoConsent, int skippedNoAddress,
            int skippedNoState, int skippedDuplicate, List<Skipped> skipped) {
    }

    /** A group offered to invite, as the staff page lists them. */
    public record Offered(boolean available, String reason, List<GroupSummary> groups) {
    }

    /** The recipients a group gives and the report on its members; each recipient carries its person's id. */
    public record Resolved(List<Invitations.Recipient> recipients, List<Long> personIds, GroupOutcome outcome) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactGroups contactGroups;

    @Activate
    public InvitationGroups() {
    }

    /** With the contacts module's groups for good (or none), as a test wants. */
    public InvitationGroups(ContactGroups contactGroups) {
        this.contactGroups = contactGroups;
    }

    /** The groups one can invite, or why none can be (the contacts module is not installed). */
    public Offered offered() {
        ContactGroups current = contactGroups;
        if (current == null) {
            return new Offered(false, "the contacts module is not installed", List.of());
        }
        return new Offered(true, null, current.groups());
    }

    /**
     * A group's members as recipients; {@code taken} holds the addresses (lower case) invited already in this
     * sending and receives the group's.
     */
    public Resolved resolve(long groupId, Set<String> taken) {
        ContactGroups current = contactGroups;
        if (current == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "groupId " + groupId
                    + " cannot be invited: the contacts module, which keeps the groups, is not installed; give the recipients instead", "groupId");
        }
        GroupSummary group = current.group(groupId).orElseThrow(() -> DomainException.invalid("groupId", "no group " + groupId));
        GroupMembers members;
        try {
            members = current.members(groupId, 0, MAX_MEMBERS);
        } catch (NoSuchElementException e) {
            throw DomainException.invalid("groupId", "no group " + groupId);
        }
        if (!members.available()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "group '" + group.name() + "' cannot be evaluated now: " + members.reason(),
                    "groupId");
        }
        if (members.total() > MAX_MEMBERS) {
            throw DomainException.invalid("groupId", "group '" + group.name() + "' has " + members.total() + " members: at most " + MAX_MEMBERS
                    + " can be read for invitations");
        }
        List<Invitations.Recipient> recipients = new ArrayList<>();
        List<Long> personIds = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int[] counts = new int[Skip.values().length];
        Set<String> seen = new HashSet<>(taken);
        for (GroupMember member : members.members()) {
            Skip skip = skip(member, seen);
            if (skip != null) {
                skipped.add(new Skipped(member.personId(), member.name(), skip));
                counts[skip.ordinal()]++;
                continue;
            }
            seen.add(member.email().strip().toLowerCase(Locale.ROOT));
            recipients.add(new Invitations.Recipient(member.email().strip(), member.name(), DelegationKind.STATE, member.stateIso2(), null, null,
                    member.language()));
            personIds.add(member.personId());
        }
        taken.addAll(seen);
        return new Resolved(recipients, personIds, new GroupOutcome(groupId, group.name(), members.total(), recipients.size(),
                counts[Skip.NO_CONSENT.ordinal()], counts[Skip.NO_ADDRESS.ordinal()], counts[Skip.NO_STATE.ordinal()],
                counts[Skip.DUPLICATE_ADDRESS.ordinal()], skipped));
    }

    private static Skip skip(GroupMember member, Set<String> seen) {
        if (!member.consent()) {
            return Skip.NO_CONSENT;
        }
        if (member.email() == null || member.email().isBlank()) {
            return Skip.NO_ADDRESS;
        }
        if (member.stateIso2() == null || member.stateIso2().isBlank()) {
            return Skip.NO_STATE;
        }
        if (seen.contains(member.email().strip().toLowerCase(Locale.ROOT))) {
            return Skip.DUPLICATE_ADDRESS;
        }
        return null;
    }
}
