package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.api.Assessment;
import org.secretariat.finance.api.CostSharingFormula;
import org.secretariat.finance.api.Rate;
import org.secretariat.finance.api.Share;
import org.secretariat.finance.impl.domain.AssessedShare;
import org.secretariat.finance.impl.domain.Contribution;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.finance.impl.domain.SavedAssessment;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Assessments: a year's amount shared among states by an installed formula. A dry run answers the
 * shares; saving keeps them with the formula's name, version and parameters (so the assessment stays
 * as it was when the formula module is gone) and lays one assessed contribution on each state.
 * Without rates in the request, the year's scale is used: on the States Parties while the contacts
 * module is installed, otherwise on the states the scale names.
 */
@Component(service = Assessments.class)
public class Assessments {

    /**
     * An assessment as the API takes it; {@code rates} may be left out (the year's scale, laid on the
     * States Parties, or with {@code meeting} on the states that took part in that meeting).
     */
    public record Input(Integer year, BigDecimal amount, String formula, Map<String, BigDecimal> parameters, List<RateInput> rates, Long meeting) {
    }

    /** A state and its rate (per cent); a null rate is looked up in the year's scale. */
    public record RateInput(String state, BigDecimal rate) {
    }

    /** A state's share as the API shows it. */
    public record ShareView(String state, String name, BigDecimal rate, BigDecimal share, BigDecimal amount, boolean fixed, String reason) {
    }

    /** An assessment's result: a dry run's, or a saved one's (with id, by whom and when). */
    public record Result(Long id, int year, Long meeting, String meetingTitle, BigDecimal amount, String currency, String formula,
            String formulaVersion, Map<String, BigDecimal> parameters, List<ShareView> shares, BigDecimal total, String savedBy,
            java.time.Instant savedAt) {
    }

    /** A saved assessment in a list. */
    public record Summary(long id, int year, Long meeting, String meetingTitle, BigDecimal amount, String currency, String formula,
            String formulaVersion, String savedBy, java.time.Instant savedAt) {
    }

    private final EntityManagerFactory factory;
    private final Formulas formulas;
    private final Scales scales;
    private final States states;
    private final AttendingStates attending;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public Assessments(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference Formulas formulas,
            @Reference Scales scales, @Reference States states, @Reference AttendingStates attending, @Reference ConventionProfile profile) {
        this(factory, formulas, scales, states, attending, profile, Clock.systemUTC());
    }

    Assessments(EntityManagerFactory factory, Formulas formulas, Scales scales, States states, AttendingStates attending, ConventionProfile profile,
            Clock clock) {
        this.factory = factory;
        this.formulas = formulas;
        this.scales = scales;
        this.states = states;
        this.attending = attending;
        this.profile = profile;
        this.clock = clock;
    }

    /** The shares the formula gives, saving nothing. */
    public Result dryRun(Input input) {
        Computed computed = compute(input);
        return result(null, computed, null, null);
    }

    /**
     * Saves the assessment and one assessed contribution per state. A year has one assessment of its
     * budget, and a meeting one of its costs (409 for a second).
     */
    public Result save(Input input, String user) {
        Computed computed = compute(input);
        java.time.Instant now = clock.instant();
        return Transactions.inTransaction(factory, em -> {
            long meetingId = computed.meeting == null ? 0 : computed.meeting.id();
            if (!em.createQuery("SELECT a.id FROM SavedAssessment a WHERE a.year = :year AND a.meetingId = :meeting", Long.class)
                    .setParameter("year", computed.year).setParameter("meeting", meetingId).getResultList().isEmpty()) {
                throw DomainException.conflict(computed.meeting == null ? "the assessment of " + computed.year + " is saved already"
                        : "the costs of meeting " + meetingId + " (" + computed.meeting.title() + ") are assessed already");
            }
            SavedAssessment saved = new SavedAssessment();
            saved.year = computed.year;
            saved.meetingId = meetingId;
            saved.meetingTitle = computed.meeting == null ? null : computed.meeting.title();
            saved.amount = computed.input.amount();
            saved.currency = computed.input.currency().getCurrencyCode();
            saved.formula = computed.formula.name();
            saved.formulaVersion = computed.formula.version();
            saved.parameters = computed.input.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                    .collect(Collectors.joining(";"));
            saved.savedBy = user;
            saved.savedAt = now;
            em.persist(saved);
            em.flush();
            int position = 0;
            for (Share share : computed.shares) {
                AssessedShare row = new AssessedShare();
                row.assessmentId = saved.id;
                row.position = position++;
                row.state = share.state();
                row.rate = share.rate();
                row.share = share.share();
                row.amount = share.amount();
                row.fixed = share.fixed();
                row.reason = share.reason() == null || share.reason().length() <= 300 ? share.reason() : share.reason().substring(0, 300);
                em.persist(row);
                Contribution contribution = new Contribution();
                contribution.year = saved.year;
                contribution.kind = ContributionKind.ASSESSED;
                contribution.state = share.state();
                contribution.amount = share.amount();
                contribution.currency = saved.currency;
                contribution.baseAmount = share.amount();
                contribution.assessmentId = saved.id;
                contribution.purpose = saved.meetingTitle == null ? null : "Costs of " + saved.meetingTitle;
                em.persist(contribution);
            }
            return result(saved.id, computed, user, now);
        });
    }

