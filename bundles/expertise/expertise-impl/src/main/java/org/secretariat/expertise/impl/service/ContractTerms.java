package org.secretariat.expertise.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.secretariat.expertise.impl.domain.Contract;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;

/** A contract's terms as the API gives them, checked field by field, and applied to the entity. */
final class ContractTerms {

    private ContractTerms() {
    }

    record Checked(Long expertId, Long requestId, String terms, LocalDate startDate, LocalDate endDate, BigDecimal fee, String currency,
            String budgetLine, Integer budgetYear, List<Contracts.DeliverableInput> deliverables, boolean account, String username) {
    }

    static Checked check(Contracts.Input input, ConventionProfile profile) {
        if (input == null) {
            throw DomainException.invalid("expertId", "a JSON body is required");
        }
        Long expertId = Fields.present("expertId", input.expertId(), "the expert the contract is with");
        String terms = Fields.required("termsOfReference", input.termsOfReference(), 100_000);
        LocalDate start = Fields.present("startDate", input.startDate(), "the contract's first day");
        LocalDate end = Fields.present("endDate", input.endDate(), "the contract's last day");
        Fields.period(start, end);
        BigDecimal fee = Fields.present("fee", input.fee(), "the fee, e.g. 12000.00");
        if (fee.signum() < 0) {
            throw DomainException.invalid("fee", "fee must not be negative");
        }
        String code = input.currency() == null || input.currency().isBlank() ? profile.currency().getCurrencyCode()
                : input.currency().trim().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency", "currency must be an ISO 4217 code, e.g. CHF");
        }
        if (fee.stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            throw DomainException.invalid("fee", "fee has more decimals than " + currency.getCurrencyCode() + "'s " + currency.getDefaultFractionDigits());
        }
        if (fee.precision() - fee.scale() > 15) {
            throw DomainException.invalid("fee", "fee is too large");
        }
        String budgetLine = Fields.optional("budgetLine", input.budgetLine(), 20);
        if (input.budgetYear() != null && (input.budgetYear() < 1990 || input.budgetYear() > 2200)) {
            throw DomainException.invalid("budgetYear", "budgetYear must be a (fiscal) year from 1990 to 2200");
        }
        // The fiscal year the contract starts in, unless the contract is paid from another year's budget.
        Integer budgetYear = input.budgetYear();
        if (budgetYear == null && budgetLine != null) {
            budgetYear = fiscalYear(profile, start);
        }
        List<Contracts.DeliverableInput> deliverables = input.deliverables() == null ? List.of() : input.deliverables();
        if (deliverables.size() > Contracts.MAX_DELIVERABLES) {
            throw DomainException.invalid("deliverables", "at most " + Contracts.MAX_DELIVERABLES + " deliverables");
        }
        for (Contracts.DeliverableInput d : deliverables) {
            if (d == null || d.title() == null || d.title().isBlank() || d.title().length() > 300 || d.dueDate() == null) {
                throw DomainException.invalid("deliverables", "each deliverable has a title (at most 300 characters) and a dueDate");
            }
            if (d.dueDate().isBefore(start)) {
                throw DomainException.invalid("deliverables", "deliverable '" + Terms.clip(d.title()) + "' is due before the contract starts");
            }
        }
        String username = input.username() == null || input.username().isBlank() ? null : input.username().trim().toLowerCase(Locale.ROOT);
        return new Checked(expertId, input.requestId(), terms, start, end, fee, currency.getCurrencyCode(), budgetLine, budgetYear, deliverables,
                Boolean.TRUE.equals(input.account()), username);
    }

    static void apply(Contract contract, Checked checked) {
        contract.requestId = checked.requestId();
        contract.termsOfReference = checked.terms();
        contract.startDate = checked.startDate();
        contract.endDate = checked.endDate();
        contract.fee = checked.fee();
        contract.currency = checked.currency();
        contract.budgetLine = checked.budgetLine();
        contract.budgetYear = checked.budgetYear();
    }

    /** The fiscal year a day belongs to, named by the calendar year it starts in (as the finance module names budgets). */
    static int fiscalYear(ConventionProfile profile, LocalDate day) {
        java.time.MonthDay start = profile.fiscalYearStart();
        return day.isBefore(start.atYear(day.getYear())) ? day.getYear() - 1 : day.getYear();
    }
}
