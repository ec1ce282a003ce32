package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.testing.ModuleDatabase;

class AuditServiceTest {

    private ModuleDatabase database;
    private AuditService audit;

    @BeforeEach
    void open() {
        database = ModuleDatabase.of("security", UserAccount.class);
        audit = new AuditService(database.factory());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<String> entities(AuditFilter filter, String page, String size) {
        Page<AuditEventView> events = audit.page(filter, PageRequest.parse(page, size, "occurredAt,desc", Set.of("occurredAt"), "occurredAt"));
        return events.getItems().stream().map(AuditEventView::entity).collect(Collectors.toList());
    }

    @Test
    void pagesAreNewestFirstWithoutOverlapAndTheEntityFilterTakesWhatIsUnderAPath() {
        for (String path : List.of("/api/contacts/people/7", "/api/contacts/people/70", "/api/contacts/people/7/positions",
                "/api/contacts/people/7_x", "/api/meetings/7")) {
            audit.record("marie", "POST " + path, path, "201", null);
        }
        AuditFilter any = new AuditFilter(null, null, null, null, null, null);
        assertEquals(List.of("/api/meetings/7", "/api/contacts/people/7_x", "/api/contacts/people/7/positions", "/api/contacts/people/70",
                "/api/contacts/people/7"), entities(any, "0", "5"));
        assertEquals(List.of("/api/contacts/people/7/positions", "/api/contacts/people/70"), entities(any, "1", "2"), "the second page of two");
        AuditFilter person7 = new AuditFilter(null, null, "/api/contacts/people/7", null, null, null);
        assertEquals(List.of("/api/contacts/people/7/positions", "/api/contacts/people/7"), entities(person7, "0", "50"),
                "the path and what is under it, not 70 nor 7_x (the underscore is no wildcard)");
        assertEquals(2, audit.page(person7, PageRequest.parse("0", "1", null, Set.of("occurredAt"), "occurredAt")).getTotal());
        assertEquals(List.of(), entities(new AuditFilter("jean", null, null, null, null, null), "0", "50"));
    }
}
