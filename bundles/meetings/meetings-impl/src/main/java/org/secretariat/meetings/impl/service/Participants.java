package org.secretariat.meetings.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.Participant;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.people.PersonLinks;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * Participants registered by delegation, through the registration workflow. A state's delegation is
 * named and placed from the contacts module when it is installed (States Parties, then signatories,
 * then observer states), otherwise from what the registration says; organisations come last.
 */
@Component(service = Participants.class)
public class Participants {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /**
     * A participant as the API shows and takes it; what the unit does not change (id, delegation,
     * registeredAt, selfRegistered) is ignored in an update. Since 1.2: {@code credentialsKind} and
     * {@code credentialsReceivedOn} (shown only while {@code credentialsReceived}; credentials recorded
     * before 1.2 read as received with no kind), {@code language}, {@code accessibilityNeeds}, and
     * {@code notice}, an answer's word on the e-mail a change queued (ignored when sent); {@code sponsored},
     * read only: registered by the sponsorship module as a sponsored delegate (meetings-api 1.3).
     */
    public record Registration(Long id, DelegationKind delegationKind, String stateIso2, String delegation, ProtocolGroup protocolGroup,
            String honorific, String givenName, String familyName, String positionTitle, String email, ParticipantRole role,
            RegistrationStatus status, Boolean credentialsReceived, CredentialsKind credentialsKind, LocalDate credentialsReceivedOn,
            String language, String accessibilityNeeds, Boolean selfRegistered, Instant registeredAt, Integer version, String notice,
            Boolean sponsored, Long personId) {

        /** The fields before meetings-api 1.3's sponsored participants and the person linked (read only: staff link through {@code .../person}). */
        public Registration(Long id, DelegationKind delegationKind, String stateIso2, String delegation, ProtocolGroup protocolGroup,
                String honorific, String givenName, String familyName, String positionTitle, String email, ParticipantRole role,
                RegistrationStatus status, Boolean credentialsReceived, CredentialsKind credentialsKind, LocalDate credentialsReceivedOn,
                String language, String accessibilityNeeds, Boolean selfRegistered, Instant registeredAt, Integer version, String notice) {
            this(id, delegationKind, stateIso2, delegation, protocolGroup, honorific, givenName, familyName, positionTitle, email, role, status,
                    credentialsReceived, credentialsKind, credentialsReceivedOn, language, accessibilityNeeds, selfRegistered, registeredAt, version,
                    notice, null, null);
        }

        /** The fields of 1.1, as a caller that knows nothing of 1.2's writes them. */
        public Registration(Long id, DelegationKind delegationKind, String stateIso2, String delegation, ProtocolGroup protocolGroup,
                String honorific, String givenName, String familyName, String positionTitle, String email, ParticipantRole role,
                RegistrationStatus status, Boolean credentialsReceived, Instant registeredAt, Integer version) {
            this(id, delegationKind, stateIso2, delegation, protocolGroup, honorific, givenName, familyName, positionTitle, email, role, status,
                    credentialsReceived, null, null, null, null, null, registeredAt, version, null);
        }

        static Registration of(Participant p) {
            return new Registration(p.id, p.delegationKind, p.stateIso2, p.delegationName, p.protocolGroup, p.honorific, p.givenName,
                    p.familyName, p.positionTitle, p.email, p.role, p.status, p.credentialsReceived,
                    p.credentialsReceived ? p.credentialsKind : null, p.credentialsReceived ? p.credentialsReceivedOn : null, p.language,
                    p.accessibilityNeeds, p.submissionId != null, p.registeredAt, p.version, null, Boolean.TRUE.equals(p.sponsored),
                    p.personId);
        }

        Registration placedAs(ProtocolGroup group, String delegationName) {
            return new Registration(id, delegationKind, stateIso2, delegationName, group, honorific, givenName, familyName, positionTitle,
                    email, role, status, credentialsReceived, credentialsKind, credentialsReceivedOn, language, accessibilityNeeds, selfRegistered,
                    registeredAt, version, notice, sponsored, personId);
        }

        Registration withNotice(String text) {
            return new Registration(id, delegationKind, stateIso2, delegation, protocolGroup, honorific, givenName, familyName, positionTitle,
                    email, role, status, credentialsReceived, credentialsKind, credentialsReceivedOn, language, accessibilityNeeds, selfRegistered,
                    registeredAt, version, text, sponsored, personId);
        }

        /** Honorific, given and family name, as a list of participants prints them. */
        public String displayName() {
            return Stream.of(honorific, givenName, familyName).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        }

        /** The credentials as a list or report names them: the kind, UNKNOWN_KIND (received before 1.2 recorded kinds), or NONE. */
        public String credentialsLabel() {
            if (!Boolean.TRUE.equals(credentialsReceived)) {
                return NONE;
            }
            return credentialsKind == null ? UNKNOWN_KIND : credentialsKind.name();
        }
    }

