package org.secretariat.contacts.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.secretariat.platform.api.persistence.Transactions;

/**
 * Imports treaty status from a UN Treaty Collection style CSV: every row is checked first, and the
 * changes are applied in one transaction only if no row has an error, so a file is imported whole or
 * not at all. States the file does not list keep their status. A dry run answers the same report
 * without changing anything.
 */
final class StatusImport {

    /** What an import would do (or did): changed states, unchanged count and the rows in error. */
    static final class Report {
        public boolean dryRun;
        public boolean applied;
        public int rows;
        public int unchanged;
        public List<Map<String, Object>> changes = new ArrayList<>();
        public List<Map<String, Object>> errors = new ArrayList<>();
    }

    private final StateCatalogue catalogue;

    StatusImport(StateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Report run(String csv, boolean dryRun, String actor) throws StatusCsv.UnreadableCsv {
        Report report = new Report();
        report.dryRun = dryRun;
        // Rows are read and checked inside the transaction that applies them, so nothing can change in between.
        StatusCsv.UnreadableCsv[] unreadable = new StatusCsv.UnreadableCsv[1];
        Transactions.inTransaction(catalogue.store(), em -> {
            Map<String, String> lookup = catalogue.lookupTable(em);
            List<StatusCsv.Row> rows;
            try {
                rows = StatusCsv.read(csv, text -> Optional.ofNullable(lookup.get(text.toLowerCase(Locale.ROOT)))
                        .or(() -> Optional.ofNullable(lookup.get(Names.key(text)))));
            } catch (StatusCsv.UnreadableCsv e) {
                unreadable[0] = e;
                return null;
            }
            report.rows = rows.size();
            Map<String, Integer> seen = new HashMap<>();
            List<Runnable> changes = new ArrayList<>();
            for (StatusCsv.Row row : rows) {
                if (row.ok()) {
                    Integer earlier = seen.putIfAbsent(row.iso2, row.line);
                    if (earlier != null) {
                        row.fail("state", row.iso2 + " is already on line " + earlier);
                    }
                }
                StateCatalogue.StatusUpdate update = new StateCatalogue.StatusUpdate();
                if (row.ok()) {
                    update.status = row.impliedStatus();
                    update.instrument = row.depositDate == null ? null
                            : row.instrument == null ? org.secretariat.contacts.api.Instrument.RATIFICATION : row.instrument;
                    update.signatureDate = row.signatureDate;
                    update.depositDate = row.depositDate;
                    try {
                        StatusRules.check(update.status, update.instrument, update.signatureDate, update.depositDate, catalogue.today());
                    } catch (InvalidStatus e) {
                        row.fail(e.field.equals("depositDate") || e.field.equals("instrument") ? "deposit"
                                : e.field.equals("signatureDate") ? "signature" : e.field, e.getMessage());
                    }
                }
                if (!row.ok()) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("line", row.line);
                    error.put("state", row.stateText);
                    error.put("field", row.errorField);
                    error.put("error", row.error);
                    report.errors.add(error);
                    continue;
                }
                StateRecord state = catalogue.find(em, row.iso2);
                boolean same = state.status == update.status && state.instrument == update.instrument
                        && java.util.Objects.equals(state.signatureDate, update.signatureDate)
                        && java.util.Objects.equals(state.depositDate, update.depositDate);
                if (same) {
                    report.unchanged++;
                    continue;
                }
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("line", row.line);
                change.put("iso2", state.iso2);
                change.put("state", row.stateText);
                change.put("from", describe(state.status, state.instrument, state.signatureDate, state.depositDate));
                change.put("to", describe(update.status, update.instrument, update.signatureDate, update.depositDate));
                report.changes.add(change);
                changes.add(() -> catalogue.apply(em, state, update, actor, StateCatalogue.SOURCE_IMPORT));
            }
            if (!dryRun && report.errors.isEmpty()) {
                changes.forEach(Runnable::run);
                report.applied = true;
            }
            return null;
        });
        if (unreadable[0] != null) {
            throw unreadable[0];
        }
        return report;
    }

    private static Map<String, Object> describe(Object status, Object instrument, Object signature, Object deposit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("instrument", instrument);
        json.put("signatureDate", signature == null ? null : signature.toString());
        json.put("depositDate", deposit == null ? null : deposit.toString());
        return json;
    }
}
