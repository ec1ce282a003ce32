package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
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

    @Test
    void aWalkByCursorGivesWhatNumberedPagesGiveWithoutCountingAndTiesAreNotLost() {
        for (int i = 0; i < 4; i++) {
            audit.record("marie", "POST /api/x", "/api/x/" + i, "201", null);
        }
        Instant same = Instant.parse("2026-11-30T12:00:00Z");
        Transactions.inTransaction(database.factory(), em -> {
            for (int i = 0; i < 3; i++) {
                AuditEventRecord tied = new AuditEventRecord();
                tied.occurredAt = same;
                tied.action = "POST /api/y";
                tied.entity = "/api/y/" + i;
                tied.outcome = "201";
                em.persist(tied);
            }
            return null;
        });
        AuditFilter any = new AuditFilter(null, null, null, null, null, null);
        for (String sort : List.of("occurredAt,desc", "occurredAt,asc")) {
            boolean newestFirst = sort.endsWith("desc");
            List<String> numbered = audit.page(any, PageRequest.parse("0", "50", sort, Set.of("occurredAt"), "occurredAt")).getItems()
                    .stream().map(AuditEventView::entity).collect(Collectors.toList());
            assertEquals(newestFirst ? 7 : 8, numbered.size());
            List<String> walked = new ArrayList<>();
            String after = "";
            int pages = 0;
            while (after != null) {
                Page<AuditEventView> page = audit.page(any, PageRequest.parse(null, "2", sort, after, Set.of("occurredAt"), "occurredAt"));
                assertEquals(Page.UNCOUNTED, page.getTotal(), "a page by cursor counts nothing");
                page.getItems().forEach(event -> walked.add(event.entity()));
                after = page.getNext();
                pages++;
                if (pages == 2) {
                    audit.record("jean", "POST /api/z", "/api/z/" + sort, "201", null);
                }
            }
            List<String> expected = new ArrayList<>(numbered);
            if (!newestFirst) {
                expected.add("/api/z/" + sort);
            }
            assertEquals(expected, walked, sort + ": an event recorded during the walk does not shift it (newest first it is before"
                    + " the cursor, oldest first it comes last), ties by id are kept");
            assertEquals(newestFirst ? 4 : 5, pages, sort + ": pages of 2, the last without next");
        }
        Page<AuditEventView> numberedFirst = audit.page(any, PageRequest.parse("0", "3", "occurredAt,desc", Set.of("occurredAt"), "occurredAt"));
        assertEquals(9, numberedFirst.getTotal());
        Page<AuditEventView> continued = audit.page(any, PageRequest.parse(null, "3", "occurredAt,desc", numberedFirst.getNext(),
                Set.of("occurredAt"), "occurredAt"));
        assertEquals(audit.page(any, PageRequest.parse("1", "3", "occurredAt,desc", Set.of("occurredAt"), "occurredAt")).getItems(),
                continued.getItems(), "a numbered page's next continues by cursor");
        assertEquals("after", assertThrows(ApiException.class, () -> audit.page(any,
                PageRequest.parse(null, "3", "actor", "", Set.of("occurredAt", "actor"), "occurredAt"))).field());
    }
}
