package org.secretariat.website.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.website.impl.service.Themes;

/** {@code /theme/<name>/<asset>}: a theme's stylesheet, logo, fonts. */
@Component(service = Section.class)
public class ThemeAssets implements Section {

    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "svg", "image/svg+xml", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "woff2", "font/woff2", "ico", "image/x-icon", "webp", "image/webp");

    private final Themes themes;

    @Activate
    public ThemeAssets(@Reference Themes themes) {
        this.themes = themes;
    }

    @Override
    public String segment() {
        return "theme";
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) throws IOException {
        if (request.languageInPath() || request.segments().size() != 2) {
            return Optional.empty();
        }
        String name = request.segments().get(1);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        URL asset = type == null ? null : themes.asset(request.segments().get(0), name);
        if (asset == null) {
            return Optional.empty();
        }
        try (InputStream in = asset.openStream()) {
            return Optional.of(new Answer.Bytes(type, in.readAllBytes()));
        }
    }
}
