package org.secretariat.platform.api.web;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.secretariat.platform.api.security.Role;

/**
 * One page of the staff web app: a menu entry (labels per language) and the ES module that draws it.
 * The script's default export is {@code async function render(container, context)}; see
 * {@code docs/web.md} for the context it receives.
 */
public final class WebPage {

    /** Section of the navigation for the pages of business modules. */
    public static final String SECTION_MODULES = "modules";
    /** Section of the navigation for administration pages. */
    public static final String SECTION_ADMINISTRATION = "administration";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.js");

    private final String id;
    private final String script;
    private final Map<String, String> labels;
    private final String section;
    private final Set<Role> roles;
    private final String permission;

    private WebPage(String id, String script, Map<String, String> labels, String section, Set<Role> roles, String permission) {
        this.id = id;
        this.script = script;
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        this.section = section;
        this.roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.permission = permission;
    }

    /**
     * A page shown to every logged-in staff member, in the modules section.
     *
     * @param id unique in the app, lower case; the page's address is {@code /app/#/<id>}
     * @param script path of the ES module under the bundle's {@code web/} folder, e.g. {@code "notes.js"}
     * @param englishLabel the menu label in English, the fallback for languages without a label
     */
    public static WebPage of(String id, String script, String englishLabel) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("page id must be lower case letters, digits and '-', starting with a letter: " + id);
        }
        if (script == null || !SCRIPT.matcher(script).matches()) {
            throw new IllegalArgumentException("page script must be a relative path to a .js file: " + script);
        }
        return new WebPage(id, script, Map.of("en", Objects.requireNonNull(englishLabel, "englishLabel")),
                SECTION_MODULES, Set.of(), null);
    }

    /** The same page with its menu label in another language (ISO 639-1 code). */
    public WebPage label(String language, String text) {
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(Objects.requireNonNull(language, "language"), Objects.requireNonNull(text, "text"));
        return new WebPage(id, script, more, section, roles, permission);
    }

    /** The same page in another navigation section ({@link #SECTION_MODULES} or {@link #SECTION_ADMINISTRATION}). */
    public WebPage section(String section) {
        if (!SECTION_MODULES.equals(section) && !SECTION_ADMINISTRATION.equals(section)) {
            throw new IllegalArgumentException("unknown section: " + section);
        }
        return new WebPage(id, script, labels, section, roles, permission);
    }

    /** The same page, listed only for users holding one of these roles. */
    public WebPage roles(Role... roles) {
        return new WebPage(id, script, labels, section, Set.of(roles), permission);
    }

    /** The same page, listed only for users holding this permission (declared by the module). */
    public WebPage permission(String permission) {
        return new WebPage(id, script, labels, section, roles, Objects.requireNonNull(permission, "permission"));
    }

    public String id() {
        return id;
    }

    public String script() {
        return script;
    }

    /** Menu labels by language; English is always present. */
    public Map<String, String> labels() {
        return labels;
    }

    public String section() {
        return section;
    }

    /** Roles that see the page; empty means every staff role. */
    public Set<Role> roles() {
        return roles;
    }

    /** Permission needed to see the page, or null. */
    public String permission() {
        return permission;
    }
}
