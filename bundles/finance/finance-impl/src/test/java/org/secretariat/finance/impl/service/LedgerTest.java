package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.impl.domain.ExpenditureSource;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** Expenditure entered and imported from the host's ledger: fiscal years, every bad line reported, references imported once. */
@ExtendWith(TestModule.Shared.class)
class LedgerTest {

    private final TestModule module;

    LedgerTest(TestModule module) {
        this.module = module;
    }

    static Budgets.View approvedBudget(TestModule module, int year, Budgets.Line... lines) {
        Budgets.View draft = module.budgets.create(new Budgets.Input(year, "Budget " + year, List.of(lines), null), "specialist");
        module.budgets.propose(draft.id());
        return module.budgets.approve(draft.id(), "director");
    }

    static Budgets.Line line(String code, String amount) {
        return new Budgets.Line(code, "Line " + code, new BigDecimal(amount));
    }

    private List<String> errors(Expenditures.ImportReport report) {
        return report.errors().stream().map(e -> e.line() + " " + e.field()).collect(Collectors.toList());
    }

    @Test
    void aDryRunReportsEveryBadLineAndWritesNothing() {
        approvedBudget(module, 2020, line("STAFF", "100000"), line("TRAVEL", "20000"));
        String ledger = "date,reference,line,description,amount\n"
                + "2020-01-15,GL-1,STAFF,January salaries,8000.00\n"
                + "2020-02-30,GL-2,STAFF,bad date,10\n"
                + "2020-02-01,,TRAVEL,no reference,10\n"
                + "2020-02-02,GL-1,TRAVEL,reference named twice,10\n"
                + "2020-02-03,GL-5,CATERING,no such line,10\n"
                + "2020-02-04,GL-6,TRAVEL,not an amount,abc\n"
                + "2020-02-05,GL-7,TRAVEL,too fine,10.005\n"
                + "2020-02-06,GL-8,TRAVEL,only four cells\n"
                + "2020-02-07,GL-9,TRAVEL,zero,0\n"
                + "2026-01-01,GL-10,TRAVEL,in the future,10\n"
                + "\n"
                + "10.03.2020,GL-11,TRAVEL,\"Geneva; Vienna, return\",\"1'234.50\"\n"
                + "2020-03-11,GL-12,TRAVEL,refund,-34.50\n";
        Expenditures.ImportReport dryRun = module.expenditures.importLedger(ledger, true, "assistant");
        assertEquals(List.of("3 date", "4 reference", "5 reference", "6 line", "7 amount", "8 amount", "9 columns", "10 amount", "11 date"),
                errors(dryRun), dryRun.toString());
        assertEquals("the budgets of fiscal year 2020 have no line CATERING; their lines: STAFF, TRAVEL", dryRun.errors().get(3).error());
        assertEquals("reference GL-1 is on line 2 already", dryRun.errors().get(2).error());
        assertFalse(dryRun.applied());
        assertEquals(12, dryRun.lines());
        assertEquals(List.of(2, 13, 14), dryRun.entries().stream().map(Expenditures.Entry::line).collect(Collectors.toList()));
        Expenditures.Entry quoted = dryRun.entries().get(1);
        assertEquals("Geneva; Vienna, return", quoted.description());
        assertEquals(LocalDate.of(2020, 3, 10), quoted.spentOn());
        assertEquals(new BigDecimal("1234.50"), quoted.amount());
        assertEquals(new BigDecimal("-34.50"), dryRun.entries().get(2).amount());
        assertEquals(0, module.expenditures.list(2020, null).size(), "a dry run writes nothing");

        Expenditures.ImportReport refused = module.expenditures.importLedger(ledger, false, "assistant");
        assertFalse(refused.applied());
        assertEquals(0, module.expenditures.list(2020, null).size(), "all or nothing");
    }

