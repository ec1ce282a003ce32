package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.contacts.api.ContactGroups;
import org.secretariat.contacts.api.GroupMember;
import org.secretariat.contacts.api.GroupMembers;
import org.secretariat.contacts.api.GroupSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.registration.InvitationGroups;
import org.secretariat.meetings.impl.registration.InvitationGroups.Skip;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.Invitations.Recipient;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.mail.Mail;

/**
 * Invitations to a group of the contacts module: its members with consent, an address and a State are
 * invited for their State in their language; the others are reported by name and reason; all or nothing;
 * without the contacts module a group is refused naming {@code groupId}.
 */
@ExtendWith(TestModule.Shared.class)
class InvitationGroupsTest {

    private final TestModule module;
    private final long meetingId;
    private final Groups contacts = new Groups();
    private final Invitations invitations;

    InvitationGroupsTest(TestModule module) {
        this.module = module;
        MeetingJson body = new MeetingJson();
        body.type = "MSP";
        body.title = "Third Meeting of States Parties " + System.nanoTime();
        body.startDate = LocalDate.of(2011, 11, 1);
        body.endDate = LocalDate.of(2011, 11, 4);
        body.city = "Geneva";
        this.meetingId = module.meetings.create(body).id;
        Participants withStates = module.participantsWith(new TestModule.States().with("NO", "Norway", TreatyStatus.STATE_PARTY)
                .with("FR", "France", TreatyStatus.STATE_PARTY).with("ML", "Mali", TreatyStatus.SIGNATORY));
        invitations = new Invitations(module.database.factory(), module.meetings, withStates, module.links, module.notices,
                new InvitationGroups(contacts), module.clock, "https://secretariat.example.org");
    }

