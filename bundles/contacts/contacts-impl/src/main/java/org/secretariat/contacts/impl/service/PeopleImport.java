package org.secretariat.contacts.impl.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * People imported from CSV (contacts 1.2): the first row names the columns (those of a person in the API:
 * {@link #COLUMNS}, any order, {@code familyName} required), each further row is a person, checked as
 * {@link People#create} checks one. All rows or none: the body is copied to a temporary file as it arrives
 * (never held in memory), read once to check every row (the first wrong one answers 400 naming its line and
 * field, and nothing is written), then read again and written in one transaction, flushed and cleared every
 * {@value #BATCH} rows so the heap stays bounded whatever the file's size. One request, so one audit event,
 * whose answer carries the count.
 */
@Component(service = PeopleImport.class)
public class PeopleImport {

    /** The columns a file may name; {@code consent} is true or false, {@code consentDate} an ISO date. */
    public static final List<String> COLUMNS = List.of("honorific", "givenName", "familyName", "email", "phone", "stateIso2", "language",
            "consent", "consentDate", "retentionNote", "notes");
    /** Rows written between two flushes (and clears) of the persistence context. */
    static final int BATCH = 500;
    /** The largest file taken (about 800 000 people of typical length). */
    static final long MAX_BYTES = 128L * 1024 * 1024;

    private final EntityManagerFactory contacts;
    private final People people;
    private final CsvMapper csv = new CsvMapper();

    /** What an import did. */
    public record Result(int imported) {
    }

    @Activate
    public PeopleImport(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference People people) {
        this.contacts = contacts;
        this.people = people;
    }

    /** Imports the people of a CSV body (UTF-8, a byte order mark allowed): all of them, or none with the first error. */
    public Result importCsv(InputStream body) {
        if (body == null) {
            throw DomainException.invalid("file", "a CSV body is required, its first row naming the columns");
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("contacts-people-import-", ".csv");
            copy(body, spool);
            Set<String> states = Transactions.read(contacts, em -> new HashSet<>(
                    em.createQuery("SELECT s.iso2 FROM StateRecord s", String.class).getResultList()));
            Path file = spool;
            int rows = read(file, states, person -> { });
            if (rows == 0) {
                throw DomainException.invalid("file", "the file has no person after its header row");
            }
            Transactions.inTransaction(contacts, em -> {
                int[] written = {0};
                read(file, states, person -> write(em, person, ++written[0]));
                em.flush();
                return null;
            });
            return new Result(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    // a temporary file left behind; the system's cleaning takes it
                }
            }
        }
    }

    private static void write(EntityManager em, Person person, int count) {
        em.persist(person);
        if (count % BATCH == 0) {
            em.flush();
            em.clear();
        }
    }

    private static void copy(InputStream body, Path spool) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (var out = Files.newOutputStream(spool)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_BYTES) {
                    throw DomainException.invalid("file", "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB: split it");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Reads every row of the file, each checked into a person handed to {@code sink}; answers the number of rows. */
    private int read(Path file, Set<String> states, Consumer<Person> sink) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .with(CsvParser.Feature.TRIM_SPACES)
                    .readValues(reader);
            checkHeader(rows);
            int count = 0;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                count++;
                sink.accept(person(row, count + 1, states));
            }
            return count;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException) {
                throw (DomainException) e;
            }
            throw DomainException.invalid("file", "the file is not readable CSV: " + firstLine(e.getMessage()));
        }
    }

    private static void checkHeader(MappingIterator<Map<String, String>> rows) throws IOException {
        if (!rows.hasNextValue() && ((CsvSchema) rows.getParserSchema()).size() == 0) {
            throw DomainException.invalid("file", "the file is empty: its first row names the columns " + COLUMNS);
        }
        CsvSchema header = (CsvSchema) rows.getParserSchema();
        boolean familyName = false;
        for (CsvSchema.Column column : header) {
            if (!COLUMNS.contains(column.getName())) {
                throw DomainException.invalid("header", "line 1: unknown column '" + column.getName() + "'; the columns are " + COLUMNS);
            }
            familyName |= column.getName().equals("familyName");
        }
        if (!familyName) {
            throw DomainException.invalid("familyName", "line 1: the header names no familyName column; the columns are " + COLUMNS);
        }
    }

    private Person person(Map<String, String> row, int line, Set<String> states) {
        try {
            PersonDto source = new PersonDto(null, cell(row, "honorific"), cell(row, "givenName"), cell(row, "familyName"), null, cell(row, "email"),
                    cell(row, "phone"), cell(row, "stateIso2"), cell(row, "language"), consent(row), date(row), cell(row, "retentionNote"),
                    cell(row, "notes"), null, null);
            return people.newPerson(source, iso2 -> {
                String code = iso2.trim().toUpperCase(Locale.ROOT);
                if (!states.contains(code)) {
                    throw DomainException.invalid("stateIso2", "unknown state '" + iso2 + "' (ISO 3166-1 alpha-2 code)");
                }
                return code;
            });
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            throw DomainException.invalid(e.field(), "line " + line + ": " + e.getMessage() + "; nothing was imported");
        }
    }

    private static String cell(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Boolean consent(Map<String, String> row) {
        String value = cell(row, "consent");
        if (value == null || value.equals("false")) {
            return Boolean.FALSE;
        }
        if (value.equals("true")) {
            return Boolean.TRUE;
        }
        throw DomainException.invalid("consent", "consent must be true or false");
    }

    private static LocalDate date(Map<String, String> row) {
        String value = cell(row, "consentDate");
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("consentDate", "consentDate must be a date such as 2026-11-27");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