    @Test
    void aReferenceImportedBeforeIsReportedAsADuplicateAndNotImportedTwice() {
        approvedBudget(module, 2019, line("STAFF", "100000"), line("TRAVEL", "20000"));
        Expenditures.ImportReport first = module.expenditures.importLedger("2019-01-31,H-1,STAFF,salaries,8000\n2019-02-10,H-2,TRAVEL,mission,1200.40\n",
                false, "assistant");
        assertTrue(first.applied());
        assertEquals(new BigDecimal("9200.40"), first.total());

        Expenditures.ImportReport overlap = module.expenditures.importLedger("2019-02-10,H-2,TRAVEL,mission,1200.40\n2019-02-28,H-3,STAFF,salaries,8000\n",
                false, "assistant");
        assertTrue(overlap.applied());
        assertEquals(List.of("H-2"), overlap.duplicates().stream().map(Expenditures.Duplicate::reference).collect(Collectors.toList()));
        assertEquals(1, overlap.duplicates().get(0).line());
        assertEquals(List.of("H-3"), overlap.entries().stream().map(Expenditures.Entry::reference).collect(Collectors.toList()));
        List<Expenditures.View> entries = module.expenditures.list(2019, null);
        assertEquals(List.of("H-1", "H-2", "H-3"), entries.stream().map(Expenditures.View::reference).collect(Collectors.toList()));
        assertEquals(ExpenditureSource.LEDGER, entries.get(0).source());
        assertEquals("assistant", entries.get(0).recordedBy());
        assertEquals(1, module.expenditures.list(2019, "TRAVEL").size());

        assertRefused(Kind.CONFLICT, null, "reference H-3 is recorded already (entry " + entries.get(2).id() + ")",
                () -> module.expenditures.record(new Expenditures.Input(LocalDate.of(2019, 3, 1), "STAFF", BigDecimal.TEN, "again", "H-3", null, null), "a"));
        Expenditures.View manual = module.expenditures.record(new Expenditures.Input(LocalDate.of(2019, 3, 1), "TRAVEL", new BigDecimal("99.95"),
                "taxi", null, null, null), "specialist");
        assertEquals(ExpenditureSource.MANUAL, manual.source());
        assertEquals(2019, manual.fiscalYear());
        assertEquals(new BigDecimal("99.95"), manual.amount());
        assertRefused(Kind.INVALID, "line", "the budgets of fiscal year 2019 have no line IT; their lines: STAFF, TRAVEL",
                () -> module.expenditures.record(new Expenditures.Input(LocalDate.of(2019, 3, 1), "IT", BigDecimal.ONE, null, null, null, null), "a"));
        assertRefused(Kind.INVALID, "line", "fiscal year 2018 has no budget, so no line STAFF",
                () -> module.expenditures.record(new Expenditures.Input(LocalDate.of(2018, 3, 1), "STAFF", BigDecimal.ONE, null, null, null, null), "a"));
        assertRefused(Kind.INVALID, "spentOn", "spentOn is in the future",
                () -> module.expenditures.record(new Expenditures.Input(TestModule.TODAY.plusDays(1), "STAFF", BigDecimal.ONE, null, null, null, null), "a"));
        assertRefused(Kind.INVALID, "file", "the file has no entries: send date,reference,line,description,amount lines",
                () -> module.expenditures.importLedger("date,reference,line,description,amount\n\n", true, "a"));
    }

    @Test
    void anEntryBelongsToTheFiscalYearOfItsDate() {
        Expenditures julyToJune = new Expenditures(module.database.factory(), new TestModule.Profile(MonthDay.of(7, 1)), module.clock);
        approvedBudget(module, 2017, line("STAFF", "1000"));
        approvedBudget(module, 2016, line("STAFF", "1000"));
        Expenditures.ImportReport report = julyToJune.importLedger("2018-03-10,FY-1,STAFF,,10\n2017-07-01,FY-2,STAFF,,20\n2017-06-30,FY-3,STAFF,,30\n",
                false, "assistant");
        assertEquals(List.of(2017, 2017, 2016), report.entries().stream().map(Expenditures.Entry::fiscalYear).collect(Collectors.toList()));
        assertEquals(List.of("FY-2", "FY-1"), julyToJune.list(2017, null).stream().map(Expenditures.View::reference).collect(Collectors.toList()));
        assertNull(julyToJune.list(2016, null).get(0).description());
    }
}
