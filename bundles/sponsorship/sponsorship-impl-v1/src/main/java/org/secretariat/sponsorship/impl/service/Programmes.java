package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
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
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.EligibleState;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * A sponsorship programme per meeting: the meeting (from the meetings module, whose dates and city are
 * kept with the programme so it reads without that module), its fund, the deadline and places, and the
 * rules and weights of the selection. Setting one up or changing it needs the meetings module (409
 * without it); once the Director approved its selection its rules no longer change.
 */
@Component(service = Programmes.class)
public class Programmes {

    /** A programme's configuration as the API takes it; {@code eligibleStatuses} empty or null: any status. */
    public record Input(Long fundId, Long meetingId, Instant deadline, Integer places, List<TreatyStatus> eligibleStatuses, Integer maxPerState,
            BigDecimal terminalExpenses, Points.Weights points, Integer version) {
    }

    public record Meeting(long id, String type, String title, java.time.LocalDate startDate, java.time.LocalDate endDate, String city, int nights) {
    }

    public record View(long id, long fundId, String currency, Meeting meeting, Instant deadline, int places, List<TreatyStatus> eligibleStatuses,
            int maxPerState, BigDecimal terminalExpenses, Points.Weights points, DsaRates.View dsaRate, int eligibleStates, Instant approvedAt,
            String approvedBy, boolean readOnly, int version) {
    }

    public record EligibleStateView(String stateIso2, String region) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;

    @Activate
    public Programmes(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners) {
        this.factory = factory;
        this.partners = partners;
    }

    public List<View> list() {
        return Transactions.read(factory, em -> em.createQuery("SELECT p FROM Programme p ORDER BY p.meetingStart DESC, p.id", Programme.class)
                .getResultList().stream().map(p -> view(em, p)).collect(Collectors.toList()));
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    public View create(Input input) {
        Checked checked = check(input);
        MeetingSummary meeting = meeting(checked.meetingId, "Setting up a programme");
        return Transactions.inTransaction(factory, em -> {
            Fund fund = fund(em, checked.fundId, meeting);
            if (!em.createQuery("SELECT p.id FROM Programme p WHERE p.meetingId = :meeting", Long.class).setParameter("meeting", checked.meetingId)
                    .getResultList().isEmpty()) {
                throw DomainException.conflict("meeting " + checked.meetingId + " has a sponsorship programme already");
            }
            Programme programme = new Programme();
            apply(programme, checked, meeting, fund);
            em.persist(programme);
            em.flush();
            return view(em, programme);
        });
    }

    /** Changes the configuration, and takes the meeting's dates and city afresh from the meetings module. */
    public View update(long id, Input input) {
        Checked checked = check(input);
        MeetingSummary meeting = meeting(checked.meetingId, "Changing a programme");
        return Transactions.inTransaction(factory, em -> {
            Programme programme = require(em, id);
            Fields.version(input.version(), programme.version, "Programme " + id);
            requireOpen(programme);
            if (programme.meetingId != checked.meetingId) {
                throw DomainException.invalid("meetingId", "a programme's meeting does not change: set up one for meeting " + checked.meetingId);
            }
            Fund fund = fund(em, checked.fundId, meeting);
            apply(programme, checked, meeting, fund);
            em.flush();
            return view(em, programme);
        });
    }

    /**
     * Replaces the programme's list of eligible states from CSV ({@code stateIso2,region}; the region
     * optional): all or nothing, a line at fault refuses the file naming it. An empty list (the header
     * alone) opens the programme to every state its statuses allow.
     */
    public List<EligibleStateView> importEligibleStates(long id, String text) {
        partners.meetings("Changing a programme's eligible states");
        Map<String, String> states = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.read(text, "stateIso2", "region")) {
            String iso2 = row.cell(0).toUpperCase(Locale.ROOT);
            if (!iso2.matches("[A-Z]{2}")) {
                throw DomainException.invalid("file", "line " + row.number() + ": '" + row.cell(0) + "' is not an ISO 3166-1 alpha-2 code such as LA");
            }
            String region = row.cell(1);
            if (region.length() > 100) {
                throw DomainException.invalid("file", "line " + row.number() + ": a region has at most 100 characters");
            }
            if (states.put(iso2, region.isEmpty() ? null : region) != null) {
                throw DomainException.invalid("file", "line " + row.number() + ": " + iso2 + " is listed twice");
            }
        }
        return Transactions.inTransaction(factory, em -> {
            Programme programme = require(em, id);
            requireOpen(programme);
            em.createQuery("DELETE FROM EligibleState e WHERE e.programmeId = :programme").setParameter("programme", id).executeUpdate();
            for (Map.Entry<String, String> state : states.entrySet()) {
                EligibleState eligible = new EligibleState();
                eligible.programmeId = id;
                eligible.stateIso2 = state.getKey();
                eligible.region = state.getValue();
                em.persist(eligible);
            }
            return eligibleStates(em, id);
        });
    }

