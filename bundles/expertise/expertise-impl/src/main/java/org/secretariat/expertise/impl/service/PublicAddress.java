package org.secretariat.expertise.impl.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The platform's address that links in the module's e-mails start with (an expert's own profile link,
 * the consultant's "log in at"). Configuration {@code org.secretariat.expertise} ({@code
 * etc/org.secretariat.expertise.config}): {@code publicUrl}, e.g. {@code https://secretariat.example.org}.
 * Without it the address the staff member reached the platform at is used, which behind a proxy or on an
 * internal name may not be one the expert can open.
 */
@Component(service = PublicAddress.class, configurationPid = "org.secretariat.expertise")
public class PublicAddress {

    /** Configuration {@code org.secretariat.expertise}. */
    public @interface Settings {
        /** The platform's public address: links in e-mails start with it. */
        String publicUrl() default "";
    }

    private volatile String publicUrl;

    @Activate
    public PublicAddress(Settings settings) {
        this(settings.publicUrl());
    }

    public PublicAddress(String publicUrl) {
        this.publicUrl = trimmed(publicUrl);
    }

    @Modified
    void settingsChanged(Settings settings) {
        publicUrl = trimmed(settings.publicUrl());
    }

    /** The configured public address, else {@code requested} (the address the request came to), without a trailing slash. */
    public String or(String requested) {
        String configured = publicUrl;
        return configured != null ? configured : trimmed(requested);
    }

    private static String trimmed(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String value = url.strip();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
