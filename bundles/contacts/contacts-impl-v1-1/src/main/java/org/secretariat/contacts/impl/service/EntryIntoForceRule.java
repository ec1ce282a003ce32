package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The treaty rule that gives the date a convention enters into force for a state from the date it
 * deposited its instrument of ratification, acceptance, approval or accession.
 *
 * <p>Written in configuration as one of:
 * <ul>
 * <li>{@code first-day-of-month-after:N} – "the first day of the Nth month after the month in which the
 * instrument was deposited" (Convention on Cluster Munitions art. 17, Mine Ban Convention art. 17:
 * N = 6, so a deposit on 2011-03-15 gives 2011-09-01);</li>
 * <li>{@code day-after:N} – "the Nth day following the date of deposit" (Arms Trade Treaty art. 22:
 * N = 90).</li>
 * </ul>
 * The contacts module owns the rule: {@link ContactSettings} reads it from the convention profile's
 * {@code entryIntoForce}. (The platform API's class of the same name is kept, deprecated, for modules
 * built against it.)
 */
public final class EntryIntoForceRule {

    /** The two kinds of rule treaties use. */
    public enum Kind {
        /** First day of the Nth month after the month of deposit. */
        FIRST_DAY_OF_MONTH_AFTER("first-day-of-month-after"),
        /** The Nth day after the day of deposit. */
        DAY_AFTER("day-after");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        /** The word used in configuration. */
        public String token() {
            return token;
        }
    }

    private static final int MAX_COUNT = 3650;

    private final Kind kind;
    private final int count;

    private EntryIntoForceRule(Kind kind, int count) {
        this.kind = kind;
        this.count = count;
    }

    /**
     * A rule of the given kind.
     *
     * @throws IllegalArgumentException when count is not between 1 and 3650
     */
    public static EntryIntoForceRule of(Kind kind, int count) {
        Objects.requireNonNull(kind, "kind");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("entry-into-force count must be between 1 and " + MAX_COUNT + ", was " + count);
        }
        return new EntryIntoForceRule(kind, count);
    }

    /**
     * Reads a rule written as {@code kind:N}.
     *
     * @throws IllegalArgumentException with a message fit for an administrator when the text is not a rule
     */
    public static EntryIntoForceRule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("entry-into-force rule is empty; expected e.g. 'first-day-of-month-after:6' or 'day-after:90'");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("entry-into-force rule '" + trimmed + "' has no ':N' part; expected e.g. 'first-day-of-month-after:6' or 'day-after:90'");
        }
        String kindText = trimmed.substring(0, colon).trim();
        String countText = trimmed.substring(colon + 1).trim();
        Kind kind = null;
        for (Kind candidate : Kind.values()) {
            if (candidate.token.equalsIgnoreCase(kindText)) {
                kind = candidate;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("entry-into-force rule kind '" + kindText + "' is unknown; use 'first-day-of-month-after' or 'day-after'");
        }
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entry-into-force rule count '" + countText + "' is not a whole number");
        }
        return of(kind, count);
    }

    /** The date the convention enters into force for a state that deposited its instrument on {@code deposit}. */
    public LocalDate entryIntoForce(LocalDate deposit) {
        Objects.requireNonNull(deposit, "deposit");
        switch (kind) {
            case FIRST_DAY_OF_MONTH_AFTER:
                return deposit.withDayOfMonth(1).plusMonths(count);
            case DAY_AFTER:
                return deposit.plusDays(count);
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    public Kind kind() {
        return kind;
    }

    public int count() {
        return count;
    }

    /** The configuration form, e.g. {@code first-day-of-month-after:6}. */
    @Override
    public String toString() {
        return kind.token + ":" + count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryIntoForceRule
                && ((EntryIntoForceRule) other).kind == kind
                && ((EntryIntoForceRule) other).count == count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, count);
    }
}
