package org.secretariat.sponsorship.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.api.MeetingRegistrations;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Adjustment;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.AttendanceKind;
import org.secretariat.sponsorship.impl.domain.Decision;
import org.secretariat.sponsorship.impl.domain.EligibleState;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Gender;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * Applications: a state nominates a person for a programme; eligibility is checked at submission (an
 * ineligible one is refused naming the rule that failed); staff decide along the workflow with a reason
 * each time; an accepted award registers the person as an approved, sponsored participant of the
 * meeting (through the meetings module); after the meeting, attendance turns what was committed into
 * what was spent.
 */
@Component(service = Applications.class)
public class Applications {

    /** How long personal data are kept after the meeting by default. */
    static final int RETENTION_YEARS = 3;
    /** Nomination letters: PDF, at most this size. */
    static final long MAX_LETTER = 10L * 1024 * 1024;

    /**
     * An application as the API takes it. {@code personId} names a contacts person (when that module is
     * installed), else the name, gender and e-mail are given; the e-mail is kept only with {@code consent}.
     * {@code treatyStatus} is asked only while the contacts module is not installed (it knows the status).
     * No passport or visa detail is taken.
     */
    public record Input(String stateIso2, TreatyStatus treatyStatus, Long personId, String givenName, String familyName, Gender gender, String email,
            Boolean consent, String language, Boolean mandateHolder, BigDecimal fare, LocalDate retainUntil, Integer version) {
    }

    public record Letter(String fileName, long size, String sha256) {
    }

    public record View(long id, long programmeId, String stateIso2, String stateName, String treatyStatus, String region, Long personId,
            String givenName, String familyName, Gender gender, String email, boolean consent, String language, boolean mandateHolder, Letter letter,
            BigDecimal fare, Costs.Cost cost, String costMissing, Points.Score points, ApplicationStatus status, String reason,
            Adjustment adjustment, String adjustmentReason, BigDecimal committed, BigDecimal spent, AttendanceKind attendance,
            Integer nightsAttended, Long participantId, Instant submittedAt, LocalDate retainUntil, int version) {
    }

    /** A decision: the status to move to and why (required). */
    public record DecisionInput(ApplicationStatus status, String reason, Integer version) {
    }

    public record DecisionView(ApplicationStatus fromStatus, ApplicationStatus toStatus, String reason, String decidedBy, Instant decidedAt) {
    }

    /** Staff's adjustment of the proposal: INCLUDE, EXCLUDE, or null to clear it; a reason for either. */
    public record AdjustmentInput(Adjustment adjustment, String reason, Integer version) {
    }

    public record AttendanceInput(AttendanceKind attendance, Integer nightsAttended, Integer version) {
    }

    /** Filters of the list; null: any. */
    public record Filter(ApplicationStatus status, String stateIso2, String region, Gender gender) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;
    private final FileStorage files;
    private final Clock clock;

    @Activate
    public Applications(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners,
            @Reference FileStorage files) {
        this(factory, partners, files, Clock.systemUTC());
    }

    Applications(EntityManagerFactory factory, Partners partners, FileStorage files, Clock clock) {
        this.factory = factory;
        this.partners = partners;
        this.files = files;
        this.clock = clock;
    }

    public List<View> list(long programmeId, Filter filter) {
        return Transactions.read(factory, em -> {
            Programme programme = Programmes.require(em, programmeId);
            TypedQuery<Application> query = em.createQuery("SELECT a FROM Application a WHERE a.programmeId = :p"
                    + (filter.status() == null ? "" : " AND a.status = :status") + (filter.stateIso2() == null ? "" : " AND a.stateIso2 = :state")
                    + (filter.gender() == null ? "" : " AND a.gender = :gender") + " ORDER BY a.submittedAt, a.id", Application.class)
                    .setParameter("p", programmeId);
            if (filter.status() != null) {
                query.setParameter("status", filter.status());
            }
            if (filter.stateIso2() != null) {
                query.setParameter("state", States.code("stateIso2", filter.stateIso2()));
            }
            if (filter.gender() != null) {
                query.setParameter("gender", filter.gender());
            }
            Scoring scoring = new Scoring(em, programme, currency(em, programme));
            Map<String, String> regions = regions(em, programmeId);
            return query.getResultList().stream().map(a -> view(a, scoring, regions, currency(em, programme)))
                    .filter(v -> filter.region() == null || filter.region().equalsIgnoreCase(v.region())).collect(Collectors.toList());
        });
    }

