package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.finance.formula.equal.EqualFormula;
import org.secretariat.finance.formula.scale.ScaleFormula;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class AssessmentsTest {

    private static final Map<String, BigDecimal> BOUNDS = Map.of("ceiling", new BigDecimal("40"), "floor", BigDecimal.ONE);

    private final TestModule module;

    AssessmentsTest(TestModule module) {
        this.module = module;
    }

    /** The worked example: CHF 100,000 over A to E. */
    private static Assessments.Input workedExample(int year, String formula) {
        return new Assessments.Input(year, new BigDecimal("100000"), formula, BOUNDS, List.of(rate("A", "4.000"), rate("B", "1.000"),
                rate("C", "0.500"), rate("D", "0.010"), rate("E", "0.001")), null);
    }

    private static Assessments.RateInput rate(String state, String rate) {
        return new Assessments.RateInput(state, rate == null ? null : new BigDecimal(rate));
    }

    private static Map<String, String> amounts(Assessments.Result result) {
        Map<String, String> amounts = new LinkedHashMap<>();
        result.shares().forEach(share -> amounts.put(share.state(), share.amount().toPlainString()));
        return amounts;
    }

    @Test
    void theWorkedExampleAsADryRunSavesNothing() {
        Assessments.Result result = module.assessments.dryRun(workedExample(2030, "scale"));
        assertEquals(Map.of("A", "40000.00", "B", "38666.67", "C", "19333.33", "D", "1000.00", "E", "1000.00"), amounts(result));
        assertEquals(new BigDecimal("100000.00"), result.total());
        assertEquals("scale", result.formula());
        assertEquals("1.0.0", result.formulaVersion());
        assertEquals("CHF", result.currency());
        assertNull(result.id());
        assertEquals(List.of(true, false, false, true, true), result.shares().stream().map(Assessments.ShareView::fixed).collect(Collectors.toList()));
        assertEquals(Map.of("A", "20000.00", "B", "20000.00", "C", "20000.00", "D", "20000.00", "E", "20000.00"),
                amounts(module.assessments.dryRun(workedExample(2030, "equal"))));
        assertEquals(amounts(result), amounts(module.assessments.dryRun(workedExample(2030, null))), "the default formula");
        assertEquals(0, module.contributions.list(2030, null).size());
    }

    @Test
    void savingKeepsTheSharesAndLaysAnAssessedContributionOnEachState() {
        Assessments.Result saved = module.assessments.save(workedExample(2031, "scale"), "director");
        assertNotNull(saved.id());
        assertEquals("director", saved.savedBy());
        assertEquals(Map.of("ceiling", new BigDecimal("40"), "floor", BigDecimal.ONE), saved.parameters());
        List<Contributions.View> assessed = module.contributions.list(2031, null);
        assertEquals(5, assessed.size());
        assertEquals(List.of(ContributionKind.ASSESSED), assessed.stream().map(Contributions.View::kind).distinct().collect(Collectors.toList()));
        assertEquals(new BigDecimal("38666.67"), module.contributions.list(2031, "b").get(0).amount());
        assertRefused(Kind.CONFLICT, null, "the assessment of 2031 is saved already", () -> module.assessments.save(workedExample(2031, "equal"), "director"));
        assertEquals(5, module.contributions.list(2031, null).size(), "nothing laid twice");
        assertEquals(2031, module.assessments.list().stream().filter(a -> a.id() == saved.id()).findFirst().orElseThrow().year());
    }

    @Test
    void aSavedAssessmentStaysAsItWasWhenItsFormulaIsUninstalled() {
        ScaleFormula scale = new ScaleFormula();
        Formulas installed = new Formulas("scale", scale, new EqualFormula());
        Assessments assessments = module.assessmentsWith(null, installed);
        Assessments.Result saved = assessments.save(workedExample(2032, "scale"), "director");
        installed.removeFormula(scale);
        assertEquals(List.of("equal"), installed.list().stream().map(Formulas.View::name).collect(Collectors.toList()));
        Assessments.Result read = assessments.get(saved.id());
        assertEquals(amounts(saved), amounts(read));
        assertEquals("scale", read.formula());
        assertEquals("1.0.0", read.formulaVersion());
        assertEquals(saved.parameters(), read.parameters());
        assertEquals(saved.shares().get(0).reason(), read.shares().get(0).reason());
        assertEquals(new BigDecimal("4.000"), read.shares().get(0).rate());
        assertEquals(new BigDecimal("40.000000"), read.shares().get(0).share());
        assertRefused(Kind.INVALID, "formula", "no formula 'scale' is installed; installed: equal",
                () -> assessments.dryRun(workedExample(2032, "scale")));
        assertRefused(Kind.INVALID, "formula", "no formula 'scale' is installed (the default); installed: equal",
                () -> assessments.dryRun(workedExample(2032, null)));
    }

    @Test
    void withoutRatesTheYearsScaleIsUsed() {
        assertRefused(Kind.INVALID, "rates", "no scale of assessment covers 2033 and no rates were given: import the scale or give rates",
                () -> module.assessments.dryRun(new Assessments.Input(2033, new BigDecimal("1000"), "scale", Map.of(), null, null)));
        module.scales.importCsv(2033, 2035, "state,rate\nFR,4.318\nDE,6.111\nNO,0.679\n", false);
        Assessments.Result result = module.assessments.dryRun(new Assessments.Input(2034, new BigDecimal("1000"), "scale", Map.of(), List.of(), null));
        assertEquals(List.of("DE", "FR", "NO"), result.shares().stream().map(Assessments.ShareView::state).collect(Collectors.toList()));
        assertEquals(new BigDecimal("1000.00"), result.total());
        // A rate left out in the request is the scale's.
        Assessments.Result mixed = module.assessments.dryRun(new Assessments.Input(2034, new BigDecimal("1000"), "scale", Map.of(),
                List.of(rate("fr", null), rate("XK", "4.318")), null));
        assertEquals(Map.of("FR", "500.00", "XK", "500.00"), amounts(mixed));
    }

    @Test
    void withContactsTheStatesPartiesAreAssessedAndEachNeedsARate() {
        TestModule.Directory directory = new TestModule.Directory().with("AT", "Austria", TreatyStatus.STATE_PARTY)
                .with("BE", "Belgium", TreatyStatus.STATE_PARTY).with("CH", "Switzerland", TreatyStatus.STATE_PARTY)
                .with("US", "United States", TreatyStatus.NOT_PARTY);
        Assessments assessments = module.assessmentsWith(directory, module.formulas);
        module.scales.importCsv(2036, 2036, "AT,0.679\nBE,0.828\nUS,22\n", false);
        Assessments.Input input = new Assessments.Input(2036, new BigDecimal("50000"), "scale", Map.of(), null, null);
        assertRefused(Kind.INVALID, "rates", "state CH has no rate: import the scale or give a manual rate", () -> assessments.dryRun(input));
        assertEquals(3, assessments.dryRun(new Assessments.Input(2036, new BigDecimal("50000"), "equal", Map.of(), null, null)).shares().size(),
                "equal shares need no rate");
        new Scales(module.database.factory(), new States(directory)).manual(new Scales.ManualRate("ch", 2036, 2036, new BigDecimal("1.134"), "agreed"));
        Assessments.Result result = assessments.dryRun(input);
        assertEquals(List.of("AT", "BE", "CH"), result.shares().stream().map(Assessments.ShareView::state).collect(Collectors.toList()));
        assertEquals("Switzerland", result.shares().get(2).name());
        assertEquals(new BigDecimal("50000.00"), result.total());
        assertRefused(Kind.INVALID, "rates", "no state XX in the directory of states",
                () -> assessments.dryRun(new Assessments.Input(2036, new BigDecimal("1"), "scale", Map.of(), List.of(rate("XX", "1")), null)));
    }

    @Test
    void theDefaultFormulaIsConfigured() {
        Formulas configured = new Formulas(Map.of("defaultFormula", "equal"));
        configured.addFormula(new ScaleFormula());
        configured.addFormula(new EqualFormula());
        assertEquals("equal", configured.require(null).name());
        assertEquals(List.of(true, false), configured.list().stream().map(Formulas.View::defaultFormula).collect(Collectors.toList()),
                "equal (the default), then scale, by name");
        assertEquals(Map.of("A", "20000.00", "B", "20000.00", "C", "20000.00", "D", "20000.00", "E", "20000.00"),
                amounts(module.assessmentsWith(null, configured).dryRun(workedExample(2038, null))));
        configured.modified(Map.of());
        assertEquals(Formulas.DEFAULT, configured.defaultName(), "scale without configuration");
    }

    @Test
    void badRequestsAreRefused() {
        assertRefused(Kind.INVALID, "amount", "amount is required", () -> module.assessments.dryRun(new Assessments.Input(2037, null, null, null, null, null)));
        assertRefused(Kind.INVALID, "amount", "amount has more decimals than CHF's 2",
                () -> module.assessments.dryRun(new Assessments.Input(2037, new BigDecimal("1.001"), null, null, null, null)));
        assertRefused(Kind.INVALID, "year", "year is required", () -> module.assessments.dryRun(new Assessments.Input(null, BigDecimal.ONE, null, null, null, null)));
        assertRefused(Kind.INVALID, "parameters", "floor 25 % × 5 states = 125 % is more than 100 %: the floors alone would exceed the amount",
                () -> module.assessments.dryRun(new Assessments.Input(2037, new BigDecimal("100"), "scale", Map.of("floor", new BigDecimal("25")),
                        workedExample(2037, null).rates(), null)));
        assertRefused(Kind.INVALID, "rates", "state B is named twice", () -> module.assessments.dryRun(new Assessments.Input(2037,
                new BigDecimal("100"), "scale", Map.of(), List.of(rate("B", "1"), rate("b", "2")), null)));
    }
}
