package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.Activity;
import org.secretariat.finance.impl.domain.Expenditure;
import org.secretariat.finance.impl.domain.ExpenditureSource;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Money spent on budget lines, in the profile's currency: entered by hand, or imported from the host
 * institution's ledger (CSV {@code date,reference,line,description,amount}). Each entry belongs to the
 * fiscal year of its date ({@link FiscalYears}) and names a line of that year's budget. A ledger
 * reference is recorded once: importing it again reports it as a duplicate and leaves it out.
 */
@Component(service = Expenditures.class)
public class Expenditures {

    /**
     * An entry as the API takes it; {@code reference}, {@code activityId} and {@code fund} are optional. {@code fund}
     * charges the entry to an earmarked fund (the purpose of earmarked contributions, e.g. "sponsorship").
     */
    public record Input(LocalDate spentOn, String line, BigDecimal amount, String description, String reference, Long activityId, String fund) {
    }

    public record View(long id, LocalDate spentOn, int fiscalYear, String line, BigDecimal amount, String currency, String description,
            String reference, Long activityId, ExpenditureSource source, String recordedBy, Instant recordedAt, String fund) {
    }

    /** What an import would do (or did): the entries read, the references imported before (left out), every line in error. */
    public record ImportReport(boolean dryRun, boolean applied, int lines, List<Entry> entries, List<Duplicate> duplicates,
            List<Scales.LineError> errors, BigDecimal total, String currency) {
    }

    /** A ledger line read: {@code line} is its number in the file, {@code budgetLine} the budget line it is spent on. */
    public record Entry(int line, LocalDate spentOn, int fiscalYear, String reference, String budgetLine, String description, BigDecimal amount) {
    }

    /** A ledger line whose reference was imported before, as entry {@code entryId}. */
    public record Duplicate(int line, String reference, long entryId) {
    }

    private static final String COLUMNS = "date,reference,line,description,amount";
    private static final DateTimeFormatter SWISS_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public Expenditures(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference ConventionProfile profile) {
        this(factory, profile, Clock.systemUTC());
    }

    Expenditures(EntityManagerFactory factory, ConventionProfile profile, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.clock = clock;
    }

    /** The entries of a fiscal year (and budget line, if given), by date. */
    public List<View> list(Integer fiscalYear, String line) {
        int year = Money.year("year", fiscalYear);
        String code = line == null || line.isBlank() ? null : line.trim();
        return Transactions.read(factory, em -> em.createQuery("SELECT e FROM Expenditure e WHERE e.fiscalYear = :year ORDER BY e.spentOn, e.id",
                Expenditure.class).setParameter("year", year).getResultList().stream().filter(e -> code == null || code.equals(e.lineCode))
                .map(Expenditures::view).collect(Collectors.toList()));
    }

    /** Records an entry by hand. */
    public View record(Input input, String user) {
        if (input == null) {
            throw DomainException.invalid("spentOn", "a JSON body is required");
        }
        LocalDate on = Fields.present("spentOn", input.spentOn(), "the day the money was spent");
        if (on.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid("spentOn", "spentOn is in the future");
        }
        int year = fiscalYears().of(on);
        String line = Fields.required("line", input.line() == null ? null : input.line().trim(), 20);
        Currency currency = profile.currency();
        BigDecimal amount = signedAmount("amount", input.amount(), currency);
        String description = Fields.optional("description", input.description(), 300);
        String reference = Fields.optional("reference", input.reference() == null ? null : input.reference().trim(), 100);
        String fund = Fields.optional("fund", input.fund() == null ? null : input.fund().trim(), 300);
        return Transactions.inTransaction(factory, em -> {
            if (fund != null && em.createQuery("SELECT COUNT(c) FROM Contribution c WHERE c.kind = :earmarked AND c.purpose = :fund", Long.class)
                    .setParameter("earmarked", org.secretariat.finance.impl.domain.ContributionKind.EARMARKED).setParameter("fund", fund)
                    .getSingleResult() == 0) {
                throw DomainException.invalid("fund", "no earmarked contribution has the purpose '" + fund + "': a fund is an earmarking");
            }
            Set<String> lines = Budgets.lineCodes(em, year);
            if (!lines.contains(line)) {
                throw DomainException.invalid("line", noSuchLine(year, line, lines));
            }
            if (reference != null) {
                Long existing = imported(em, List.of(reference)).get(reference);
                if (existing != null) {
                    throw DomainException.conflict("reference " + reference + " is recorded already (entry " + existing + ")");
                }
            }
            if (input.activityId() != null) {
                Activity activity = em.find(Activity.class, input.activityId());
                if (activity == null || activity.year != year || !activity.lineCode.equals(line)) {
                    throw DomainException.invalid("activityId", "activity " + input.activityId() + " is not in the work plan of " + year + " under line " + line);
                }
            }
            Expenditure entry = entry(on, year, line, amount, description, reference, ExpenditureSource.MANUAL, user);
            entry.activityId = input.activityId();
            entry.fund = fund;
            em.persist(entry);
            em.flush();
            return view(entry);
        });
    }

