package org.secretariat.contacts.impl.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.impl.domain.Participation;
import org.secretariat.contacts.impl.domain.StateName;
import org.secretariat.contacts.impl.domain.StateRecord;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Treaty status tables in the UN Treaty Collection's CSV layout ({@link StatusCsv}), out and in. An
 * import checks every row first and applies the changes in one transaction only if no row has an
 * error, so a file is imported whole or not at all. States the file does not list keep their status.
 * A dry run answers the same report without changing anything.
 */
@Component(service = StatusTables.class)
public class StatusTables {

    private final EntityManagerFactory contacts;
    private final States states;

    @Activate
    public StatusTables(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states) {
        this.contacts = contacts;
        this.states = states;
    }

    /** The states that signed or are party, in the layout {@link #importTable} reads. */
    public String export() {
        return StatusCsv.write(states.participants());
    }

    /** Reads the table and reports what changes; applies them unless {@code dryRun} or a row has an error. */
    public ImportReport importTable(String csv, boolean dryRun, String actor) {
        // Rows are read and checked inside the transaction that applies them, so nothing can change in between.
        return Transactions.inTransaction(contacts, em -> {
            Map<String, String> lookup = lookupTable(em);
            List<StatusCsv.Row> rows;
            try {
                rows = StatusCsv.read(csv, text -> Optional.ofNullable(lookup.get(text.toLowerCase(Locale.ROOT)))
                        .or(() -> Optional.ofNullable(lookup.get(Names.key(text)))));
            } catch (StatusCsv.UnreadableCsv e) {
                throw DomainException.invalid("file", e.getMessage());
            }
            Map<String, Integer> seen = new HashMap<>();
            List<ImportReport.Change> changes = new ArrayList<>();
            List<ImportReport.RowError> errors = new ArrayList<>();
            int unchanged = 0;
            List<Runnable> moves = new ArrayList<>();
            Instant now = Instant.now();
            for (StatusCsv.Row row : rows) {
                if (row.ok()) {
                    Integer earlier = seen.putIfAbsent(row.iso2, row.line);
                    if (earlier != null) {
                        row.fail("state", row.iso2 + " is already on line " + earlier);
                    }
                }
                Participation next = row.ok() ? checked(row) : null;
                if (!row.ok()) {
                    errors.add(new ImportReport.RowError(row.line, row.stateText, row.errorField, row.error));
                    continue;
                }
                StateRecord state = em.find(StateRecord.class, row.iso2);
                if (state.participation().equals(next)) {
                    unchanged++;
                    continue;
                }
                changes.add(new ImportReport.Change(row.line, state.iso2, row.stateText, state.participation(), next));
                moves.add(() -> em.persist(state.moveTo(next, now, actor, States.SOURCE_IMPORT)));
            }
            boolean apply = !dryRun && errors.isEmpty();
            if (apply) {
                moves.forEach(Runnable::run);
            }
            return new ImportReport(dryRun, apply, rows.size(), unchanged, changes, errors);
        });
    }

    /** The status the row gives, or null with the row failed if it is inconsistent (fields named as the file's columns). */
    private static Participation checked(StatusCsv.Row row) {
        Instrument instrument = row.depositDate == null ? null : row.instrument == null ? Instrument.RATIFICATION : row.instrument;
        Participation next = new Participation(row.impliedStatus(), instrument, row.signatureDate, row.depositDate);
        try {
            StatusRules.check(next.status(), next.instrument(), next.signatureDate(), next.depositDate(), States.today());
        } catch (DomainException e) {
            String field = e.field();
            row.fail(field.equals("depositDate") || field.equals("instrument") ? "deposit" : field.equals("signatureDate") ? "signature" : field,
                    e.getMessage());
            return null;
        }
        return next;
    }

    /** Resolves an ISO alpha-2 or alpha-3 code, or a normalised name in any stored language, to the alpha-2 code. */
    private static Map<String, String> lookupTable(EntityManager em) {
        Map<String, String> table = new HashMap<>();
        for (StateRecord state : em.createQuery("SELECT s FROM StateRecord s", StateRecord.class).getResultList()) {
            table.put(state.iso2.toLowerCase(Locale.ROOT), state.iso2);
            if (state.iso3 != null && !state.iso3.isBlank()) {
                table.put(state.iso3.toLowerCase(Locale.ROOT), state.iso2);
            }
            table.putIfAbsent(state.nameKey, state.iso2);
        }
        for (StateName name : em.createQuery("SELECT n FROM StateName n", StateName.class).getResultList()) {
            table.putIfAbsent(name.nameKey, name.iso2);
        }
        return table;
    }
}