    public List<Summary> list() {
        return Transactions.read(factory, em -> em.createQuery("SELECT a FROM SavedAssessment a ORDER BY a.year DESC", SavedAssessment.class)
                .getResultList().stream().map(a -> new Summary(a.id, a.year, meeting(a), a.meetingTitle, Money.stored(a.amount, a.currency), a.currency, a.formula,
                        a.formulaVersion, a.savedBy, a.savedAt)).collect(Collectors.toList()));
    }

    /** A saved assessment with its shares, as it was saved. */
    public Result get(long id) {
        return Transactions.read(factory, em -> {
            SavedAssessment saved = em.find(SavedAssessment.class, id);
            if (saved == null) {
                throw DomainException.notFound("No assessment " + id);
            }
            List<ShareView> shares = em.createQuery("SELECT s FROM AssessedShare s WHERE s.assessmentId = :id ORDER BY s.position", AssessedShare.class)
                    .setParameter("id", id).getResultList().stream()
                    .map(s -> new ShareView(s.state, states.name(s.state), Scales.plain(s.rate), s.share, Money.stored(s.amount, saved.currency), s.fixed, s.reason))
                    .collect(Collectors.toList());
            Map<String, BigDecimal> parameters = new LinkedHashMap<>();
            if (!saved.parameters.isEmpty()) {
                for (String pair : saved.parameters.split(";")) {
                    String[] nameValue = pair.split("=", 2);
                    parameters.put(nameValue[0], new BigDecimal(nameValue[1]));
                }
            }
            BigDecimal amount = Money.stored(saved.amount, saved.currency);
            return new Result(saved.id, saved.year, meeting(saved), saved.meetingTitle, amount, saved.currency, saved.formula, saved.formulaVersion, parameters, shares,
                    shares.stream().map(ShareView::amount).reduce(BigDecimal.ZERO, BigDecimal::add), saved.savedBy, saved.savedAt);
        });
    }

    private record Computed(int year, AttendingStates.Meeting meeting, Assessment input, CostSharingFormula formula, List<Share> shares) {
    }

    private static Long meeting(SavedAssessment saved) {
        return saved.meetingId == 0 ? null : saved.meetingId;
    }

