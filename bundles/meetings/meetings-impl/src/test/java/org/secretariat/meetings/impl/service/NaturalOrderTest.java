package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void agendaNumbersSortAsPeopleReadThem() {
        List<String> numbers = new ArrayList<>(List.of("10", "2(b)", "1", "2", "2(a)", "9", "11"));
        numbers.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("1", "2", "2(a)", "2(b)", "9", "10", "11"), numbers);
    }
}
