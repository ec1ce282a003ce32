package org.secretariat.contacts.impl.service;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;

/** The states and their treaty status for other modules (meetings orders delegations by it). */
@Component(service = StateDirectory.class)
public class StateBook implements StateDirectory {

    private final States states;

    @Activate
    public StateBook(@Reference States states) {
        this.states = states;
    }

    @Override
    public Optional<StateSummary> state(String iso2) {
        return states.summary(iso2);
    }

    @Override
    public List<StateSummary> states(TreatyStatus status) {
        return states.summaries(status);
    }

    @Override
    public StateCounts counts() {
        return states.counts();
    }
}
