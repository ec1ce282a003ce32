package org.secretariat.website.api;

import java.net.URL;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A look for the public website, registered as a service by a theme bundle. The website serves the
 * theme's assets under {@code /theme/<name>/<asset>} and renders its pages with the theme's templates
 * where the theme has them, its own otherwise. Which theme is active is the website's configuration
 * ({@code theme} in {@code org.secretariat.website}); switching takes effect with the next request, and
 * a theme that goes away falls back to another one.
 */
@ConsumerType
public interface WebsiteTheme {

    /** The theme's name: lower-case letters, digits and {@code -}, e.g. {@code civic}. */
    String name();

    /** What staff see when they pick a theme, by ISO 639-1 language; English ({@code en}) is always there. */
    Map<String, String> labels();

    /**
     * An asset of the theme: {@code theme.css} (the stylesheet every page links), images, fonts. Names
     * are plain file names ({@code [a-z0-9._-]+}); {@code null} when the theme has no such asset.
     */
    URL asset(String name);

    /**
     * A FreeMarker template ({@code *.ftlh}) replacing the website's own of the same name, e.g.
     * {@code layout.ftlh}; {@code null} to keep the website's. Templates see the same model the
     * website's own do (see the website module's documentation).
     */
    default URL template(String name) {
        return null;
    }
}