    public View get(long programmeId, long id) {
        return Transactions.read(factory, em -> view(em, require(em, programmeId, id)));
    }

    public List<DecisionView> decisions(long programmeId, long id) {
        return Transactions.read(factory, em -> {
            require(em, programmeId, id);
            return em.createQuery("SELECT d FROM Decision d WHERE d.applicationId = :a ORDER BY d.decidedAt, d.id", Decision.class)
                    .setParameter("a", id).getResultList().stream()
                    .map(d -> new DecisionView(d.fromStatus, d.toStatus, d.reason, d.decidedBy, d.decidedAt)).collect(Collectors.toList());
        });
    }

    /** A state's nomination; refused, naming the rule, when the programme's rules make it ineligible. */
    public View submit(long programmeId, Input input, String user) {
        partners.meetings("Submitting an application");
        if (input == null) {
            throw DomainException.invalid("stateIso2", "a JSON body is required");
        }
        String iso2 = States.code("stateIso2", input.stateIso2());
        Optional<StateDirectory> states = partners.states();
        StateSummary known = states.map(d -> d.state(iso2).orElseThrow(() -> DomainException.invalid("stateIso2", "unknown state '" + iso2 + "'")))
                .orElse(null);
        TreatyStatus status = known != null ? known.status()
                : Fields.present("treatyStatus", input.treatyStatus(), "the state's treaty status (the contacts module is not installed)");
        Application a = new Application();
        a.stateIso2 = iso2;
        a.stateName = known != null ? known.name("en") : iso2;
        a.treatyStatus = status.name();
        applyPerson(a, input);
        return Transactions.inTransaction(factory, em -> {
            Programme programme = Programmes.require(em, programmeId);
            Programmes.requireOpen(programme);
            Instant now = Instant.now(clock);
            Eligibility.check(programme, em.find(Fund.class, programme.fundId), status, iso2, regions(em, programmeId), now);
            a.mandateHolder = mandateHolder(a, input, programme);
            a.fare = input.fare() == null ? null : Money.amount("fare", input.fare(), Currency.getInstance(currency(em, programme)), false);
            a.programmeId = programmeId;
            a.status = ApplicationStatus.SUBMITTED;
            a.submittedAt = now;
            a.retainUntil = retainUntil(input.retainUntil(), programme);
            em.persist(a);
            em.flush();
            record(em, a, null, ApplicationStatus.SUBMITTED, "nominated by " + a.stateName, user);
            return view(em, a);
        });
    }

    /** Changes the person's details, the fare quoted and the retention date (the state and person stay). */
    public View update(long programmeId, long id, Input input, String user) {
        if (input == null) {
            throw DomainException.invalid("version", "a JSON body is required");
        }
        return Transactions.inTransaction(factory, em -> {
            Application a = require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            Programme programme = Programmes.require(em, programmeId);
            if (input.stateIso2() != null && !States.code("stateIso2", input.stateIso2()).equals(a.stateIso2)) {
                throw DomainException.invalid("stateIso2", "an application's state does not change: the state nominates again");
            }
            Long personId = a.personId;
            applyPerson(a, input);
            if (personId != null && !personId.equals(a.personId)) {
                throw DomainException.invalid("personId", "an application's person does not change: the state nominates again");
            }
            a.mandateHolder = mandateHolder(a, input, programme);
            if (a.committed != null && input.fare() != null && (a.fare == null || input.fare().compareTo(a.fare) != 0)) {
                throw DomainException.conflict("the award of application " + id + " is committed: its fare no longer changes");
            }
            a.fare = input.fare() == null ? null : Money.amount("fare", input.fare(), Currency.getInstance(currency(em, programme)), false);
            a.retainUntil = retainUntil(input.retainUntil(), programme);
            em.flush();
            return view(em, a);
        });
    }

