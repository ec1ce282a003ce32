package org.secretariat.meetings.impl.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.service.Meetings;
import org.secretariat.meetings.impl.service.Notices;
import org.secretariat.meetings.impl.service.Participants;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Invitations to a meeting: each recipient (an address, a name, the delegation they nominate for, a
 * language) gets an invitation recorded with its signed, expiring link to the registration form, and
 * the invitation e-mail queued in the same transaction. A link holds until its expiry or the meeting's
 * registration closes, whichever is first. Reads the configuration {@code org.secretariat.meetings}:
 * {@code publicUrl}, the address the links start with.
 */
@Component(service = Invitations.class, configurationPid = "org.secretariat.meetings")
public class Invitations {

    /** At most this many recipients in one sending. */
    static final int MAX_RECIPIENTS = 500;

    /** Configuration {@code org.secretariat.meetings}. */
    public @interface Settings {
        /** The platform's public address, e.g. https://secretariat.example.org: links in e-mails start with it. */
        String publicUrl() default "";
    }

    /** One recipient; the delegation as a participant's ({@code STATE} with {@code stateIso2}, or {@code ORGANISATION} with {@code delegation}). */
    public record Recipient(String email, String name, DelegationKind delegationKind, String stateIso2, String delegation,
            ProtocolGroup protocolGroup, String language) {
    }

    /**
     * A sending: its recipients, a group of the contacts module whose members are invited too (or instead),
     * and the links' expiry (when registration closes, if not said).
     */
    public record Send(List<Recipient> recipients, Long groupId, Instant expiresAt) {

        /** Recipients only, as before groups could be invited. */
        public Send(List<Recipient> recipients, Instant expiresAt) {
            this(recipients, null, expiresAt);
        }
    }

    /**
     * An invitation as staff see it; {@code linkToken} is the last part of its link
     * ({@code <publicUrl>/register/<linkToken>}), {@code registered} the participants nominated through it.
     */
    public record View(long id, String email, String name, DelegationKind delegationKind, String stateIso2, String delegation, String language,
            Instant expiresAt, Instant sentAt, String sentBy, boolean mailQueued, Instant revokedAt, String linkToken, long registered,
            Long personId) {
    }

    /**
     * What a sending did: the invitations, how many e-mails were queued, a word when none could be, and for a
     * group, what became of its members (who was left out and why).
     */
    public record Sent(List<View> invitations, int queued, String notice, InvitationGroups.GroupOutcome group) {
    }

