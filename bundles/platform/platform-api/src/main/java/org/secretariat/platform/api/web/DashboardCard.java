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
 * A card on the staff app's home page: a titled box that an ES module of the contributing bundle
 * draws, like a page ({@code export default async function render(container, context)}), with the
 * same context. Cards show a glance (counts, the next dates, a chart) and link to the module's pages.
 *
 * @since 1.1
 */
public final class DashboardCard {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.js");

    private final String id;
    private final String script;
    private final Map<String, String> titles;
    private final Set<Role> roles;
    private final String permission;

    private DashboardCard(String id, String script, Map<String, String> titles, Set<Role> roles, String permission) {
        this.id = id;
        this.script = script;
        this.titles = Collections.unmodifiableMap(new LinkedHashMap<>(titles));
        this.roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.permission = permission;
    }

    /**
     * A card shown to every logged-in staff member.
     *
     * @param id unique on the dashboard, lower case
     * @param script path of the ES module under the bundle's {@code web/} folder, e.g. {@code "dashboard/status.js"}
     * @param englishTitle the card's heading in English, the fallback for languages without one
     */
    public static DashboardCard of(String id, String script, String englishTitle) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("card id must be lower case letters, digits and '-', starting with a letter: " + id);
        }
        if (script == null || !SCRIPT.matcher(script).matches()) {
            throw new IllegalArgumentException("card script must be a relative path to a .js file: " + script);
        }
        return new DashboardCard(id, script, Map.of("en", Objects.requireNonNull(englishTitle, "englishTitle")), Set.of(), null);
    }

    /** The same card with its heading in another language (ISO 639-1 code). */
    public DashboardCard title(String language, String text) {
        Map<String, String> more = new LinkedHashMap<>(titles);
        more.put(Objects.requireNonNull(language, "language"), Objects.requireNonNull(text, "text"));
        return new DashboardCard(id, script, more, roles, permission);
    }

    /** The same card, shown only to users holding one of these roles. */
    public DashboardCard roles(Role... roles) {
        return new DashboardCard(id, script, titles, Set.of(roles), permission);
    }

    /** The same card, shown only to users holding this permission (declared by the module). */
    public DashboardCard permission(String permission) {
        return new DashboardCard(id, script, titles, roles, Objects.requireNonNull(permission, "permission"));
    }

    public String id() {
        return id;
    }

    public String script() {
        return script;
    }

    /** Headings by language; English is always present. */
    public Map<String, String> titles() {
        return titles;
    }

    /** Roles that see the card; empty means every staff role. */
    public Set<Role> roles() {
        return roles;
    }

    /** Permission needed to see the card, or null. */
    public String permission() {
        return permission;
    }
}