    /**
     * Imports the host institution's ledger: every new entry or, if any line is wrong, none (the report names every bad
     * line with its column: {@code columns}, {@code date}, {@code reference}, {@code line}, {@code description},
     * {@code amount}). References imported before are reported as duplicates and left out. A dry run changes nothing.
     */
    public ImportReport importLedger(String csv, boolean dryRun, String user) {
        if (csv == null || csv.isBlank()) {
            throw DomainException.invalid("file", "the file is empty: send " + COLUMNS + " lines");
        }
        Currency currency = profile.currency();
        FiscalYears fiscalYears = fiscalYears();
        LocalDate today = LocalDate.now(clock);
        List<Entry> read = new ArrayList<>();
        List<Scales.LineError> errors = new ArrayList<>();
        Map<String, Integer> referenceLines = new HashMap<>();
        int counted = 0;
        for (DelimitedText.Row row : DelimitedText.rows(csv)) {
            if (row.isHeader("date")) {
                continue;
            }
            counted++;
            int number = row.number();
            if (row.size() != 5) {
                errors.add(new Scales.LineError(number, "columns", "a line is " + COLUMNS + ": found " + row.size() + " cell(s)"));
                continue;
            }
            try {
                LocalDate on = date(row.cell(0));
                if (on.isAfter(today)) {
                    throw DomainException.invalid("date", "the date " + on + " is in the future");
                }
                String reference = Fields.required("reference", row.cell(1), 100);
                Integer first = referenceLines.putIfAbsent(reference, number);
                if (first != null) {
                    throw DomainException.invalid("reference", "reference " + reference + " is on line " + first + " already");
                }
                String line = Fields.required("line", row.cell(2), 20);
                String description = Fields.optional("description", row.cell(3), 300);
                BigDecimal amount = signedAmount("amount", number(row.cell(4)), currency);
                read.add(new Entry(number, on, fiscalYears.of(on), reference, line, description, amount));
            } catch (DomainException e) {
                errors.add(new Scales.LineError(number, e.field(), e.getMessage()));
            }
        }
        if (counted == 0) {
            throw DomainException.invalid("file", "the file has no entries: send " + COLUMNS + " lines");
        }
        Checked checked = Transactions.read(factory, em -> check(em, read, errors));
        boolean apply = !dryRun && errors.isEmpty();
        if (apply) {
            Transactions.inTransaction(factory, em -> {
                // Checked again inside the writing transaction: another import may have taken a reference meanwhile.
                Checked now = check(em, read, new ArrayList<>());
                for (Entry e : now.entries) {
                    em.persist(entry(e.spentOn(), e.fiscalYear(), e.budgetLine(), e.amount(), e.description(), e.reference(), ExpenditureSource.LEDGER, user));
                }
                return null;
            });
        }
        List<Entry> entries = checked.entries;
        BigDecimal total = entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        errors.sort(java.util.Comparator.comparingInt(Scales.LineError::line));
        return new ImportReport(dryRun, apply, counted, entries, checked.duplicates, errors, total, currency.getCurrencyCode());
    }

    private record Checked(List<Entry> entries, List<Duplicate> duplicates) {
    }