    /** An invitation whose link holds, as the registration form shows it. */
    public record Opened(long meetingId, long invitationId, String meetingTitle, LocalDate startDate, LocalDate endDate, String venue,
            String city, DelegationKind delegationKind, String stateIso2, String delegation, ProtocolGroup protocolGroup, String email,
            String name, String language, Instant closesAt) {
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Participants participants;
    private final RegistrationLinks links;
    private final Notices notices;
    private final InvitationGroups groups;
    private final Clock clock;
    private volatile String publicUrl;

    @Activate
    public Invitations(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Participants participants, @Reference RegistrationLinks links, @Reference Notices notices,
            @Reference InvitationGroups groups, Settings settings) {
        this(factory, meetings, participants, links, notices, groups, Clock.systemUTC(), settings.publicUrl());
    }

    /** With a fixed clock and public address, without the contacts module's groups, as a test wants. */
    public Invitations(EntityManagerFactory factory, Meetings meetings, Participants participants, RegistrationLinks links, Notices notices, Clock clock,
            String publicUrl) {
        this(factory, meetings, participants, links, notices, new InvitationGroups(null), clock, publicUrl);
    }

    /** With the groups given, a fixed clock and public address, as a test wants. */
    public Invitations(EntityManagerFactory factory, Meetings meetings, Participants participants, RegistrationLinks links, Notices notices,
            InvitationGroups groups, Clock clock, String publicUrl) {
        this.groups = groups;
        this.factory = factory;
        this.meetings = meetings;
        this.participants = participants;
        this.links = links;
        this.notices = notices;
        this.clock = clock;
        this.publicUrl = address(publicUrl);
    }

    @Modified
    void settingsChanged(Settings settings) {
        publicUrl = address(settings.publicUrl());
    }

    private static String address(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * Records an invitation per recipient and queues its e-mail, all or nothing.
     *
     * @param requestOrigin {@code scheme://host[:port]} the staff member reached the platform at: the links' address when
     *            {@code publicUrl} is not configured
     */
    public Sent send(long meetingId, Send body, String requestOrigin, String user) {
        List<Recipient> given = body == null || body.recipients() == null ? List.of() : body.recipients();
        if (given.isEmpty() && (body == null || body.groupId() == null)) {
            throw DomainException.invalid("recipients", "recipients is required: at least one, or a groupId");
        }
        if (given.size() > MAX_RECIPIENTS) {
            throw DomainException.invalid("recipients", "at most " + MAX_RECIPIENTS + " recipients at a time");
        }
        // The group is read before this module's transaction: another module is never called inside one.
        InvitationGroups.Resolved group = body.groupId() == null ? null : groups.resolve(body.groupId(), addresses(given));
        List<Recipient> all = new ArrayList<>(given);
        if (group != null) {
            if (group.recipients().isEmpty() && given.isEmpty()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "nobody in group '" + group.outcome().name()
                        + "' can be invited: " + group.outcome().skipped().size() + " members left out (no consent, no address or no State)",
                        "groupId");
            }
            all.addAll(group.recipients());
            if (all.size() > MAX_RECIPIENTS) {
                throw DomainException.invalid("groupId", "at most " + MAX_RECIPIENTS + " recipients at a time: group '" + group.outcome().name()
                        + "' adds " + group.recipients().size());
            }
        }
        String base = publicUrl != null ? publicUrl : address(requestOrigin);
        Instant now = Instant.now(clock);
        // The key is read (or made, at first use) in a transaction of its own, before this one.
        RegistrationLinks.Signer signer = links.signer();
        return Transactions.inTransaction(factory, em -> {
            Meeting meeting = meetings.require(em, meetingId);
            Instant closesAt = RegistrationDeadline.closesAt(em, meeting);
            if (!now.isBefore(closesAt)) {
                throw DomainException.conflict("Registration for meeting " + meetingId + " closed at " + closesAt
                        + ": set a later registrationDeadline first");
            }
            Instant expiresAt = body.expiresAt() == null ? closesAt : body.expiresAt();
            if (!expiresAt.isAfter(now)) {
                throw DomainException.invalid("expiresAt", "expiresAt is in the past");
            }
            List<View> sent = new ArrayList<>();
            int queued = 0;
            Notices.Outcome last = null;
            for (int i = 0; i < all.size(); i++) {
                Invitation invitation;
                if (i < given.size()) {
                    invitation = invitation(meetingId, all.get(i), i, expiresAt, now, user);
                } else {
                    invitation = member(meetingId, all.get(i), group.personIds().get(i - given.size()), i, expiresAt, now, user);
                }
                em.persist(invitation);
                em.flush();
                String token = signer.sign(meetingId, invitation.id, invitation.expiresAt);
                Notices.Outcome outcome = notices.queue(em, "meetings:invitation:" + invitation.id, "invitation", invitation.language,
                        invitation.email, invitation.name, values(meeting, invitation, base + "/register/" + token, closesAt));
                if (outcome == Notices.Outcome.REFUSED && invitation.personId != null) {
                    throw DomainException.invalid("groupId", "person " + invitation.personId + " of the group: the mail service refuses the address "
                            + invitation.email);
                }
                if (outcome == Notices.Outcome.REFUSED) {
                    throw DomainException.invalid("recipients[" + i + "].email", "recipients[" + i + "]: the mail service refuses the address "
                            + invitation.email);
                }
                invitation.mailQueued = outcome.queued();
                queued += outcome.queued() ? 1 : 0;
                last = outcome;
                sent.add(view(invitation, token, 0));
            }
            String notice = queued == sent.size() ? null : last.text() + ": give each recipient their link";
            return new Sent(sent, queued, notice, group == null ? null : group.outcome());
        });
    }

    private static Set<String> addresses(List<Recipient> recipients) {
        Set<String> addresses = new HashSet<>();
        for (Recipient recipient : recipients) {
            if (recipient != null && recipient.email() != null) {
                addresses.add(recipient.email().strip().toLowerCase(Locale.ROOT));
            }
        }
        return addresses;
    }

    /** A group member's invitation: a refusal names the group and the person (all or nothing as for the recipients given). */
    private Invitation member(long meetingId, Recipient recipient, long personId, int index, Instant expiresAt, Instant now, String user) {
        try {
            Invitation invitation = invitation(meetingId, recipient, index, expiresAt, now, user);
            invitation.personId = personId;
            return invitation;
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            throw DomainException.invalid("groupId", "person " + personId + " (" + recipient.name() + ") of the group cannot be invited: "
                    + e.getMessage());
        }
    }

    private Invitation invitation(long meetingId, Recipient recipient, int index, Instant expiresAt, Instant now, String user) {
        String prefix = "recipients[" + index + "].";
        if (recipient == null) {
            throw DomainException.invalid("recipients[" + index + "]", "recipients[" + index + "] is empty");
        }
        try {
            Invitation invitation = new Invitation();
            invitation.meetingId = meetingId;
            invitation.email = Fields.required("email", Fields.email("email", recipient.email()), 200);
            invitation.name = Fields.optional("name", recipient.name(), 200);
            Participants.Delegation delegation = participants.delegation(recipient.delegationKind(), recipient.stateIso2(),
                    delegationName(recipient), recipient.protocolGroup());
            invitation.delegationKind = delegation.kind();
            invitation.stateIso2 = delegation.stateIso2();
            invitation.delegationName = delegation.name();
            invitation.protocolGroup = recipient.protocolGroup() == null ? null : delegation.protocolGroup();
            String language = Participants.language("language", recipient.language());
            invitation.language = language == null ? notices.defaultLanguage() : language;
            invitation.expiresAt = expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            invitation.sentAt = now;
            invitation.sentBy = user == null ? "system" : user.length() > 100 ? user.substring(0, 100) : user;
            return invitation;
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID || e.field() == null) {
                throw e;
            }
            throw DomainException.invalid(prefix + e.field(), "recipients[" + index + "]: " + e.getMessage());
        }
    }

    /**
     * The delegation's name as sent; for a State without one, its English name as the JDK knows it (used
     * only while the contacts module, which names States itself, is not installed).
     */
    private static String delegationName(Recipient recipient) {
        if (recipient.delegationKind() == DelegationKind.STATE && (recipient.delegation() == null || recipient.delegation().isBlank())
                && recipient.stateIso2() != null && recipient.stateIso2().strip().matches("[A-Za-z]{2}")) {
            String code = recipient.stateIso2().strip().toUpperCase(Locale.ROOT);
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            return name.isBlank() || name.equals(code) ? null : name;
        }
        return recipient.delegation();
    }

    private static Map<String, String> values(Meeting meeting, Invitation invitation, String link, Instant closesAt) {
        Instant until = invitation.expiresAt.isBefore(closesAt) ? invitation.expiresAt : closesAt;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", invitation.name == null ? invitation.delegationName : invitation.name);
        values.put("meeting", meeting.title);
        values.put("dates", dates(meeting.startDate, meeting.endDate, invitation.language));
        values.put("place", place(meeting.venue, meeting.city));
        values.put("delegation", invitation.delegationName);
        values.put("link", link);
        values.put("until", Notices.day(until.atZone(ZoneOffset.UTC).toLocalDate(), invitation.language));
        return values;
    }

    /** The days of a meeting in words: one day, or the first and the last. */
    static String dates(LocalDate start, LocalDate end, String language) {
        return start.equals(end) ? Notices.day(start, language) : Notices.day(start, language) + " – " + Notices.day(end, language);
    }

    static String place(String venue, String city) {
        return venue == null ? city == null ? "" : city : city == null ? venue : venue + ", " + city;
    }

    /** A meeting's invitations, newest first. */
    public List<View> list(long meetingId) {
        RegistrationLinks.Signer signer = links.signer();
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            Map<Long, Long> registered = registered(em, meetingId);
            return em.createQuery("SELECT i FROM Invitation i WHERE i.meetingId = :meeting ORDER BY i.id DESC", Invitation.class)
                    .setParameter("meeting", meetingId).setMaxResults(5000).getResultList().stream()
                    .map(i -> view(i, signer.sign(i.meetingId, i.id, i.expiresAt), registered.getOrDefault(i.id, 0L)))
                    .collect(Collectors.toList());
        });
    }

    /** Participants nominated through each invitation of a meeting. */
    private static Map<Long, Long> registered(EntityManager em, long meetingId) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT s.invitationId, SUM(s.delegates) FROM Submission s WHERE s.meetingId = :meeting"
                + " GROUP BY s.invitationId", Object[].class).setParameter("meeting", meetingId).getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Revokes an invitation: its link is refused from now on (410); the record stays. */
    public View revoke(long meetingId, long invitationId) {
        RegistrationLinks.Signer signer = links.signer();
        return Transactions.inTransaction(factory, em -> {
            Invitation invitation = em.find(Invitation.class, invitationId);
            if (invitation == null || invitation.meetingId != meetingId) {
                throw DomainException.notFound("No invitation " + invitationId + " in meeting " + meetingId);
            }
            if (invitation.revokedAt == null) {
                invitation.revokedAt = Instant.now(clock);
            }
            em.flush();
            return view(invitation, signer.sign(meetingId, invitationId, invitation.expiresAt),
                    registered(em, meetingId).getOrDefault(invitationId, 0L));
        });
    }

    /** The invitation a link is for, while the link holds; otherwise why not. */
    public Opened open(String token) {
        return Transactions.read(factory, em -> open(em, token));
    }

    /** The same, in the caller's transaction (the registration form's). */
    public Opened open(EntityManager em, String token) {
        RegistrationLinks.Link link = links.read(token);
        if (link == null) {
            throw new LinkRefusal(LinkRefusal.Reason.NOT_VALID, null);
        }
        Invitation invitation = em.find(Invitation.class, link.invitationId());
        Meeting meeting = em.find(Meeting.class, link.meetingId());
        if (invitation == null || meeting == null || invitation.meetingId != link.meetingId() || !invitation.expiresAt.equals(link.expiresAt())) {
            throw new LinkRefusal(LinkRefusal.Reason.NOT_VALID, null);
        }
        if (invitation.revokedAt != null) {
            throw new LinkRefusal(LinkRefusal.Reason.REVOKED, invitation.revokedAt);
        }
        Instant now = Instant.now(clock);
        Instant closesAt = RegistrationDeadline.closesAt(em, meeting);
        if (!now.isBefore(closesAt)) {
            throw new LinkRefusal(LinkRefusal.Reason.CLOSED, closesAt);
        }
        if (!now.isBefore(invitation.expiresAt)) {
            throw new LinkRefusal(LinkRefusal.Reason.EXPIRED, invitation.expiresAt);
        }
        return new Opened(meeting.id, invitation.id, meeting.title, meeting.startDate, meeting.endDate, meeting.venue, meeting.city,
                invitation.delegationKind, invitation.stateIso2, invitation.delegationName, invitation.protocolGroup, invitation.email,
                invitation.name, invitation.language, invitation.expiresAt.isBefore(closesAt) ? invitation.expiresAt : closesAt);
    }

    private static View view(Invitation i, String token, long registered) {
        return new View(i.id, i.email, i.name, i.delegationKind, i.stateIso2, i.delegationName, i.language, i.expiresAt, i.sentAt, i.sentBy,
                i.mailQueued, i.revokedAt, token, registered, i.personId);
    }
}
