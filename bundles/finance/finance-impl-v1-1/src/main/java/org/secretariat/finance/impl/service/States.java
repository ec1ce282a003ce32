package org.secretariat.finance.impl.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The states finance names, through the contacts module's directory while it is installed: then a
 * code must be a known state, and an assessment without rates is laid on the States Parties. Without
 * contacts, states are named by their code as given (upper case).
 */
@Component(service = States.class)
public class States {

    /** The contacts module's directory, while it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StateDirectory directory;

    public States() {
    }

    /** With the contacts module's directory for good (or none), as a test wants. */
    States(StateDirectory directory) {
        this.directory = directory;
    }

    /** The state's code, upper case; refused, naming {@code field}, if it is not a code or (with contacts) not a known state. */
    public String code(String field, String given) {
        if (given == null || given.isBlank()) {
            throw DomainException.invalid(field, "a state is required: give its ISO 3166-1 alpha-2 code");
        }
        String code = given.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9-]{1,10}")) {
            throw DomainException.invalid(field, "'" + given + "' is not a state code (ISO 3166-1 alpha-2)");
        }
        StateDirectory states = directory;
        if (states != null && states.state(code).isEmpty()) {
            throw DomainException.invalid(field, "no state " + code + " in the directory of states");
        }
        return code;
    }

    /** The state's English name, while contacts knows it; otherwise null. */
    public String name(String code) {
        StateDirectory states = directory;
        return states == null ? null : states.state(code).map(state -> state.name("en")).orElse(null);
    }

    /** The States Parties' codes, while contacts is installed. */
    public Optional<List<String>> parties() {
        StateDirectory states = directory;
        return states == null ? Optional.empty()
                : Optional.of(states.states(TreatyStatus.STATE_PARTY).stream().map(StateSummary::iso2).collect(Collectors.toList()));
    }
}
