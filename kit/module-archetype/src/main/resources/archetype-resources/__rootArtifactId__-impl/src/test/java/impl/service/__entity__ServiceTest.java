package ${package}.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.testing.ModuleDatabase;

import ${package}.impl.domain.${entity};

/**
 * The service over the module's own migrations, in an in-memory Derby database opened as the platform
 * opens the module's persistence unit (ModuleDatabase), without the framework. One database for the
 * class, emptied after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ${entity}ServiceTest {

    private final ModuleDatabase database = ModuleDatabase.of("${moduleId}", ${entity}.class);
    private final ${entity}Service records = new ${entity}Service(database.factory());

    @AfterEach
    void clear() {
        Transactions.inTransaction(database.factory(), em -> em.createQuery("DELETE FROM ${entity} e").executeUpdate());
    }

    @AfterAll
    void close() {
        database.close();
    }

    private static ${entity}Dto input(String title, String notes, Integer version) {
        return new ${entity}Dto(null, title, notes, null, version);
    }

    private static PageRequest page(String sort) {
        return PageRequest.parse(null, null, sort, ${entity}Service.SORTABLE, "createdAt");
    }

    /** Refused with this kind (the HTTP status it becomes) and, for an invalid value, naming this field. */
    private static DomainException refused(DomainException.Kind kind, String field, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(kind, refusal.kind(), refusal::getMessage);
        assertEquals(field, refusal.field(), refusal::getMessage);
        return refusal;
    }

    @Test
    void aCreatedRecordIsReadBackTrimmed() {
        ${entity}Dto created = records.create(input("  First  ", " ", null));
        assertNotNull(created.id());
        assertEquals("First", created.title());
        assertNull(created.notes(), "blank notes are none");
        assertNotNull(created.createdAt());
        assertEquals(created, records.get(created.id()));
        assertEquals(1, records.count());
        assertEquals("First", new ${entity}DirectoryService(records).find(created.id()).orElseThrow().title());
    }

    @Test
    void eachFieldIsCheckedAndNamed() {
        refused(DomainException.Kind.INVALID, "title", () -> records.create(null));
        refused(DomainException.Kind.INVALID, "title", () -> records.create(input(" ", null, null)));
        refused(DomainException.Kind.INVALID, "title", () -> records.create(input("x".repeat(201), null, null)));
        refused(DomainException.Kind.INVALID, "notes", () -> records.create(input("Notes too long", "x".repeat(2001), null)));
        assertEquals(0, records.count(), "nothing half-created");
    }

    @Test
    void titlesAreUniqueInAnyCase() {
        ${entity}Dto first = records.create(input("Annual report", null, null));
        refused(DomainException.Kind.CONFLICT, null, () -> records.create(input("ANNUAL REPORT", null, null)));
        ${entity}Dto renamed = records.update(first.id(), input("Annual Report", "same record, new case", first.version()));
        assertEquals("Annual Report", renamed.title());
    }

    @Test
    void aChangeCarriesTheVersionRead() {
        ${entity}Dto created = records.create(input("Draft", null, null));
        refused(DomainException.Kind.INVALID, "version", () -> records.update(created.id(), input("Final", null, null)));
        ${entity}Dto changed = records.update(created.id(), input("Final", null, created.version()));
        assertEquals(created.version() + 1, changed.version());
        refused(DomainException.Kind.CONFLICT, null, () -> records.update(created.id(), input("Stale", null, created.version())));
        refused(DomainException.Kind.CONFLICT, null, () -> records.delete(created.id(), created.version()));
        records.delete(created.id(), changed.version());
        refused(DomainException.Kind.NOT_FOUND, null, () -> records.get(created.id()));
        assertTrue(records.find(created.id()).isEmpty());
    }

    @Test
    void listsArePagedSortedAndSearched() {
        for (String title : List.of("Beta", "alpha", "Gamma 100%")) {
            records.create(input(title, null, null));
        }
        Page<${entity}Dto> byTitle = records.list(null, page("title,asc"));
        assertEquals(3, byTitle.getTotal());
        assertEquals(List.of("alpha", "Beta", "Gamma 100%"), byTitle.getItems().stream().map(${entity}Dto::title).collect(Collectors.toList()));
        Page<${entity}Dto> firstPage = records.list(null, PageRequest.parse("0", "2", "title,desc", ${entity}Service.SORTABLE, "createdAt"));
        assertEquals(List.of("Gamma 100%", "Beta"), firstPage.getItems().stream().map(${entity}Dto::title).collect(Collectors.toList()));
        assertEquals(3, firstPage.getTotal());
        assertEquals(List.of("Gamma 100%"), records.list("0%", page(null)).getItems().stream().map(${entity}Dto::title).collect(Collectors.toList()),
                "a % typed by the user matches itself");
        assertEquals(0, records.list("delta", page(null)).getTotal());
    }
}