    private Computed compute(Input input) {
        if (input == null) {
            throw DomainException.invalid("year", "a JSON body is required");
        }
        AttendingStates.Meeting meeting = input.meeting() == null ? null : attending.meeting(input.meeting());
        int year = Money.year("year", input.year() == null && meeting != null ? Integer.valueOf(meeting.year()) : input.year());
        Currency currency = profile.currency();
        BigDecimal amount = Money.amount("amount", input.amount(), currency, false);
        CostSharingFormula formula = formulas.require(input.formula());
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        if (input.parameters() != null) {
            input.parameters().forEach((name, value) -> {
                if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]{0,49}")) {
                    throw DomainException.invalid("parameters", "'" + name + "' is not a parameter name");
                }
                if (value == null) {
                    throw DomainException.invalid("parameters", "parameter " + name + " has no value");
                }
                parameters.put(name, value);
            });
        }
        Assessment assessment = new Assessment(amount, currency, rates(year, input.rates(), meeting), parameters);
        List<Share> shares = formula.shares(assessment);
        check(formula, assessment, shares);
        return new Computed(year, meeting, assessment, formula, shares);
    }

    /**
     * The states and rates of the request; or the year's scale laid on the states that took part in the
     * meeting, or on the States Parties (with contacts), or on the states the scale names.
     */
    private List<Rate> rates(int year, List<RateInput> given, AttendingStates.Meeting meeting) {
        Map<String, BigDecimal> scale = scales.ratesOf(year);
        List<Rate> rates = new ArrayList<>();
        if (given != null && !given.isEmpty()) {
            java.util.Set<String> named = new java.util.HashSet<>();
            for (RateInput rate : given) {
                if (rate == null) {
                    throw DomainException.invalid("rates", "a rate is {\"state\",\"rate\"}");
                }
                String state = states.code("rates", rate.state());
                if (!named.add(state)) {
                    throw DomainException.invalid("rates", "state " + state + " is named twice");
                }
                if (rate.rate() != null && (rate.rate().signum() < 0 || rate.rate().compareTo(BigDecimal.valueOf(100)) > 0)) {
                    throw DomainException.invalid("rates", "the rate of " + state + " is a percentage from 0 to 100, not " + rate.rate().toPlainString());
                }
                rates.add(new Rate(state, rate.rate() != null ? rate.rate() : scale.get(state)));
            }
            return rates;
        }
        if (meeting != null && meeting.states().isEmpty()) {
            throw DomainException.invalid("meeting", "no state has an approved participant at meeting " + meeting.id() + " (" + meeting.title()
                    + "): approve the participants first, or name the states in rates");
        }
        List<String> assessed = meeting != null ? meeting.states() : states.parties().orElseGet(() -> new ArrayList<>(scale.keySet()));
        if (assessed.isEmpty()) {
            throw DomainException.invalid("rates", "no scale of assessment covers " + year + " and no rates were given: import the scale or give rates");
        }
        assessed.forEach(state -> rates.add(new Rate(state, scale.get(state))));
        return rates;
    }

    /** A formula module's answer must keep the contract; one that does not is a fault of that module (500). */
    private static void check(CostSharingFormula formula, Assessment assessment, List<Share> shares) {
        String who = "formula " + formula.name() + " " + formula.version();
        if (shares == null || shares.size() != assessment.rates().size()) {
            throw new IllegalStateException(who + " answered " + (shares == null ? "nothing" : shares.size() + " shares") + " for "
                    + assessment.rates().size() + " states");
        }
        for (int i = 0; i < shares.size(); i++) {
            if (!shares.get(i).state().equals(assessment.rates().get(i).state())) {
                throw new IllegalStateException(who + " answered state " + shares.get(i).state() + " where " + assessment.rates().get(i).state() + " was asked");
            }
            if (shares.get(i).amount() == null || shares.get(i).share() == null) {
                throw new IllegalStateException(who + " answered no amount or share for " + shares.get(i).state());
            }
        }
        BigDecimal total = shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(assessment.amount()) != 0) {
            throw new IllegalStateException(who + " answered shares adding up to " + total.toPlainString() + ", not " + assessment.amount().toPlainString());
        }
    }

    private Result result(Long id, Computed computed, String user, java.time.Instant at) {
        List<ShareView> shares = computed.shares.stream().map(s -> new ShareView(s.state(), states.name(s.state()), s.rate(), s.share(), s.amount(),
                s.fixed(), s.reason())).collect(Collectors.toList());
        return new Result(id, computed.year, computed.meeting == null ? null : computed.meeting.id(),
                computed.meeting == null ? null : computed.meeting.title(), computed.input.amount(), computed.input.currency().getCurrencyCode(), computed.formula.name(),
                computed.formula.version(), computed.input.parameters(), shares,
                shares.stream().map(ShareView::amount).reduce(BigDecimal.ZERO, BigDecimal::add), user, at);
    }
}
