package org.secretariat.contacts.impl.service;

import java.util.List;

import org.secretariat.contacts.impl.domain.Participation;

/** What an import of a status table would do (or did): the states that change, how many rows change nothing, the rows in error. */
public record ImportReport(boolean dryRun, boolean applied, int rows, int unchanged, List<Change> changes, List<RowError> errors) {

    /** A state the file moves to another status; {@code state} is as the file names it. */
    public record Change(int line, String iso2, String state, Participation from, Participation to) {
    }

    /** A row that cannot be imported: {@code field} is the file's column at fault ({@code state}, {@code signature}, {@code deposit}). */
    public record RowError(int line, String state, String field, String error) {
    }
}