    /** Of the entries read, those to import: each on a line of its fiscal year's budget (errors otherwise), not imported before. */
    private static Checked check(EntityManager em, List<Entry> read, List<Scales.LineError> errors) {
        Map<String, Long> imported = imported(em, read.stream().map(Entry::reference).collect(Collectors.toList()));
        Map<Integer, Set<String>> linesByYear = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (Entry entry : read) {
            Set<String> lines = linesByYear.computeIfAbsent(entry.fiscalYear(), year -> Budgets.lineCodes(em, year));
            if (!lines.contains(entry.budgetLine())) {
                errors.add(new Scales.LineError(entry.line(), "line", noSuchLine(entry.fiscalYear(), entry.budgetLine(), lines)));
            } else if (imported.containsKey(entry.reference())) {
                duplicates.add(new Duplicate(entry.line(), entry.reference(), imported.get(entry.reference())));
            } else {
                entries.add(entry);
            }
        }
        return new Checked(entries, duplicates);
    }

    /** The entries recorded with these references, by reference. */
    private static Map<String, Long> imported(EntityManager em, List<String> references) {
        Map<String, Long> ids = new HashMap<>();
        // Derby limits an IN list's size; a ledger extract has thousands of lines.
        for (int from = 0; from < references.size(); from += 500) {
            List<String> chunk = references.subList(from, Math.min(references.size(), from + 500));
            em.createQuery("SELECT e FROM Expenditure e WHERE e.reference IN :references", Expenditure.class).setParameter("references", chunk)
                    .getResultList().forEach(e -> ids.put(e.reference, e.id));
        }
        return ids;
    }

    /** What was spent on each line in a fiscal year. */
    static Map<String, BigDecimal> spentByLine(EntityManager em, int fiscalYear) {
        Map<String, BigDecimal> spent = new HashMap<>();
        em.createQuery("SELECT e.lineCode, SUM(e.amount) FROM Expenditure e WHERE e.fiscalYear = :year GROUP BY e.lineCode", Object[].class)
                .setParameter("year", fiscalYear).getResultList().forEach(row -> spent.put((String) row[0], (BigDecimal) row[1]));
        return spent;
    }

    FiscalYears fiscalYears() {
        return new FiscalYears(profile.fiscalYearStart());
    }

    private static String noSuchLine(int year, String line, Set<String> lines) {
        return lines.isEmpty() ? "fiscal year " + year + " has no budget, so no line " + line
                : "the budgets of fiscal year " + year + " have no line " + line + "; their lines: " + String.join(", ", lines);
    }

    /** An amount spent; negative for a refund or a correction, never zero. */
    private static BigDecimal signedAmount(String field, BigDecimal amount, Currency currency) {
        if (amount != null && amount.signum() == 0) {
            throw DomainException.invalid(field, field + " is zero: leave the line out");
        }
        return amount == null || amount.signum() > 0 ? Money.amount(field, amount, currency, false)
                : Money.amount(field, amount.negate(), currency, false).negate();
    }

    private static BigDecimal number(String text) {
        try {
            // Ledgers print thousands with an apostrophe (Swiss) or a space.
            return new BigDecimal(text.replace("'", "").replace("\u2019", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("amount", "'" + text + "' is not an amount (e.g. 1234.50)");
        }
    }

    private static LocalDate date(String text) {
        try {
            return text.contains(".") ? LocalDate.parse(text, SWISS_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("date", "'" + text + "' is not a date (2026-03-10 or 10.03.2026)");
        }
    }

    private Expenditure entry(LocalDate on, int year, String line, BigDecimal amount, String description, String reference, ExpenditureSource source,
            String user) {
        Expenditure entry = new Expenditure();
        entry.spentOn = on;
        entry.fiscalYear = year;
        entry.lineCode = line;
        entry.amount = amount;
        entry.currency = profile.currency().getCurrencyCode();
        entry.description = description;
        entry.reference = reference;
        entry.source = source;
        entry.recordedBy = user;
        entry.recordedAt = clock.instant();
        return entry;
    }

    private static View view(Expenditure e) {
        return new View(e.id, e.spentOn, e.fiscalYear, e.lineCode, Money.stored(e.amount, e.currency), e.currency, e.description, e.reference,
                e.activityId, e.source, e.recordedBy, e.recordedAt, e.fund);
    }
}