    public List<EligibleStateView> eligibleStates(long id) {
        return Transactions.read(factory, em -> {
            require(em, id);
            return eligibleStates(em, id);
        });
    }

    static List<EligibleStateView> eligibleStates(EntityManager em, long id) {
        return em.createQuery("SELECT e FROM EligibleState e WHERE e.programmeId = :programme ORDER BY e.stateIso2", EligibleState.class)
                .setParameter("programme", id).getResultList().stream().map(e -> new EligibleStateView(e.stateIso2, e.region))
                .collect(Collectors.toList());
    }

    static Programme require(EntityManager em, long id) {
        Programme programme = em.find(Programme.class, id);
        if (programme == null) {
            throw DomainException.notFound("No programme " + id);
        }
        return programme;
    }

    static void requireOpen(Programme programme) {
        if (programme.approvedAt != null) {
            throw DomainException.conflict("the selection of programme " + programme.id + " was approved on " + programme.approvedAt
                    + ": its rules no longer change");
        }
    }

    static Set<TreatyStatus> statuses(Programme programme) {
        if (programme.eligibleStatuses == null || programme.eligibleStatuses.isBlank()) {
            return EnumSet.allOf(TreatyStatus.class);
        }
        return Arrays.stream(programme.eligibleStatuses.split(",")).map(TreatyStatus::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TreatyStatus.class)));
    }

    static Points.Weights weights(Programme p) {
        return new Points.Weights(p.pointsStateParty, p.pointsMandate, p.pointsNotSponsoredBefore, p.pointsGenderBalance, p.pointsFirstParticipation);
    }

    private MeetingSummary meeting(long meetingId, String action) {
        return partners.meetings(action).meeting(meetingId)
                .orElseThrow(() -> DomainException.invalid("meetingId", "no meeting " + meetingId + " in the meetings module"));
    }

    /** The fund, which must be earmarked for this meeting's type and year if it is earmarked at all. */
    private static Fund fund(EntityManager em, long fundId, MeetingSummary meeting) {
        Fund fund = em.find(Fund.class, fundId);
        if (fund == null) {
            throw DomainException.invalid("fundId", "no fund " + fundId);
        }
        if (fund.earmarkMeetingType != null && !fund.earmarkMeetingType.equalsIgnoreCase(meeting.type())) {
            throw DomainException.invalid("fundId", "fund " + fundId + " is earmarked for meetings of type " + fund.earmarkMeetingType + ", not "
                    + meeting.type());
        }
        if (fund.earmarkYear != null && fund.earmarkYear != meeting.startDate().getYear()) {
            throw DomainException.invalid("fundId", "fund " + fundId + " is earmarked for " + fund.earmarkYear + ", not "
                    + meeting.startDate().getYear());
        }
        return fund;
    }

    private record Checked(long fundId, long meetingId, Instant deadline, int places, Set<TreatyStatus> statuses, int maxPerState,
            BigDecimal terminalExpenses, Points.Weights points) {
    }

    private static Checked check(Input input) {
        if (input == null) {
            throw DomainException.invalid("meetingId", "a JSON body is required");
        }
        long fundId = Fields.present("fundId", input.fundId(), "the fund the programme draws on");
        long meetingId = Fields.present("meetingId", input.meetingId(), "the meeting");
        Instant deadline = Fields.present("deadline", input.deadline(), "when applications close");
        int places = Fields.present("places", input.places(), "how many delegates at most");
        if (places < 1 || places > 10_000) {
            throw DomainException.invalid("places", "places must be from 1 to 10000");
        }
        int maxPerState = input.maxPerState() == null ? 1 : input.maxPerState();
        if (maxPerState < 1 || maxPerState > 100) {
            throw DomainException.invalid("maxPerState", "maxPerState must be from 1 to 100");
        }
        Set<TreatyStatus> statuses = input.eligibleStatuses() == null || input.eligibleStatuses().isEmpty() ? EnumSet.allOf(TreatyStatus.class)
                : EnumSet.copyOf(input.eligibleStatuses());
        BigDecimal terminal = input.terminalExpenses() == null ? BigDecimal.ZERO : input.terminalExpenses();
        if (terminal.signum() < 0 || terminal.compareTo(Money.LARGEST) >= 0 || terminal.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("terminalExpenses", "terminalExpenses must be an amount of at most 2 decimals, not negative");
        }
        Points.Weights points = input.points() == null ? new Points.Weights(0, 0, 0, 0, 0) : input.points();
        for (int weight : new int[] {points.stateParty(), points.mandate(), points.notSponsoredBefore(), points.genderBalance(),
            points.firstParticipation()}) {
            if (weight < 0 || weight > 1000) {
                throw DomainException.invalid("points", "each weight of points is from 0 to 1000");
            }
        }
        return new Checked(fundId, meetingId, deadline, places, statuses, maxPerState, terminal, points);
    }

    private static void apply(Programme p, Checked checked, MeetingSummary meeting, Fund fund) {
        Currency currency = Currency.getInstance(fund.currency);
        p.fundId = fund.id;
        p.meetingId = meeting.id();
        p.meetingType = meeting.type();
        p.meetingTitle = meeting.title().length() > 300 ? meeting.title().substring(0, 300) : meeting.title();
        p.meetingStart = meeting.startDate();
        p.meetingEnd = meeting.endDate();
        p.meetingCity = meeting.city();
        p.deadline = checked.deadline;
        p.places = checked.places;
        p.eligibleStatuses = checked.statuses.size() == TreatyStatus.values().length ? null
                : checked.statuses.stream().map(Enum::name).collect(Collectors.joining(","));
        p.maxPerState = checked.maxPerState;
        p.terminalExpenses = Money.amount("terminalExpenses", checked.terminalExpenses, currency, true);
        p.pointsStateParty = checked.points.stateParty();
        p.pointsMandate = checked.points.mandate();
        p.pointsNotSponsoredBefore = checked.points.notSponsoredBefore();
        p.pointsGenderBalance = checked.points.genderBalance();
        p.pointsFirstParticipation = checked.points.firstParticipation();
    }

    private View view(EntityManager em, Programme p) {
        Fund fund = em.find(Fund.class, p.fundId);
        int eligible = em.createQuery("SELECT COUNT(e) FROM EligibleState e WHERE e.programmeId = :programme", Long.class)
                .setParameter("programme", p.id).getSingleResult().intValue();
        return new View(p.id, p.fundId, fund.currency, meetingOf(p), p.deadline, p.places, new ArrayList<>(statuses(p)), p.maxPerState,
                Money.stored(p.terminalExpenses, fund.currency), weights(p), DsaRates.rate(em, p.meetingCity, p.meetingStart).orElse(null), eligible,
                p.approvedAt, p.approvedBy, !partners.meetingsInstalled(), p.version);
    }

    static Meeting meetingOf(Programme p) {
        return new Meeting(p.meetingId, p.meetingType, p.meetingTitle, p.meetingStart, p.meetingEnd, p.meetingCity,
                Costs.nights(p.meetingStart, p.meetingEnd));
    }
}
