package org.secretariat.website.impl.service;

import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.website.api.WebsiteTheme;

/**
 * The installed themes and the active one: the theme named by {@code theme} in {@code org.secretariat.website}
 * when it is installed, else the first installed theme by name, else the website's own plain look. A
 * request reads the active theme once, at its start, so a switch never mixes two themes in one answer.
 */
@Component(service = Themes.class, configurationPid = Themes.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Themes {

    public static final String PID = "org.secretariat.website";
    public static final String DEFAULT_THEME = "civic";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /** The look the website has with no theme installed, from its own bundle. */
    public static final WebsiteTheme BUILT_IN = new WebsiteTheme() {
        @Override
        public String name() {
            return "basic";
        }

        @Override
        public Map<String, String> labels() {
            return Map.of("en", "Basic (built in)", "fr", "Basique (intégré)", "es", "Básico (integrado)");
        }

        @Override
        public URL asset(String name) {
            return Themes.class.getResource("/theme/" + name);
        }
    };

    private final List<WebsiteTheme> installed = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile String wanted = DEFAULT_THEME;
    private volatile WebsiteTheme active = BUILT_IN;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Object theme = properties.get("theme");
        wanted = theme == null || theme.toString().isBlank() ? DEFAULT_THEME : theme.toString().strip();
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTheme(WebsiteTheme theme) {
        if (theme.name() != null && NAME.matcher(theme.name()).matches()) {
            installed.add(theme);
            changed();
        }
    }

    void removeTheme(WebsiteTheme theme) {
        if (installed.remove(theme)) {
            changed();
        }
    }

    /** Switches now; the configuration written beside it keeps the choice across restarts. */
    public void select(String name) {
        wanted = name;
        changed();
    }

    /** The theme to render with now (worked out when themes or the choice change, read by every request). */
    public WebsiteTheme active() {
        return active;
    }

    private WebsiteTheme choose() {
        List<WebsiteTheme> themes = installed();
        for (WebsiteTheme theme : themes) {
            if (theme.name().equals(wanted)) {
                return theme;
            }
        }
        return themes.isEmpty() ? BUILT_IN : themes.get(0);
    }

    /** The name configured, which may not be installed. */
    public String wanted() {
        return wanted;
    }

    /** The installed themes by name (the built-in one not among them). */
    public List<WebsiteTheme> installed() {
        List<WebsiteTheme> themes = new ArrayList<>(installed);
        themes.sort(Comparator.comparing(WebsiteTheme::name));
        return themes;
    }

    /** The theme of this name, installed or built in, or null. */
    public WebsiteTheme named(String name) {
        if (BUILT_IN.name().equals(name)) {
            return BUILT_IN;
        }
        return installed.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** An asset of the named theme, or null; asset names are checked so nothing outside the theme is read. */
    public URL asset(String themeName, String assetName) {
        WebsiteTheme theme = named(themeName);
        if (theme == null || assetName == null || !ASSET.matcher(assetName).matches() || assetName.contains("..")) {
            return null;
        }
        return theme.asset(assetName);
    }

    /** Moves on whenever the themes installed or the choice change: what was rendered before is stale. */
    public long generation() {
        return generation.get();
    }

    private synchronized void changed() {
        active = choose();
        generation.incrementAndGet();
    }
}
