package org.secretariat.website.impl.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;

/** A state directory holding the states it is given, as the contacts module's would answer for them. */
final class FakeStates implements StateDirectory {

    private final List<StateSummary> states = new ArrayList<>();

    FakeStates party(String iso2, Map<String, String> names, Instrument instrument, LocalDate signature, LocalDate deposit, LocalDate inForce) {
        states.add(new StateSummary(iso2, null, names, TreatyStatus.STATE_PARTY, instrument, signature, deposit, inForce));
        return this;
    }

    FakeStates signatory(String iso2, Map<String, String> names, LocalDate signature) {
        states.add(new StateSummary(iso2, null, names, TreatyStatus.SIGNATORY, null, signature, null, null));
        return this;
    }

    FakeStates notParty(String iso2, Map<String, String> names) {
        states.add(new StateSummary(iso2, null, names, TreatyStatus.NOT_PARTY, null, null, null, null));
        return this;
    }

    @Override
    public Optional<StateSummary> state(String iso2) {
        return states.stream().filter(s -> s.iso2().equalsIgnoreCase(iso2)).findFirst();
    }

    @Override
    public List<StateSummary> states(TreatyStatus status) {
        return states.stream().filter(s -> s.status() == status).sorted(Comparator.comparing(s -> s.name("en"))).toList();
    }

    @Override
    public StateCounts counts() {
        return new StateCounts(states(TreatyStatus.STATE_PARTY).size(), states(TreatyStatus.SIGNATORY).size(), states(TreatyStatus.NOT_PARTY).size());
    }
}
