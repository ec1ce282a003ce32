package org.secretariat.contacts.impl.service;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;

/** The convention's thematic areas, which focal points and coordinators' mandates are named for. */
@Component(service = Themes.class)
public class Themes {

    private final ConventionProfile profile;

    @Activate
    public Themes(@Reference ConventionProfile profile) {
        this.profile = profile;
    }

    /** The thematic area as the profile spells it, or null for none; refused, naming {@code theme}, if it is not one. */
    public String check(String theme) {
        if (theme == null || theme.isBlank()) {
            return null;
        }
        List<String> areas = profile.thematicAreas();
        for (String area : areas) {
            if (area.equalsIgnoreCase(theme.trim())) {
                return area;
            }
        }
        throw DomainException.invalid("theme", "theme must be one of the convention's thematic areas: " + areas);
    }
}
