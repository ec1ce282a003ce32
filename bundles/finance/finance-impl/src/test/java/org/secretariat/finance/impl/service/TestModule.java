package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.function.Executable;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.finance.formula.equal.EqualFormula;
import org.secretariat.finance.formula.scale.ScaleFormula;
import org.secretariat.finance.impl.domain.Budget;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.testing.ModuleDatabase;

/**
 * The module's services over their database, wired as Declarative Services wires them, with both
 * formulas installed, a profile whose currency is the Swiss franc, and no contacts module (see
 * {@link #withStates}). Today is 15 March 2025. The tests of a run share one module ({@link Shared})
 * and each works on years of its own.
 */
final class TestModule implements ExtensionContext.Store.CloseableResource {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    /** Gives a test's constructor the run's module. */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestModule.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(TestModule.class,
                    type -> new TestModule(), TestModule.class);
        }
    }

    final ModuleDatabase database = ModuleDatabase.of("finance", Budget.class);
    final Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final ConventionProfile profile = new Profile();
    final States states = new States(null);
    final Formulas formulas = new Formulas("scale", new ScaleFormula(), new EqualFormula());
    final Scales scales = new Scales(database.factory(), states);
    final Assessments assessments = new Assessments(database.factory(), formulas, scales, states, new AttendingStates(null), profile, clock);
    final ExchangeRates exchangeRates = new ExchangeRates(database.factory(), profile, clock);
    final Contributions contributions = new Contributions(database.factory(), states, exchangeRates, profile, clock);
    final PaymentPlans paymentPlans = new PaymentPlans(database.factory(), states, profile, clock);
    final ContributionPublications publications = new ContributionPublications(database.factory(), contributions, clock);
    final BudgetSettings settings = new BudgetSettings(Map.of("transferApprovalShare", "10"));
    final Budgets budgets = new Budgets(database.factory(), profile, settings, new AttendingStates(null), clock);
    final Activities activities = new Activities(database.factory(), profile);
    final Expenditures expenditures = new Expenditures(database.factory(), profile, clock);
    final BudgetExecution execution = new BudgetExecution(database.factory(), profile, settings, clock);
    final Commitments commitments = new Commitments(database.factory(), profile, clock);
    final AnnualReports reports = new AnnualReports(budgets, execution, contributions, expenditures, profile, clock);

    /** The services that name states, as they are while the contacts module gives {@code directory}. */
    Assessments assessmentsWith(StateDirectory directory, Formulas installed) {
        States named = new States(directory);
        return new Assessments(database.factory(), installed, new Scales(database.factory(), named), named, new AttendingStates(null), profile, clock);
    }

    @Override
    public void close() {
        database.close();
    }

    static void assertRefused(DomainException.Kind kind, String field, String message, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(message, refusal.getMessage());
        assertEquals(kind, refusal.kind(), message);
        assertEquals(field, refusal.field(), message);
    }

    /** The profile's part finance reads: the currency and the first day of the fiscal year (1 January unless given). */
    @SuppressWarnings("deprecation")
    static final class Profile implements ConventionProfile {
        private final MonthDay fiscalYearStart;

        Profile() {
            this(MonthDay.of(1, 1));
        }

        Profile(MonthDay fiscalYearStart) {
            this.fiscalYearStart = fiscalYearStart;
        }

        @Override
        public String name() {
            return "Convention on Cluster Munitions";
        }

        @Override
        public String acronym() {
            return "CCM";
        }

        @Override
        public List<String> workingLanguages() {
            return List.of("en", "fr", "es");
        }

        @Override
        public List<String> thematicAreas() {
            return List.of("Universalization");
        }

        @Override
        public String documentSymbolPattern() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MonthDay fiscalYearStart() {
            return fiscalYearStart;
        }

        @Override
        public Currency currency() {
            return Currency.getInstance("CHF");
        }

        @Override
        public EntryIntoForceRule entryIntoForceRule() {
            throw new UnsupportedOperationException();
        }
    }

    /** The contacts module's directory, with the states given. */
    static final class Directory implements StateDirectory {
        private final Map<String, StateSummary> states = new LinkedHashMap<>();

        Directory with(String iso2, String englishName, TreatyStatus status) {
            states.put(iso2, new StateSummary(iso2, null, Map.of("en", englishName), status, null, null, null, null));
            return this;
        }

        @Override
        public Optional<StateSummary> state(String iso2) {
            return Optional.ofNullable(states.get(iso2.toUpperCase(Locale.ROOT)));
        }

        @Override
        public List<StateSummary> states(TreatyStatus status) {
            return states.values().stream().filter(s -> s.status() == status).collect(Collectors.toList());
        }

        @Override
        public StateCounts counts() {
            throw new UnsupportedOperationException();
        }
    }
}
