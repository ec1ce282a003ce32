package org.secretariat.expertise.impl.service;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How candidates for a request are ranked, without a database. An expert is a candidate only with the
 * request's theme (an expert of another theme is no answer, whatever else fits), a profile not hidden,
 * and, when they gave periods of availability, one that overlaps the request's window (from the day it
 * is ranked, or the day received if later, to the deadline; open-ended without a deadline). Then points:
 * theme {@value #THEME}, language {@value #LANGUAGE}, region {@value #REGION}, kind of help
 * {@value #KIND}, available in the window {@value #AVAILABLE} (an expert who gave no periods is kept but
 * earns no point for it). Language weighs more than region: an expert who does not share the language
 * cannot do the work, one from another region can. So theme, language and region (85) rank above theme
 * and language (65), above theme alone (40), whatever kind and availability add.
 *
 * <p>Ties, in this order: fewer open assignments (requests matched or contacted with the expert, this
 * one aside), to spread the work; then the name in alphabetical order (accents and case aside, as the
 * list of experts shows it); then the lower id, so the order never depends on the database's.
 */
public final class Ranking {

    static final int THEME = 40;
    static final int LANGUAGE = 25;
    static final int REGION = 20;
    static final int KIND = 10;
    static final int AVAILABLE = 5;

    /** What ranking reads of a request. */
    public record Wanted(String theme, String language, String region, String kind, LocalDate windowStart, LocalDate windowEnd) {
    }

    /** What ranking reads of an expert. */
    public record Profile(long id, String name, String organisation, List<String> themes, List<String> languages, List<String> regions,
            List<String> kinds, List<Experts.Window> availability, LocalDate retainUntil, int openAssignments) {
    }

    /** A candidate with the points and the reasons ({@code THEME}, {@code LANGUAGE}, {@code REGION}, {@code KIND}, {@code AVAILABLE}). */
    public record Candidate(long expertId, String name, String organisation, int score, List<String> reasons, int openAssignments) {
    }

    private Ranking() {
    }

    public static List<Candidate> rank(Wanted wanted, List<Profile> experts, LocalDate today) {
        List<Candidate> candidates = new ArrayList<>();
        for (Profile expert : experts) {
            if (today.isAfter(expert.retainUntil()) || !expert.themes().contains(wanted.theme())) {
                continue;
            }
            boolean statedAvailability = !expert.availability().isEmpty();
            boolean available = expert.availability().stream().anyMatch(w -> overlaps(w, wanted.windowStart(), wanted.windowEnd()));
            if (statedAvailability && !available) {
                continue;
            }
            List<String> reasons = new ArrayList<>(List.of("THEME"));
            int score = THEME;
            if (expert.languages().contains(wanted.language())) {
                score += LANGUAGE;
                reasons.add("LANGUAGE");
            }
            if (expert.regions().contains(wanted.region())) {
                score += REGION;
                reasons.add("REGION");
            }
            if (expert.kinds().contains(wanted.kind())) {
                score += KIND;
                reasons.add("KIND");
            }
            if (available) {
                score += AVAILABLE;
                reasons.add("AVAILABLE");
            }
            candidates.add(new Candidate(expert.id(), expert.name(), expert.organisation(), score, List.copyOf(reasons), expert.openAssignments()));
        }
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.PRIMARY);
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparingInt(Candidate::openAssignments)
                .thenComparing(Candidate::name, collator)
                .thenComparingLong(Candidate::expertId));
        return candidates;
    }

    private static boolean overlaps(Experts.Window window, LocalDate start, LocalDate end) {
        return !window.to().isBefore(start) && (end == null || !window.from().isAfter(end));
    }
}
