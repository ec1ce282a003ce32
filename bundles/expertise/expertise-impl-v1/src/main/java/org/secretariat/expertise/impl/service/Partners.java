package org.secretariat.expertise.impl.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The contacts module, while it is installed: people an expert is made from, and the States that ask and
 * offer. Without it an expert is given by name and address, and a State by its ISO code alone.
 */
@Component(service = Partners.class)
public class Partners {

    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ContactDirectory contacts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StateDirectory states;

    public Partners() {
    }

    /** With these directories for good (or none), as a test wants. */
    public Partners(ContactDirectory contacts, StateDirectory states) {
        this.contacts = contacts;
        this.states = states;
    }

    /** The contacts module's person; refused, naming {@code personId}, when contacts is absent or has no such person. */
    public ContactSummary person(long personId) {
        ContactDirectory directory = contacts;
        if (directory == null) {
            throw DomainException.invalid("personId", "the contacts module is not installed: give the expert's name and e-mail instead");
        }
        return directory.person(personId)
                .orElseThrow(() -> DomainException.invalid("personId", "the contacts module has no person " + personId));
    }

    /** The State's code, upper case; refused, naming {@code field}, if it is not a code or (with contacts) not a known State. */
    public String stateCode(String field, String given) {
        String code = given == null ? "" : given.trim().toUpperCase(Locale.ROOT);
        if (!ISO2.matcher(code).matches()) {
            throw DomainException.invalid(field, field + " must be a State's ISO 3166-1 alpha-2 code, e.g. FR");
        }
        StateDirectory directory = states;
        if (directory != null && directory.state(code).isEmpty()) {
            throw DomainException.invalid(field, "the contacts module knows no State " + code);
        }
        return code;
    }

    /** The State's English name when the contacts module knows it, else its code. */
    public String stateName(String code) {
        StateDirectory directory = states;
        Optional<StateSummary> state = directory == null || code == null ? Optional.empty() : directory.state(code);
        return state.map(s -> s.name("en")).filter(n -> n != null).orElse(code);
    }
}
