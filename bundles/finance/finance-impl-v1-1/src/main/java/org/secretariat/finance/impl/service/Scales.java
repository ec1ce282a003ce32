package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.ScaleRate;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Scales of assessment: each state's rate (per cent) for a period of years, imported from a table
 * (CSV {@code state,rate}, one state a line) or set by hand. A manual rate wins over the imported one
 * of the same year; of several periods covering a year, the one starting last counts.
 */
@Component(service = Scales.class)
public class Scales {

    /** A rate as the API shows it. */
    public record RateView(long id, String state, String name, int fromYear, int toYear, BigDecimal rate, boolean manual, String note) {
    }

    /** A manual rate as the API takes it. */
    public record ManualRate(String state, Integer fromYear, Integer toYear, BigDecimal rate, String note) {
    }

    /** What an import would do (or did): the rates read, and every line in error. */
    public record ImportReport(boolean dryRun, boolean applied, int fromYear, int toYear, int lines, List<Line> rates, List<LineError> errors) {
    }

    public record Line(int line, String state, BigDecimal rate) {
    }

    /** A line that cannot be imported: {@code field} is the column at fault ({@code state}, {@code rate}) or {@code line}. */
    public record LineError(int line, String field, String error) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManagerFactory factory;
    private final States states;

    @Activate
    public Scales(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference States states) {
        this.factory = factory;
        this.states = states;
    }

    /** The rates that count in {@code year}, by state. */
    public List<RateView> rates(int year) {
        Money.year("year", year);
        return Transactions.read(factory, em -> effective(em, year)).values().stream().map(this::view).collect(Collectors.toList());
    }

    /** The rate of each state in {@code year}, by state code in order. */
    public Map<String, BigDecimal> ratesOf(int year) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Transactions.read(factory, em -> effective(em, year)).forEach((state, rate) -> rates.put(state, plain(rate.rate)));
        return rates;
    }

    private static Map<String, ScaleRate> effective(EntityManager em, int year) {
        List<ScaleRate> covering = em.createQuery("SELECT r FROM ScaleRate r WHERE r.fromYear <= :year AND r.toYear >= :year", ScaleRate.class)
                .setParameter("year", year).getResultList();
        covering.sort(Comparator.comparing((ScaleRate r) -> r.manual).thenComparing(r -> r.fromYear));
        Map<String, ScaleRate> byState = new java.util.TreeMap<>();
        covering.forEach(rate -> byState.put(rate.state, rate));
        return byState;
    }

    /**
     * Imports a scale for the years {@code fromYear} to {@code toYear}: all the lines or, if any is
     * wrong, none (the report names every bad line). It replaces the imported rates of that same
     * period; manual rates stay. A dry run reports and changes nothing.
     */
    public ImportReport importCsv(Integer fromYear, Integer toYear, String csv, boolean dryRun) {
        int from = Money.year("from", fromYear);
        int to = Money.year("to", toYear);
        if (to < from) {
            throw DomainException.invalid("to", "to is before from");
        }
        if (csv == null || csv.isBlank()) {
            throw DomainException.invalid("file", "the file is empty: send state,rate lines");
        }
        List<Line> read = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int counted = 0;
        for (DelimitedText.Row row : DelimitedText.rows(csv)) {
            int number = row.number();
            if (row.isHeader("state")) {
                continue;
            }
            counted++;
            if (row.size() != 2) {
                errors.add(new LineError(number, "line", "a line is state,rate: found " + row.size() + " cell(s)"));
                continue;
            }
            String state;
            try {
                state = states.code("state", row.cell(0));
            } catch (DomainException e) {
                errors.add(new LineError(number, "state", e.getMessage()));
                continue;
            }
            if (!seen.add(state)) {
                errors.add(new LineError(number, "state", "state " + state + " is named twice"));
                continue;
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(row.cell(1));
            } catch (NumberFormatException e) {
                errors.add(new LineError(number, "rate", "'" + row.cell(1) + "' is not a rate (per cent, e.g. 0.010)"));
                continue;
            }
            if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || rate.stripTrailingZeros().scale() > 6) {
                errors.add(new LineError(number, "rate", "a rate is a percentage from 0 to 100 with at most 6 decimals, not " + rate.toPlainString()));
                continue;
            }
            read.add(new Line(number, state, rate));
        }
        if (counted == 0) {
            throw DomainException.invalid("file", "the file has no rates: send state,rate lines");
        }
        boolean apply = !dryRun && errors.isEmpty();
        if (apply) {
            Transactions.inTransaction(factory, em -> {
                em.createQuery("DELETE FROM ScaleRate r WHERE r.fromYear = :from AND r.toYear = :to AND r.manual = :manual")
                        .setParameter("from", from).setParameter("to", to).setParameter("manual", Boolean.FALSE).executeUpdate();
                for (Line line : read) {
                    ScaleRate rate = new ScaleRate();
                    rate.state = line.state();
                    rate.fromYear = from;
                    rate.toYear = to;
                    rate.rate = line.rate();
                    em.persist(rate);
                }
                return null;
            });
        }
        return new ImportReport(dryRun, apply, from, to, counted, read, errors);
    }

    /** Sets a state's manual rate for a period (replacing the manual rate of that period, if any). */
    public RateView manual(ManualRate input) {
        if (input == null) {
            throw DomainException.invalid("state", "a JSON body is required");
        }
        String state = states.code("state", input.state());
        int from = Money.year("fromYear", input.fromYear());
        int to = input.toYear() == null ? from : Money.year("toYear", input.toYear());
        if (to < from) {
            throw DomainException.invalid("toYear", "toYear is before fromYear");
        }
        BigDecimal value = Fields.present("rate", input.rate(), "the state's rate in per cent");
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 6) {
            throw DomainException.invalid("rate", "a rate is a percentage from 0 to 100 with at most 6 decimals");
        }
        String note = Fields.optional("note", input.note(), 300);
        return view(Transactions.inTransaction(factory, em -> {
            List<ScaleRate> existing = em.createQuery("SELECT r FROM ScaleRate r WHERE r.state = :state AND r.fromYear = :from AND r.toYear = :to",
                    ScaleRate.class).setParameter("state", state).setParameter("from", from).setParameter("to", to).getResultList();
            ScaleRate rate = existing.stream().filter(r -> r.manual).findFirst().orElseGet(ScaleRate::new);
            rate.state = state;
            rate.fromYear = from;
            rate.toYear = to;
            rate.rate = value;
            rate.manual = true;
            rate.note = note;
            if (rate.id == null) {
                em.persist(rate);
            }
            em.flush();
            return rate;
        }));
    }

    private RateView view(ScaleRate rate) {
        return new RateView(rate.id, rate.state, states.name(rate.state), rate.fromYear, rate.toYear, plain(rate.rate), rate.manual, rate.note);
    }

    /** A rate as stored (six decimals) as people write it: at least three decimals, no trailing zeros beyond. */
    static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 3 ? plain.setScale(3) : plain;
    }
}
