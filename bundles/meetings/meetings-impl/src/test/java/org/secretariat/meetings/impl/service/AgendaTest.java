package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class AgendaTest {

    private final TestModule module;
    private final long meetingId;

    AgendaTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private Agenda.Item add(String number, Long parentId) {
        return module.agenda.add(meetingId, new Agenda.Item(null, number, "Item " + number, parentId, null));
    }

    @Test
    void theTreeListsEachLevelInTheOrderPeopleReadNumbers() {
        add("10", null);
        Agenda.Item two = add("2", null);
        add("2(b)", two.id());
        add("2(a)", two.id());
        add("1", null);
        List<Agenda.Node> tree = module.agenda.tree(meetingId);
        assertEquals(List.of("1", "2", "10"), tree.stream().map(Agenda.Node::number).collect(Collectors.toList()));
        assertEquals(List.of("2(a)", "2(b)"), tree.get(1).items().stream().map(Agenda.Node::number).collect(Collectors.toList()));
    }

    @Test
    void numbersAreUniqueAndWrittenWithDigitsLettersAndBrackets() {
        add("3", null);
        assertRefused(Kind.INVALID, "number", "the agenda already has an item 3", () -> add("3", null));
        assertRefused(Kind.INVALID, "number", "number is made of digits, letters, '.', '(' and ')', e.g. 2 or 2(a)", () -> add("3 <b>", null));
        long otherMeeting = module.pastMeeting();
        module.agenda.add(otherMeeting, new Agenda.Item(null, "3", "Same number, another meeting", null, null));
    }

    @Test
    void itemsNestOneLevelOnly() {
        Agenda.Item four = add("4", null);
        Agenda.Item fourA = add("4(a)", four.id());
        assertRefused(Kind.INVALID, "parentId", "items nest one level: the parent must be a top-level item", () -> add("4(a)(i)", fourA.id()));
        Agenda.Item five = add("5", null);
        assertRefused(Kind.INVALID, "parentId", "item 4 has sub-items of its own, so it stays at the top level",
                () -> module.agenda.update(meetingId, four.id(), new Agenda.Item(four.id(), "4", "Item 4", five.id(), four.version())));
        long otherMeeting = module.pastMeeting();
        assertRefused(Kind.NOT_FOUND, null, "No agenda item " + five.id() + " in meeting " + otherMeeting,
                () -> module.agenda.add(otherMeeting, new Agenda.Item(null, "1", "Under another meeting's item", five.id(), null)));
    }

    @Test
    void anItemWithSubItemsOrDecisionsStays() {
        Agenda.Item six = add("6", null);
        Agenda.Item sixA = add("6(a)", six.id());
        assertRefused(Kind.CONFLICT, null, "Agenda item 6 has sub-items or decisions; remove or move them first",
                () -> module.agenda.delete(meetingId, six.id()));
        module.decisions.add(meetingId, new Decisions.Input(null, "On 6(a)", "The meeting decided...", sixA.id(), null, null, null, null));
        assertRefused(Kind.CONFLICT, null, "Agenda item 6(a) has sub-items or decisions; remove or move them first",
                () -> module.agenda.delete(meetingId, sixA.id()));
        Agenda.Item seven = add("7", null);
        module.agenda.delete(meetingId, seven.id());
        assertRefused(Kind.NOT_FOUND, null, "No agenda item " + seven.id() + " in meeting " + meetingId,
                () -> module.agenda.delete(meetingId, seven.id()));
    }

    @Test
    void aStaleVersionIsAConflict() {
        Agenda.Item eight = add("8", null);
        Agenda.Item renamed = module.agenda.update(meetingId, eight.id(), new Agenda.Item(null, "8", "Renamed", null, eight.version()));
        assertEquals("Renamed", renamed.title());
        assertRefused(Kind.CONFLICT, null, "Agenda item " + eight.id() + " was changed by someone else (now version " + renamed.version()
                + "); reload and try again", () -> module.agenda.update(meetingId, eight.id(), eight));
    }
}
