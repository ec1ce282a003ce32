package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
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
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Adjustment;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.AttendanceKind;
import org.secretariat.sponsorship.impl.domain.EligibleState;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Gender;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * Applications: a state nominates a person for a programme; eligibility is checked at submission (an
 * ineligible one is refused naming the rule that failed). What staff decide afterwards is in
 * {@link Awards}, the nomination letters in {@link Letters}, the erasure after retention in
 * {@link Retention}.
 */
@Component(service = Applications.class)
public class Applications {

    /** How long personal data are kept after the meeting by default. */
    static final int RETENTION_YEARS = 3;

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
            Integer nightsAttended, Long participantId, Instant submittedAt, LocalDate retainUntil, LocalDate erasedOn, int version) {
    }

    /** Filters of the list; null: any. */
    public record Filter(ApplicationStatus status, String stateIso2, String region, Gender gender) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Applications(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners) {
        this(factory, partners, Clock.systemUTC());
    }

    Applications(EntityManagerFactory factory, Partners partners, Clock clock) {
        this.factory = factory;
        this.partners = partners;
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
            Awards.record(em, a, null, ApplicationStatus.SUBMITTED, "nominated by " + a.stateName, user, now);
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
            requireNotErased(a);
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

    /** An application whose personal data were erased is kept for the report and the statistics only: it changes no more. */
    static void requireNotErased(Application a) {
        if (a.erasedOn != null) {
            throw DomainException.conflict("the personal data of application " + a.id + " were erased on " + a.erasedOn
                    + " (retention): it changes no more");
        }
    }

    static View view(EntityManager em, Application a) {
        Programme programme = Programmes.require(em, a.programmeId);
        return view(a, new Scoring(em, programme, currency(em, programme)), regions(em, a.programmeId), currency(em, programme));
    }

    static View view(Application a, Scoring scoring, Map<String, String> regions, String currency) {
        return new View(a.id, a.programmeId, a.stateIso2, a.stateName, a.treatyStatus, regions.get(a.stateIso2), a.personId, a.givenName, a.familyName,
                a.gender, a.email, a.consent, a.language, a.mandateHolder,
                a.letterSha256 == null ? null : new Letter(a.letterName, a.letterSize, a.letterSha256), Money.stored(a.fare, currency),
                scoring.cost(a).orElse(null), scoring.costMissing(a), scoring.score(a), a.status, a.reason, a.adjustment, a.adjustmentReason,
                Money.stored(a.committed, currency), Money.stored(a.spent, currency), a.attendance, a.nightsAttended, a.participantId, a.submittedAt,
                a.retainUntil, a.erasedOn, a.version);
    }
}