    @Test
    void membersWithConsentAnAddressAndAStateAreInvitedTheOthersReported() {
        contacts.add(1, "Focal points", List.of(
                new GroupMember(11, "Kari Berg", "NO", "kari@mfa.no", "en", true),
                new GroupMember(12, "Jeanne Martin", "FR", "jeanne@diplomatie.fr", "fr", true),
                new GroupMember(13, "Aminata Traoré", "ML", null, "fr", false),
                new GroupMember(14, "No Address", "ML", null, null, true),
                new GroupMember(15, "Of No State", null, "nobody@ngo.org", null, true),
                new GroupMember(16, "Kari Again", "NO", "KARI@mfa.no", null, true)));
        Invitations.Sent sent = invitations.send(meetingId, new Invitations.Send(List.of(), 1L, null), null, "maria");
        assertEquals(List.of("kari@mfa.no", "jeanne@diplomatie.fr"), sent.invitations().stream().map(Invitations.View::email)
                .collect(Collectors.toList()));
        Invitations.View jeanne = sent.invitations().get(1);
        assertEquals(DelegationKind.STATE, jeanne.delegationKind());
        assertEquals("France", jeanne.delegation(), "named by the contacts module");
        assertEquals("fr", jeanne.language());
        assertEquals(12L, jeanne.personId());
        assertEquals(2, sent.queued());
        InvitationGroups.GroupOutcome group = sent.group();
        assertEquals("Focal points", group.name());
        assertEquals(6, group.members());
        assertEquals(2, group.invited());
        assertEquals(1, group.skippedNoConsent());
        assertEquals(1, group.skippedNoAddress());
        assertEquals(1, group.skippedNoState());
        assertEquals(1, group.skippedDuplicate());
        assertEquals(List.of("Aminata Traoré NO_CONSENT", "No Address NO_ADDRESS", "Of No State NO_STATE", "Kari Again DUPLICATE_ADDRESS"),
                group.skipped().stream().map(s -> s.name() + " " + s.reason()).collect(Collectors.toList()));
        List<Mail> mails = module.mailer.committed("meetings:invitation:" + jeanne.id());
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().startsWith("Invitation : "), "in French: " + mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("Madame, Monsieur (Jeanne Martin)"), mails.get(0).text());
    }

    @Test
    void recipientsGivenAndAGroupTogetherAnAddressOnce() {
        contacts.add(2, "Heads", List.of(new GroupMember(21, "Kari Berg", "NO", "kari@mfa.no", null, true),
                new GroupMember(22, "Jeanne Martin", "FR", "jeanne@diplomatie.fr", null, true)));
        Invitations.Sent sent = invitations.send(meetingId, new Invitations.Send(List.of(new Recipient("Kari@mfa.no", "Kari", DelegationKind.STATE,
                "NO", null, null, "en")), 2L, null), null, "maria");
        assertEquals(List.of("Kari@mfa.no", "jeanne@diplomatie.fr"), sent.invitations().stream().map(Invitations.View::email)
                .collect(Collectors.toList()));
        assertNull(sent.invitations().get(0).personId(), "given explicitly");
        assertEquals(List.of(Skip.DUPLICATE_ADDRESS), sent.group().skipped().stream().map(InvitationGroups.Skipped::reason)
                .collect(Collectors.toList()));
    }

    @Test
    void allOrNothingAndTheRefusalsNameTheGroup() {
        int before = invitations.list(meetingId).size();
        contacts.add(3, "Bad address", List.of(new GroupMember(31, "Kari Berg", "NO", "kari@mfa.no", null, true),
                new GroupMember(32, "Bounce", "FR", "bounce@mfa.invalid", null, true)));
        assertRefused(Kind.INVALID, "groupId", "person 32 of the group: the mail service refuses the address bounce@mfa.invalid",
                () -> invitations.send(meetingId, new Invitations.Send(List.of(), 3L, null), null, "maria"));
        contacts.add(4, "Unknown state", List.of(new GroupMember(41, "Someone", "QQ", "someone@example.org", null, true)));
        assertRefused(Kind.INVALID, "groupId", "person 41 (Someone) of the group cannot be invited: recipients[0]: unknown state 'QQ'",
                () -> invitations.send(meetingId, new Invitations.Send(List.of(), 4L, null), null, "maria"));
        contacts.add(5, "Nobody reachable", List.of(new GroupMember(51, "Aminata Traoré", "ML", null, null, false)));
        assertRefused(Kind.CONFLICT, "groupId", "nobody in group 'Nobody reachable' can be invited: 1 members left out (no consent, no address"
                + " or no State)", () -> invitations.send(meetingId, new Invitations.Send(List.of(), 5L, null), null, "maria"));
        contacts.unavailable.put(6L, "the meetings module is not installed");
        contacts.add(6, "Heads of delegation", List.of());
        assertRefused(Kind.CONFLICT, "groupId", "group 'Heads of delegation' cannot be evaluated now: the meetings module is not installed",
                () -> invitations.send(meetingId, new Invitations.Send(List.of(), 6L, null), null, "maria"));
        assertRefused(Kind.INVALID, "groupId", "no group 99",
                () -> invitations.send(meetingId, new Invitations.Send(List.of(), 99L, null), null, "maria"));
        assertEquals(before, invitations.list(meetingId).size(), "nothing kept from a refused sending");
    }

    @Test
    void withoutTheContactsModuleAGroupIsAConflictNamingGroupId() {
        assertRefused(Kind.CONFLICT, "groupId", "groupId 1 cannot be invited: the contacts module, which keeps the groups, is not installed;"
                + " give the recipients instead", () -> module.invitations.send(meetingId, new Invitations.Send(List.of(), 1L, null), null, "maria"));
        InvitationGroups.Offered none = new InvitationGroups(null).offered();
        assertFalse(none.available());
        assertEquals("the contacts module is not installed", none.reason());
        contacts.add(7, "Donors", List.of());
        assertTrue(new InvitationGroups(contacts).offered().groups().stream().anyMatch(g -> g.name().equals("Donors")));
    }

    /** The contacts module's groups, as given. */
    static final class Groups implements ContactGroups {
        private final Map<Long, GroupSummary> groups = new LinkedHashMap<>();
        private final Map<Long, List<GroupMember>> members = new LinkedHashMap<>();
        final Map<Long, String> unavailable = new LinkedHashMap<>();

        void add(long id, String name, List<GroupMember> people) {
            groups.put(id, new GroupSummary(id, name, "STATIC", null));
            members.put(id, new ArrayList<>(people));
        }

        @Override
        public List<GroupSummary> groups() {
            return List.copyOf(groups.values());
        }

        @Override
        public Optional<GroupSummary> group(long groupId) {
            return Optional.ofNullable(groups.get(groupId));
        }

        @Override
        public GroupMembers members(long groupId, int offset, int limit) {
            if (!groups.containsKey(groupId)) {
                throw new NoSuchElementException("no group " + groupId);
            }
            if (unavailable.containsKey(groupId)) {
                return GroupMembers.unavailable(unavailable.get(groupId));
            }
            List<GroupMember> all = members.get(groupId);
            return new GroupMembers(true, null, all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + Math.max(0, limit))),
                    all.size());
        }
    }
}
