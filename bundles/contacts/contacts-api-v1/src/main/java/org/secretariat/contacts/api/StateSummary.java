package org.secretariat.contacts.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** A state as the directory knows it now: names in the working languages and its treaty status. */
public final class StateSummary {

    private final String iso2;
    private final String iso3;
    private final Map<String, String> names;
    private final TreatyStatus status;
    private final Instrument instrument;
    private final LocalDate signatureDate;
    private final LocalDate depositDate;
    private final LocalDate entryIntoForce;

    public StateSummary(String iso2, String iso3, Map<String, String> names, TreatyStatus status, Instrument instrument,
            LocalDate signatureDate, LocalDate depositDate, LocalDate entryIntoForce) {
        this.iso2 = Objects.requireNonNull(iso2, "iso2");
        this.iso3 = iso3;
        this.names = Map.copyOf(names);
        this.status = Objects.requireNonNull(status, "status");
        this.instrument = instrument;
        this.signatureDate = signatureDate;
        this.depositDate = depositDate;
        this.entryIntoForce = entryIntoForce;
    }

    /** ISO 3166-1 alpha-2 code, upper case: the state's identifier everywhere in the platform. */
    public String iso2() {
        return iso2;
    }

    public String iso3() {
        return iso3;
    }

    /** Names by ISO 639-1 language code; English is always present. */
    public Map<String, String> names() {
        return names;
    }

    /** The name in a language, falling back to English. */
    public String name(String language) {
        return names.getOrDefault(language, names.get("en"));
    }

    public TreatyStatus status() {
        return status;
    }

    /** The instrument deposited, for a State Party; otherwise null. */
    public Instrument instrument() {
        return instrument;
    }

    public LocalDate signatureDate() {
        return signatureDate;
    }

    public LocalDate depositDate() {
        return depositDate;
    }

    /** When the convention entered into force for the state, by the profile's rule; null if not a State Party. */
    public LocalDate entryIntoForce() {
        return entryIntoForce;
    }

    @Override
    public String toString() {
        return iso2 + " " + status;
    }
}
