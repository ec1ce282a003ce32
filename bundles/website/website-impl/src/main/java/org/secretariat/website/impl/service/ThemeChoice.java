package org.secretariat.website.impl.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.website.api.WebsiteTheme;

/** Which theme the site wears: kept in Config Admin ({@code theme} of {@code org.secretariat.website}). */
@Component(service = ThemeChoice.class)
public class ThemeChoice {

    public record Theme(String name, Map<String, String> labels) {
    }

    /** {@code active}: the one rendering now; {@code chosen}: the one configured (it may not be installed). */
    public record View(String active, String chosen, List<Theme> installed) {
    }

    public record Input(String theme) {
    }

    private final Themes themes;
    private final ConfigurationAdmin configurations;
    private final SiteChanges changes;

    @Activate
    public ThemeChoice(@Reference Themes themes, @Reference ConfigurationAdmin configurations, @Reference SiteChanges changes) {
        this.themes = themes;
        this.configurations = configurations;
        this.changes = changes;
    }

    public View view() {
        return new View(themes.active().name(), themes.wanted(),
                themes.installed().stream().map(t -> new Theme(t.name(), t.labels())).collect(Collectors.toList()));
    }

    public View choose(Input input) {
        String name = Fields.required("theme", input == null ? null : input.theme(), 40);
        WebsiteTheme theme = themes.named(name);
        if (theme == null) {
            throw DomainException.invalid("theme", "theme '" + name + "' is not installed; installed: "
                    + themes.installed().stream().map(WebsiteTheme::name).collect(Collectors.joining(", ")));
        }
        try {
            Configuration configuration = configurations.getConfiguration(Themes.PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
            properties.put("theme", name);
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("The theme could not be saved in the configuration", e);
        }
        themes.select(name);
        changes.changed("theme " + name);
        return new View(name, name, view().installed());
    }
}
