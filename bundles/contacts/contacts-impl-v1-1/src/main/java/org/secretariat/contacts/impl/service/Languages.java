package org.secretariat.contacts.impl.service;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;

/** The profile's working languages, which people prefer and mailings are written in; the first is the default. */
@Component(service = Languages.class)
public class Languages {

    private final ConventionProfile profile;

    @Activate
    public Languages(@Reference ConventionProfile profile) {
        this.profile = profile;
    }

    /** The working languages, the default first. */
    public List<String> working() {
        return profile.workingLanguages();
    }

    /** The language written in when a person prefers none (or one the profile no longer has). */
    public String defaultLanguage() {
        return profile.workingLanguages().get(0);
    }

    /** A working language (any case), null for none; refused, naming {@code field}, otherwise. */
    public String check(String field, String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String code = language.trim().toLowerCase(Locale.ROOT);
        if (!working().contains(code)) {
            throw DomainException.invalid(field, field + " must be one of the working languages " + working());
        }
        return code;
    }
}
