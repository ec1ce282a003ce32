package org.secretariat.website.theme.sober;

import java.net.URL;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.secretariat.website.api.WebsiteTheme;

/** The dark, high-contrast theme: a stylesheet and a page frame of its own ({@code layout.ftlh}). */
@Component
public class SoberTheme implements WebsiteTheme {

    @Override
    public String name() {
        return "sober";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", "Sober (dark, high contrast)", "fr", "Sobre (sombre, contrasté)", "es", "Sobrio (oscuro, alto contraste)");
    }

    @Override
    public URL asset(String name) {
        return SoberTheme.class.getResource("/theme/" + name);
    }

    @Override
    public URL template(String name) {
        return SoberTheme.class.getResource("/templates/" + name);
    }
}