    private void applyPerson(Application a, Input input) {
        if (input.personId() != null) {
            ContactDirectory contacts = partners.contacts().orElseThrow(() -> DomainException.invalid("personId",
                    "personId needs the contacts module, which is not installed: give the name, gender and e-mail"));
            ContactSummary person = contacts.person(input.personId())
                    .orElseThrow(() -> DomainException.invalid("personId", "no person " + input.personId() + " in contacts"));
            a.personId = person.id();
            a.givenName = null;
            a.familyName = person.name().length() > 100 ? person.name().substring(0, 100) : person.name();
            // contacts gives the address only where the person consented to be contacted
            a.email = person.email();
            a.consent = person.email() != null;
        } else {
            a.personId = null;
            a.givenName = Fields.optional("givenName", input.givenName(), 100);
            a.familyName = Fields.required("familyName", input.familyName(), 100);
            a.consent = Boolean.TRUE.equals(input.consent());
            String email = Fields.email("email", input.email());
            if (email != null && !a.consent) {
                throw DomainException.invalid("email", "an e-mail address is kept only with the person's consent: send consent true, or no email");
            }
            a.email = email;
        }
        a.gender = input.gender();
        a.language = language(input.language());
    }

    private boolean mandateHolder(Application a, Input input, Programme programme) {
        Optional<ContactDirectory> contacts = partners.contacts();
        if (a.personId != null && contacts.isPresent()) {
            return contacts.get().mandateHolders("PRESIDENCY", null, programme.meetingStart).stream().anyMatch(p -> p.id() == a.personId)
                    || contacts.get().mandateHolders("COORDINATOR", null, programme.meetingStart).stream().anyMatch(p -> p.id() == a.personId);
        }
        return Boolean.TRUE.equals(input.mandateHolder());
    }

    private static String language(String value) {
        String language = Fields.optional("language", value, 8);
        if (language == null) {
            return null;
        }
        String code = language.toLowerCase(Locale.ROOT);
        if (!java.util.Set.of(Locale.getISOLanguages()).contains(code)) {
            throw DomainException.invalid("language", "language is an ISO 639-1 code such as en, fr or es");
        }
        return code;
    }

    private LocalDate retainUntil(LocalDate asked, Programme programme) {
        LocalDate retain = asked == null ? programme.meetingEnd.plusYears(RETENTION_YEARS) : asked;
        if (retain.isBefore(programme.meetingEnd)) {
            throw DomainException.invalid("retainUntil", "retainUntil is before the meeting's end (" + programme.meetingEnd + ")");
        }
        return retain;
    }

