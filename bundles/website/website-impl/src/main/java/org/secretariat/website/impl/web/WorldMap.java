package org.secretariat.website.impl.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.secretariat.contacts.api.TreatyStatus;

/**
 * The world map of the status page: each state's SVG path by ISO 3166-1 alpha-2 code, from
 * {@code /map/world-map.txt} (made once from Natural Earth's data by {@code src/build/world-map}), and
 * the class that colours it by its status. The themes give the classes their colours, so the page
 * needs no style attribute (the site's CSP forbids them) and no request beyond the page itself.
 */
@Component(service = WorldMap.class)
public class WorldMap {

    static final String RESOURCE = "/map/world-map.txt";
    /** A shape whose state the directory does not know (e.g. Kosovo, drawn as XK). */
    public static final String UNKNOWN = "unknown";

    /** A state on the map: its code, its name in the page's language, its class and its path. */
    public record Shape(String iso2, String name, String css, String path) {
    }

    private final String viewBox;
    private final Map<String, String> paths;

    public WorldMap() {
        try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            WorldMap read = read(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.viewBox = read.viewBox;
            this.paths = read.paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WorldMap(String viewBox, Map<String, String> paths) {
        this.viewBox = viewBox;
        this.paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
    }

    /** A map in the resource's format: {@code #} comments, {@code viewBox x y w h}, then {@code XX<TAB>path} lines. */
    static WorldMap read(Reader source) throws IOException {
        String viewBox = null;
        Map<String, String> paths = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(source);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("viewBox ")) {
                viewBox = line.substring("viewBox ".length()).strip();
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab != 2) {
                throw new IOException("world map line is not 'XX<TAB>path': " + line.substring(0, Math.min(line.length(), 40)));
            }
            paths.put(line.substring(0, 2), line.substring(3));
        }
        if (viewBox == null) {
            throw new IOException("world map has no viewBox line");
        }
        return new WorldMap(viewBox, paths);
    }

    public String viewBox() {
        return viewBox;
    }

    /** The codes of the states it draws. */
    public Set<String> codes() {
        return paths.keySet();
    }

    /**
     * Every state on the map, classed by its status in {@code statuses} ({@link #UNKNOWN} for a state
     * not there), named by {@code names} or, for a state it does not name, in the JDK's words. Codes in
     * {@code statuses} that the map does not draw are left out: the tables list them anyway.
     */
    public List<Shape> shapes(Map<String, TreatyStatus> statuses, Function<String, String> names, String language) {
        Locale locale = Locale.forLanguageTag(language);
        List<Shape> shapes = new ArrayList<>(paths.size());
        paths.forEach((iso2, path) -> {
            TreatyStatus status = statuses.get(iso2);
            String name = names.apply(iso2);
            if (name == null) {
                name = new Locale("", iso2).getDisplayCountry(locale);
            }
            shapes.add(new Shape(iso2, name, status == null ? UNKNOWN : css(status), path));
        });
        return shapes;
    }

    /** The class of a status, as the themes' stylesheets name it. */
    public static String css(TreatyStatus status) {
        switch (status) {
            case STATE_PARTY:
                return "state-party";
            case SIGNATORY:
                return "signatory";
            case NOT_PARTY:
                return "not-party";
            default:
                return UNKNOWN;
        }
    }
}
