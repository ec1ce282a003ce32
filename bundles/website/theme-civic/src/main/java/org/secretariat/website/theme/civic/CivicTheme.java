package org.secretariat.website.theme.civic;

import java.net.URL;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.secretariat.website.api.WebsiteTheme;

/** The light theme: only a stylesheet; the website's own templates. */
@Component
public class CivicTheme implements WebsiteTheme {

    @Override
    public String name() {
        return "civic";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", "Civic (light)", "fr", "Civique (clair)", "es", "Cívico (claro)");
    }

    @Override
    public URL asset(String name) {
        return CivicTheme.class.getResource("/theme/" + name);
    }
}