    /**
     * A decision of staff along the workflow, with its reason. Accepting registers the nominee as an
     * approved, sponsored participant of the meeting (409 without the meetings module); declining,
     * withdrawing or rejecting an offered or accepted award releases what was committed, and withdrawing
     * an accepted one withdraws the participant.
     */
    public View decide(long programmeId, long id, DecisionInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("status", "a JSON body is required");
        }
        ApplicationStatus to = Fields.present("status", input.status(), "the new status");
        String reason = Fields.required("reason", input.reason(), 500);
        MeetingRegistrations registrations = to == ApplicationStatus.ACCEPTED ? partners.registrations("Accepting an award") : null;
        return Transactions.inTransaction(factory, em -> {
            Application a = require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            ApplicationStatus from = a.status;
            if (to == ApplicationStatus.OFFERED) {
                throw DomainException.invalid("status", "an application is OFFERED by the Director's approval of the selection, not by a decision");
            }
            if (!from.next().contains(to)) {
                throw DomainException.invalid("status", "an application that is " + from + " can become " + from.next() + ", not " + to);
            }
            Programme programme = Programmes.require(em, programmeId);
            if (to == ApplicationStatus.ACCEPTED) {
                a.participantId = registrations.register(programme.meetingId, key(a), new MeetingRegistrations.Delegate(a.stateIso2, a.stateName,
                        a.givenName, a.familyName, a.email, a.language, null, null, true));
            }
            if (from == ApplicationStatus.ACCEPTED && to == ApplicationStatus.WITHDRAWN) {
                if (a.attendance != null) {
                    throw DomainException.conflict("attendance of application " + id + " is recorded: it is no longer withdrawn");
                }
                partners.registrations("Withdrawing an accepted award").withdraw(key(a));
            }
            if (to == ApplicationStatus.DECLINED || to == ApplicationStatus.WITHDRAWN || to == ApplicationStatus.REJECTED) {
                a.committed = null;
            }
            a.status = to;
            a.reason = reason;
            record(em, a, from, to, reason, user);
            em.flush();
            return view(em, a);
        });
    }

    /** The key the meetings module registers the participant under: one participant per application, however often it is asked. */
    static String key(Application a) {
        return "sponsorship:application:" + a.id;
    }

    /** Staff include an application in the proposal ahead of the ranking, or exclude it, with a reason; before the approval. */
    public View adjust(long programmeId, long id, AdjustmentInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("adjustment", "a JSON body is required");
        }
        String reason = input.adjustment() == null ? null : Fields.required("reason", input.reason(), 500);
        return Transactions.inTransaction(factory, em -> {
            Application a = require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            Programmes.requireOpen(Programmes.require(em, programmeId));
            a.adjustment = input.adjustment();
            a.adjustmentReason = reason;
            em.flush();
            return view(em, a);
        });
    }

    /**
     * Attendance after the meeting, for an accepted award: what was committed becomes spent. Attended:
     * the whole cost. Partly: the fare, the terminal expenses and the DSA of the nights attended. No-show:
     * the fare only (the ticket was bought); the DSA and the terminal expenses, paid on arrival, go back
     * to the fund. Recorded again, it is corrected.
     */
    public View attendance(long programmeId, long id, AttendanceInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("attendance", "a JSON body is required");
        }
        AttendanceKind kind = Fields.present("attendance", input.attendance(), "ATTENDED, PARTLY or NO_SHOW");
        return Transactions.inTransaction(factory, em -> {
            Application a = require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            Programme programme = Programmes.require(em, programmeId);
            if (a.status != ApplicationStatus.ACCEPTED) {
                throw DomainException.conflict("application " + id + " is " + a.status + ": attendance is recorded for an accepted award");
            }
            if (!LocalDate.now(clock).isAfter(programme.meetingStart.minusDays(1))) {
                throw DomainException.conflict("the meeting begins on " + programme.meetingStart + ": attendance is recorded once it has begun");
            }
            String currency = currency(em, programme);
            Costs.Cost cost = new Scoring(em, programme, currency).cost(a)
                    .orElseThrow(() -> DomainException.conflict("the cost of application " + id + " is unknown: " + costMissing(em, programme, a)));
            Integer nights = null;
            BigDecimal spent;
            switch (kind) {
                case ATTENDED:
                    spent = cost.total();
                    break;
                case PARTLY:
                    nights = Fields.present("nightsAttended", input.nightsAttended(), "the nights the delegate stayed");
                    if (nights < 0 || nights > cost.nights()) {
                        throw DomainException.invalid("nightsAttended", "nightsAttended is from 0 to " + cost.nights());
                    }
                    spent = cost.fare().add(cost.terminalExpenses()).add(cost.dsaRate().multiply(BigDecimal.valueOf(nights)));
                    break;
                default:
                    spent = cost.fare();
            }
            a.attendance = kind;
            a.nightsAttended = nights;
            a.spent = spent;
            a.committed = null;
            em.flush();
            return view(em, a);
        });
    }

    /** Stores the nomination letter (PDF) once per SHA-256 under the module's files, and names it on the application. */
    public View letter(long programmeId, long id, byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "the nomination letter is empty");
        }
        if (content.length > MAX_LETTER) {
            throw DomainException.invalid("file", "the nomination letter is larger than 10 MB");
        }
        if (content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw DomainException.invalid("file", "the nomination letter is a PDF file");
        }
        String name = Fields.required("fileName", fileName == null ? null : Path.of(fileName).getFileName().toString(), 255);
        String sha256 = sha256(content);
        store(sha256, content);
        return Transactions.inTransaction(factory, em -> {
            Application a = require(em, programmeId, id);
            a.letterSha256 = sha256;
            a.letterName = name;
            a.letterSize = (long) content.length;
            em.flush();
            return view(em, a);
        });
    }

    /** The nomination letter's file, if one was uploaded. */
    public Optional<Path> letterFile(long programmeId, long id) {
        String sha256 = Transactions.read(factory, em -> require(em, programmeId, id).letterSha256);
        return sha256 == null ? Optional.empty() : Optional.of(letters().resolve(sha256 + ".pdf")).filter(Files::isRegularFile);
    }

    private Path letters() {
        try {
            return Files.createDirectories(files.folder("sponsorship").resolve("letters"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void store(String sha256, byte[] content) {
        Path target = letters().resolve(sha256 + ".pdf");
        if (Files.isRegularFile(target)) {
            return;
        }
        try {
            Path partial = Files.createTempFile(target.getParent(), sha256, ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void record(EntityManager em, Application a, ApplicationStatus from, ApplicationStatus to, String reason, String user) {
        Decision decision = new Decision();
        decision.applicationId = a.id;
        decision.fromStatus = from;
        decision.toStatus = to;
        decision.reason = reason;
        decision.decidedBy = user;
        decision.decidedAt = Instant.now();
        em.persist(decision);
    }

    static Application require(EntityManager em, long programmeId, long id) {
        Application a = em.find(Application.class, id);
        if (a == null || a.programmeId != programmeId) {
            throw DomainException.notFound("No application " + id + " in programme " + programmeId);
        }
        return a;
    }

    static String currency(EntityManager em, Programme programme) {
        return em.find(Fund.class, programme.fundId).currency;
    }

    static Map<String, String> regions(EntityManager em, long programmeId) {
        Map<String, String> regions = new java.util.HashMap<>();
        em.createQuery("SELECT e FROM EligibleState e WHERE e.programmeId = :p", EligibleState.class).setParameter("p", programmeId).getResultList()
                .forEach(e -> regions.put(e.stateIso2, e.region));
        return regions;
    }

    private static String costMissing(EntityManager em, Programme programme, Application a) {
        return new Scoring(em, programme, currency(em, programme)).costMissing(a);
    }

    private View view(EntityManager em, Application a) {
        Programme programme = Programmes.require(em, a.programmeId);
        return view(a, new Scoring(em, programme, currency(em, programme)), regions(em, a.programmeId), currency(em, programme));
    }

    static View view(Application a, Scoring scoring, Map<String, String> regions, String currency) {
        return new View(a.id, a.programmeId, a.stateIso2, a.stateName, a.treatyStatus, regions.get(a.stateIso2), a.personId, a.givenName, a.familyName,
                a.gender, a.email, a.consent, a.language, a.mandateHolder,
                a.letterSha256 == null ? null : new Letter(a.letterName, a.letterSize, a.letterSha256), Money.stored(a.fare, currency),
                scoring.cost(a).orElse(null), scoring.costMissing(a), scoring.score(a), a.status, a.reason, a.adjustment, a.adjustmentReason,
                Money.stored(a.committed, currency), Money.stored(a.spent, currency), a.attendance, a.nightsAttended, a.participantId, a.submittedAt,
                a.retainUntil, a.version);
    }
}
