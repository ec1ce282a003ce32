package org.secretariat.website.impl.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates and amounts written as a reader of the page's language expects them. */
public final class Formats {

    private Formats() {
    }

    /** A day: {@code iso} for {@code <time datetime>}, {@code text} in the language ("15 mars 2011"). */
    public record Day(String iso, String text) {
    }

    /** The day in the language's long form, or null for none. */
    public static Day day(LocalDate date, String language) {
        if (date == null) {
            return null;
        }
        return new Day(date.toString(), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dateLocale(language)).format(date));
    }

    /** An amount with the language's separators and the currency's decimals (two for a code the JDK does not know). */
    public static String amount(BigDecimal amount, String currency, String language) {
        if (amount == null) {
            return "";
        }
        int decimals = 2;
        try {
            int known = Currency.getInstance(currency).getDefaultFractionDigits();
            decimals = known < 0 ? 2 : known;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // a currency code the JDK does not list: written with two decimals
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(true);
        return format.format(amount);
    }

    /** A whole number with the language's grouping ("1 234" in French). */
    public static String count(long value, String language) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag(language)).format(value);
    }

    /** English dates the way the United Nations writes them, 1 August 2010 (not the American August 1, 2010). */
    private static Locale dateLocale(String language) {
        return "en".equals(language) ? Locale.UK : Locale.forLanguageTag(language);
    }
}
