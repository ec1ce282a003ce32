package org.secretariat.website.impl.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.secretariat.platform.api.ConventionProfile;

/**
 * The convention's own entry into force, {@code conventionEntryIntoForce} (YYYY-MM-DD) in the convention
 * profile (CCM: 2010-08-01). It is a fact of the treaty's history, not something the platform can work
 * out: the contacts module dates each state's entry into force from the state's own deposit, which for
 * a state that deposited before the threshold of instruments was reached is earlier than the treaty's.
 * So the status page shows the configured date, and a state's date never before it; without the
 * setting it shows no date for the convention rather than a wrong one.
 */
@Component(service = ConventionDates.class, configurationPid = ConventionProfile.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ConventionDates {

    static final String KEY = "conventionEntryIntoForce";
    private static final Logger LOG = Logger.getLogger(ConventionDates.class.getName());

    private volatile LocalDate entryIntoForce;

    public ConventionDates() {
    }

    /** With a date, as a test wants. */
    public ConventionDates(LocalDate entryIntoForce) {
        this.entryIntoForce = entryIntoForce;
    }

    @Activate
    @Modified
    void read(Map<String, Object> profile) {
        Object value = profile.get(KEY);
        if (value == null || value.toString().isBlank()) {
            entryIntoForce = null;
            return;
        }
        try {
            entryIntoForce = LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            LOG.warning(KEY + " in the convention profile is not a date (YYYY-MM-DD): " + value + "; the website shows none");
            entryIntoForce = null;
        }
    }

    public Optional<LocalDate> entryIntoForce() {
        return Optional.ofNullable(entryIntoForce);
    }

    /** A State Party's date as the treaty has it: the contacts module's, but never before the convention's own. */
    public LocalDate forState(LocalDate computed) {
        LocalDate convention = entryIntoForce;
        return computed != null && convention != null && computed.isBefore(convention) ? convention : computed;
    }
}
