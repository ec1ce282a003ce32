package org.secretariat.platform.modules.impl;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.secretariat.platform.api.domain.DomainException;

/**
 * The module repositories an administrator lists (configuration {@code org.secretariat.modules}):
 * folders in Maven layout, Maven repositories over HTTPS, and the modules to look for there.
 */
public record RepositorySettings(List<String> repositories, List<String> mavenRepositories, List<String> mavenModules) {

    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+");

    /** The same lists trimmed, blanks dropped. */
    RepositorySettings cleaned() {
        return new RepositorySettings(entries(repositories), entries(mavenRepositories), entries(mavenModules));
    }

    /** The same lists trimmed, blanks dropped, each entry checked; refused naming the entry ({@code repositories[1]}). */
    RepositorySettings checked() {
        List<String> folders = entries(repositories);
        for (int i = 0; i < folders.size(); i++) {
            Path folder;
            try {
                folder = folder(folders.get(i));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("repositories[" + i + "]", "'" + folders.get(i) + "' is not a folder path or file: URL");
            }
            if (!folder.isAbsolute() || !Files.isDirectory(folder)) {
                throw DomainException.invalid("repositories[" + i + "]", "'" + folders.get(i)
                        + "' is not an existing folder given by its absolute path (or a file: URL)");
            }
        }
        List<String> maven = entries(mavenRepositories);
        for (int i = 0; i < maven.size(); i++) {
            boolean trusted;
            try {
                trusted = MavenRepositoryMirror.trusted(maven.get(i));
            } catch (IllegalArgumentException e) {
                trusted = false;
            }
            if (!trusted) {
                throw DomainException.invalid("mavenRepositories[" + i + "]", "'" + maven.get(i)
                        + "' must be an https:// address (plain http only on this machine's loopback)");
            }
        }
        List<String> modules = entries(mavenModules);
        for (int i = 0; i < modules.size(); i++) {
            if (!COORDINATES.matcher(modules.get(i)).matches()) {
                throw DomainException.invalid("mavenModules[" + i + "]", "'" + modules.get(i) + "' is not groupId:artifactId of a module's feature");
            }
        }
        if (!maven.isEmpty() && modules.isEmpty()) {
            throw DomainException.invalid("mavenModules", "name the modules to look for in the Maven repositories (groupId:artifactId)");
        }
        return new RepositorySettings(folders, maven, modules);
    }

    /** A folder entry as a path: a plain path or a {@code file:} URL. */
    static Path folder(String entry) {
        return entry.startsWith("file:") ? Path.of(URI.create(entry)) : Path.of(entry);
    }

    private static List<String> entries(List<String> values) {
        List<String> cleaned = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    cleaned.add(value.trim());
                }
            }
        }
        return List.copyOf(cleaned);
    }

    /** The configuration file's text (Felix's .config format). */
    String configFile(String header) {
        return "# " + header + "\n"
                + "repositories=" + array(repositories) + "\n"
                + "mavenRepositories=" + array(mavenRepositories) + "\n"
                + "mavenModules=" + array(mavenModules) + "\n";
    }

    private static String array(List<String> values) {
        StringBuilder text = new StringBuilder("[");
        for (String value : values) {
            text.append(text.length() == 1 ? "" : ", ").append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text.append(']').toString();
    }
}
