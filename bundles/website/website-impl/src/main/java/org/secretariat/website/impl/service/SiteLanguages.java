package org.secretariat.website.impl.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;

/** The site's languages: the profile's working languages, the first being the default. */
@Component(service = SiteLanguages.class)
public class SiteLanguages {

    private final ConventionProfile profile;

    @Activate
    public SiteLanguages(@Reference ConventionProfile profile) {
        this.profile = profile;
    }

    public List<String> all() {
        return profile.workingLanguages();
    }

    public String primary() {
        return all().get(0);
    }

    public boolean isWorking(String language) {
        return language != null && all().contains(language);
    }

    /** The language, refused naming the field when it is not a working language. */
    public String require(String field, String language) {
        if (!isWorking(language)) {
            throw DomainException.invalid(field, field + " must be one of the working languages " + all());
        }
        return language;
    }

    /** The working language an {@code Accept-Language} header asks for most, or the default. */
    public String negotiate(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String found = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage.length() > 500 ? acceptLanguage.substring(0, 500)
                        : acceptLanguage), all());
                if (found != null) {
                    return found;
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header asks for nothing in particular
            }
        }
        return primary();
    }

    /** Where to look for a text wanted in {@code language}: that language, then the default, then the others. */
    public List<String> fallbackOrder(String language) {
        List<String> order = new ArrayList<>();
        order.add(language);
        for (String other : all()) {
            if (!order.contains(other)) {
                order.add(other);
            }
        }
        if (!language.equals(primary())) {
            order.remove(primary());
            order.add(1, primary());
        }
        return order;
    }
}
