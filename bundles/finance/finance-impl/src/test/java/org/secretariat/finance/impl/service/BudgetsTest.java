package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.impl.domain.BudgetStatus;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class BudgetsTest {

    private final TestModule module;

    BudgetsTest(TestModule module) {
        this.module = module;
    }

    private static Budgets.Input budget(int year, Integer version, Budgets.Line... lines) {
        return new Budgets.Input(year, "Work plan and budget " + year, List.of(lines), version);
    }

    private static Budgets.Line line(String code, String title, String amount) {
        return new Budgets.Line(code, title, new BigDecimal(amount));
    }

    @Test
    void aBudgetIsDraftedProposedAndApproved() {
        Budgets.View draft = module.budgets.create(budget(2026, null, line("1", "Staff", "420000"), line("2", "Travel", "35000.50")), "assistant");
        assertEquals(1, draft.revision());
        assertEquals(BudgetStatus.DRAFT, draft.status());
        assertEquals(new BigDecimal("455000.50"), draft.total());
        assertEquals("CHF", draft.currency());
        assertEquals(List.of("1", "2"), draft.lines().stream().map(Budgets.Line::code).collect(Collectors.toList()));
        assertEquals(new BigDecimal("420000.00"), draft.lines().get(0).amount());

        Budgets.View changed = module.budgets.update(draft.id(), budget(2026, draft.version(), line("1", "Staff", "400000"), line("3", "Meetings", "60000")));
        assertEquals(new BigDecimal("460000.00"), changed.total());
        assertEquals(List.of("1", "3"), changed.lines().stream().map(Budgets.Line::code).collect(Collectors.toList()));
        assertRefused(Kind.CONFLICT, null, "Budget " + draft.id() + " was changed by someone else (now version " + changed.version()
                + "); reload and try again", () -> module.budgets.update(draft.id(), budget(2026, draft.version(), line("1", "Staff", "1"))));

        assertRefused(Kind.CONFLICT, null, "Budget 2026 revision 1 is a draft: propose it first", () -> module.budgets.approve(draft.id(), "director"));
        Budgets.View proposed = module.budgets.propose(draft.id());
        assertEquals(BudgetStatus.PROPOSED, proposed.status());
        assertRefused(Kind.CONFLICT, null, "Budget 2026 revision 1 is proposed: only a draft changes; make a new revision",
                () -> module.budgets.update(draft.id(), budget(2026, proposed.version(), line("1", "Staff", "1"))));
        Budgets.View approved = module.budgets.approve(draft.id(), "director");
        assertEquals(BudgetStatus.APPROVED, approved.status());
        assertEquals("director", approved.approvedBy());
        assertEquals(module.clock.instant(), approved.approvedAt());
        assertRefused(Kind.CONFLICT, null, "Budget 2026 revision 1 is approved already", () -> module.budgets.approve(draft.id(), "director"));

        Budgets.View revision = module.budgets.create(budget(2026, null, line("1", "Staff", "410000")), "specialist");
        assertEquals(2, revision.revision());
        assertEquals(List.of(2, 1), module.budgets.list(2026).stream().map(Budgets.View::revision).collect(Collectors.toList()), "newest first");
    }

    @Test
    void badBudgetsAreRefused() {
        assertRefused(Kind.INVALID, "lines", "a budget has at least one line", () -> module.budgets.create(budget(2027, null), "a"));
        assertRefused(Kind.INVALID, "lines", "line 1 is named twice",
                () -> module.budgets.create(budget(2027, null, line("1", "Staff", "1"), line("1", "Travel", "2")), "a"));
        assertRefused(Kind.INVALID, "lines", "lines has more decimals than CHF's 2",
                () -> module.budgets.create(budget(2027, null, line("1", "Staff", "1.005")), "a"));
        assertRefused(Kind.INVALID, "lines", "lines must not be negative",
                () -> module.budgets.create(budget(2027, null, line("1", "Staff", "-1")), "a"));
        assertRefused(Kind.INVALID, "year", "year is required", () -> module.budgets.create(new Budgets.Input(null, "x", List.of(), null), "a"));
        assertRefused(Kind.NOT_FOUND, null, "No budget 999999", () -> module.budgets.approve(999999, "director"));
        assertEquals(0, module.budgets.list(2027).size(), "nothing half-made");
    }
}