    /** Credentials received before 1.2, whose kind nobody recorded. */
    public static final String UNKNOWN_KIND = "UNKNOWN_KIND";
    /** No credentials received. */
    public static final String NONE = "NONE";

    /** A meeting's list of participants. */
    public record ListOfParticipants(String meetingTitle, List<Registration> participants) {
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Notices notices;
    private final PersonLinks people;
    private final Clock clock;

    /** The contacts module's directory, while it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StateDirectory states;

    @Activate
    public Participants(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Notices notices, @Reference PersonLinks people) {
        this(factory, meetings, notices, people, Clock.systemUTC(), null);
    }

    /** With a fixed clock and the contacts module's directory for good (or none), unlinked to people, as a test wants. */
    Participants(EntityManagerFactory factory, Meetings meetings, Notices notices, Clock clock, StateDirectory states) {
        this(factory, meetings, notices, new PersonLinks(factory, clock, null, null), clock, states);
    }

    /** With the people's links given, as a test wants. */
    Participants(EntityManagerFactory factory, Meetings meetings, Notices notices, PersonLinks people, Clock clock, StateDirectory states) {
        this.people = people;
        this.factory = factory;
        this.meetings = meetings;
        this.notices = notices;
        this.clock = clock;
        this.states = states;
    }

    /** A page of a meeting's participants in protocol order, of one status or all. */
    public Page<Registration> list(long meetingId, RegistrationStatus status, PageRequest request) {
        List<Registration> all = inProtocolOrder(Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            return registrations(em, meetingId, status);
        }));
        int from = Math.min(all.size(), request.offset());
        return Page.of(all.subList(from, Math.min(all.size(), from + request.size())), all.size(), request);
    }

    /** The list of participants of one status, in protocol order, with the meeting's title. */
    public ListOfParticipants listOf(long meetingId, RegistrationStatus status) {
        ListOfParticipants read = Transactions.read(factory, em -> new ListOfParticipants(meetings.require(em, meetingId).title,
                registrations(em, meetingId, status)));
        return new ListOfParticipants(read.meetingTitle(), inProtocolOrder(read.participants()));
    }

    private static List<Registration> registrations(EntityManager em, long meetingId, RegistrationStatus status) {
        TypedQuery<Participant> query = em.createQuery("SELECT p FROM Participant p WHERE p.meetingId = :meeting"
                + (status == null ? "" : " AND p.status = :status"), Participant.class).setParameter("meeting", meetingId);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList().stream().map(Registration::of).collect(Collectors.toList());
    }

    /**
     * Protocol order: group (States Parties, signatories, observer states, organisations), then
     * delegation name, then the head of delegation first and the others by role and name. A state's
     * group and name follow the contacts module today, when it is installed. The directory is asked
     * outside any transaction, once per state.
     */
    private List<Registration> inProtocolOrder(List<Registration> registrations) {
        Map<String, Optional<StateSummary>> known = new HashMap<>();
        List<Registration> placed = new ArrayList<>();
        for (Registration registration : registrations) {
            Optional<StateSummary> state = registration.delegationKind() == DelegationKind.STATE && registration.stateIso2() != null
                    ? known.computeIfAbsent(registration.stateIso2(), this::state) : Optional.empty();
            placed.add(state.map(s -> registration.placedAs(group(s), s.name("en"))).orElse(registration));
        }
        placed.sort(Comparator.comparing(Registration::protocolGroup)
                .thenComparing(p -> p.delegation().toLowerCase(Locale.ROOT))
                .thenComparing(Registration::role)
                .thenComparing(p -> p.familyName().toLowerCase(Locale.ROOT))
                .thenComparing(Registration::id));
        return placed;
    }

    private Optional<StateSummary> state(String iso2) {
        StateDirectory directory = states;
        return directory == null ? Optional.empty() : directory.state(iso2);
    }

    private static ProtocolGroup group(StateSummary state) {
        switch (state.status()) {
            case STATE_PARTY:
                return ProtocolGroup.STATE_PARTY;
            case SIGNATORY:
                return ProtocolGroup.SIGNATORY;
            default:
                return ProtocolGroup.OBSERVER_STATE;
        }
    }

    /** A new registration, pending. */
    public Registration register(long meetingId, Registration body) {
        return Transactions.inTransaction(factory, em -> register(em, meetingId, body, null));
    }

    /** A new registration, pending, in the caller's transaction (the registration form's, naming its submission). */
    public Registration register(EntityManager em, long meetingId, Registration body, Long submissionId) {
        meetings.require(em, meetingId);
        if (body == null) {
            throw DomainException.invalid("familyName", "a JSON body is required");
        }
        Participant participant = new Participant();
        participant.meetingId = meetingId;
        Delegation delegation = delegation(body.delegationKind(), body.stateIso2(), body.delegation(), body.protocolGroup());
        participant.delegationKind = delegation.kind();
        participant.stateIso2 = delegation.stateIso2();
        participant.delegationName = delegation.name();
        participant.protocolGroup = delegation.protocolGroup();
        applyPerson(body, participant);
        Credentials.apply(body, participant, LocalDate.now(clock));
        participant.status = RegistrationStatus.PENDING;
        participant.registeredAt = Instant.now(clock);
        participant.submissionId = submissionId;
        participant.personId = people.personByEmail(participant.email);
        em.persist(participant);
        em.flush();
        return Registration.of(participant);
    }

    /**
     * A new registration approved at once, in the caller's transaction (another module's, through
     * meetings-api 1.3's MeetingRegistrations): checked as any registration, then approved, with the
     * approval e-mail queued as when the unit approves.
     */
    public Registration registerApproved(EntityManager em, long meetingId, Registration body, boolean sponsored) {
        Participant participant = em.find(Participant.class, register(em, meetingId, body, null).id());
        participant.status = RegistrationStatus.APPROVED;
        participant.sponsored = sponsored;
        em.flush();
        Registration approved = Registration.of(participant);
        return approved.withNotice("approval e-mail " + decided(em, participant, approved).text());
    }

    /** Withdraws a participant in the caller's transaction, if their status allows it; whether they are withdrawn now. */
    public boolean withdraw(EntityManager em, long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null || !participant.status.canBecome(RegistrationStatus.WITHDRAWN)) {
            return false;
        }
        participant.status = RegistrationStatus.WITHDRAWN;
        return true;
    }

    /** A delegation as registrations and invitations name it: a state (by its code) or an organisation (by its name). */
    public record Delegation(DelegationKind kind, String stateIso2, String name, ProtocolGroup protocolGroup) {
    }

    /**
     * The delegation checked: a state's code must be known to the contacts module while it is installed,
     * which then names it and places it by its treaty status; without it the name and the group are as
     * given (an observer state when none is).
     */
    public Delegation delegation(DelegationKind kind, String stateIso2, String delegation, ProtocolGroup group) {
        Fields.present("delegationKind", kind, "STATE or ORGANISATION");
        if (kind == DelegationKind.ORGANISATION) {
            return new Delegation(kind, null, Fields.required("delegation", delegation, 300), ProtocolGroup.ORGANISATION);
        }
        String iso2 = Fields.required("stateIso2", stateIso2, 2).toUpperCase(Locale.ROOT);
        if (!iso2.matches("[A-Z]{2}")) {
            throw DomainException.invalid("stateIso2", "stateIso2 is an ISO 3166-1 alpha-2 code, e.g. NO");
        }
        StateDirectory directory = states;
        if (directory != null) {
            StateSummary state = directory.state(iso2).orElseThrow(() -> DomainException.invalid("stateIso2", "unknown state '" + iso2 + "'"));
            return new Delegation(kind, iso2, state.name("en"), group(state));
        }
        // Without the contacts module the registration says who the state is and where it sits.
        return new Delegation(kind, iso2, Fields.required("delegation", delegation, 300),
                group == null || group == ProtocolGroup.ORGANISATION ? ProtocolGroup.OBSERVER_STATE : group);
    }

    private static void applyPerson(Registration body, Participant participant) {
        participant.honorific = Fields.optional("honorific", body.honorific(), 40);
        participant.givenName = Fields.optional("givenName", body.givenName(), 100);
        participant.familyName = Fields.required("familyName", body.familyName(), 100);
        participant.positionTitle = Fields.optional("positionTitle", body.positionTitle(), 200);
        participant.email = Fields.email("email", body.email());
        participant.role = body.role() == null ? ParticipantRole.DELEGATE : body.role();
        participant.language = language("language", body.language());
        participant.accessibilityNeeds = Fields.optional("accessibilityNeeds", body.accessibilityNeeds(), 500);
    }

    /** An optional ISO 639-1 language code, in lower case. */
    public static String language(String field, String value) {
        String language = Fields.optional(field, value, 8);
        if (language == null) {
            return null;
        }
        String code = language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw DomainException.invalid(field, field + " is an ISO 639-1 code such as en, fr or es");
        }
        return code;
    }

    /** Changes a registration: the person's details, the role, the credentials, and the status along the workflow. */
    public Registration update(long meetingId, long participantId, Registration body) {
        return Transactions.inTransaction(factory, em -> {
            Participant participant = require(em, meetingId, participantId);
            Fields.version(body == null ? null : body.version(), participant.version, "Participant " + participantId);
            String emailBefore = participant.email;
            applyPerson(body, participant);
            Credentials.apply(body, participant, LocalDate.now(clock));
            participant.personId = participant.personId != null || java.util.Objects.equals(emailBefore, participant.email) ? participant.personId
                    : people.personByEmail(participant.email);
            if (body.status() != null && !participant.status.canBecome(body.status())) {
                throw DomainException.invalid("status", "a registration that is " + participant.status + " can become "
                        + participant.status.next() + ", not " + body.status());
            }
            RegistrationStatus before = participant.status;
            if (body.status() != null) {
                participant.status = body.status();
            }
            em.flush();
            Registration updated = Registration.of(participant);
            if (before != participant.status && DECIDED.containsKey(participant.status)) {
                Notices.Outcome outcome = decided(em, participant, updated);
                return updated.withNotice((participant.status == RegistrationStatus.APPROVED ? "approval" : "rejection") + " e-mail " + outcome.text());
            }
            return updated;
        });
    }

    /** The decisions a participant is written to about, and the template of each. */
    private static final Map<RegistrationStatus, String> DECIDED = Map.of(RegistrationStatus.APPROVED, "participant-approved",
            RegistrationStatus.REJECTED, "participant-rejected");

    /**
     * Queues the e-mail telling the participant of the decision, in their language (else the profile's
     * first), in this transaction: it goes if and only if the decision is committed. One per decision:
     * the key names the participant's version after it.
     */
    private Notices.Outcome decided(EntityManager em, Participant participant, Registration registration) {
        String language = participant.language == null ? notices.defaultLanguage() : participant.language;
        Meeting meeting = meetings.require(em, participant.meetingId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", registration.displayName());
        values.put("meeting", meeting.title);
        values.put("dates", meeting.startDate.equals(meeting.endDate) ? Notices.day(meeting.startDate, language)
                : Notices.day(meeting.startDate, language) + " – " + Notices.day(meeting.endDate, language));
        values.put("place", meeting.venue == null ? meeting.city == null ? "" : meeting.city
                : meeting.city == null ? meeting.venue : meeting.venue + ", " + meeting.city);
        values.put("delegation", participant.delegationName);
        String template = DECIDED.get(participant.status);
        return notices.queue(em, "meetings:" + template + ":" + participant.id + ":" + participant.version, template, language,
                participant.email, registration.displayName(), values);
    }

    private static Participant require(EntityManager em, long meetingId, long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null || participant.meetingId != meetingId) {
            throw DomainException.notFound("No participant " + participantId + " in meeting " + meetingId);
        }
        return participant;
    }
}
