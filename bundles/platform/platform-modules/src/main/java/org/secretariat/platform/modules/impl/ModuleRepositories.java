package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where modules come from: the distribution's {@code modules/} folder, plus any folders an
 * administrator lists in the configuration {@code org.secretariat.modules} ({@code repositories},
 * {@code file:} URLs or paths). A repository is a folder in Maven layout holding each version's
 * feature descriptor ({@code *.feature.json}) beside its jars, as the build publishes them.
 */
@Component(service = ModuleRepositories.class, configurationPid = "org.secretariat.modules")
@Designate(ocd = ModuleRepositories.Configuration.class)
public class ModuleRepositories {

    private static final Logger LOG = Logger.getLogger(ModuleRepositories.class.getName());

    @ObjectClassDefinition(name = "Secretariat module repositories")
    @interface Configuration {
        @AttributeDefinition(description = "Extra module repositories: folders (paths or file: URLs) in Maven layout")
        String[] repositories() default {};

        @AttributeDefinition(description = "Maven repositories over HTTP(S) that publish modules, e.g. https://repo.example.org/maven2")
        String[] mavenRepositories() default {};

        @AttributeDefinition(description = "The modules to look for there, as feature coordinates groupId:artifactId")
        String[] mavenModules() default {};
    }

    private final Path shipped;
    private final Path mirrored;
    private final MavenRepositoryMirror mirror = new MavenRepositoryMirror();
    private volatile List<String> mavenRepositories = List.of();
    private volatile List<String> mavenModules = List.of();
    private final ObjectMapper json = new ObjectMapper();
    private volatile List<Path> extra;

    @Activate
    public ModuleRepositories(BundleContext context, Configuration configuration) {
        String home = context.getProperty("secretariat.home");
        this.shipped = home == null ? null : Path.of(home).resolve("modules");
        String data = context.getProperty("secretariat.data");
        this.mirrored = Path.of(data == null ? "data" : data).resolve("module-cache");
        configure(configuration);
    }

    @Modified
    void configure(Configuration configuration) {
        List<Path> folders = new ArrayList<>();
        for (String entry : configuration.repositories()) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String trimmed = entry.trim();
            folders.add(trimmed.startsWith("file:") ? Path.of(URI.create(trimmed)) : Path.of(trimmed));
        }
        this.extra = List.copyOf(folders);
        this.mavenRepositories = cleaned(configuration.mavenRepositories());
        this.mavenModules = cleaned(configuration.mavenModules());
    }

    private static List<String> cleaned(String[] values) {
        List<String> cleaned = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                cleaned.add(value.trim());
            }
        }
        return List.copyOf(cleaned);
    }

    /** The repository folders, the shipped one first. */
    List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        if (shipped != null) {
            folders.add(shipped);
        }
        folders.addAll(extra);
        if (!mavenRepositories.isEmpty()) {
            folders.add(mirrored);
        }
        return folders;
    }

    /** The Maven repositories over HTTP and the modules looked for there. */
    List<String> remote() {
        List<String> remote = new ArrayList<>();
        for (String repository : mavenRepositories) {
            remote.add(repository + " " + mavenModules);
        }
        return remote;
    }

    /** Every module version found, by module id, newest version last. */
    Map<String, NavigableMap<Version, ModuleFeature>> available() {
        for (String repository : mavenRepositories) {
            for (String module : mavenModules) {
                mirror.mirror(repository, module, mirrored);
            }
        }
        Map<String, NavigableMap<Version, ModuleFeature>> modules = new TreeMap<>();
        for (Path folder : folders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> descriptors;
            try (Stream<Path> files = Files.walk(folder, 12)) {
                descriptors = files.filter(f -> f.getFileName().toString().endsWith(".feature.json")).collect(Collectors.toList());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot read module repository " + folder + ": " + e.getMessage());
                continue;
            }
            for (Path descriptor : descriptors) {
                try {
                    ModuleFeature feature = ModuleFeature.read(descriptor, folder, json);
                    if (feature != null && !feature.missingJars().isEmpty()) {
                        LOG.warning(() -> "Not offering " + feature + " from " + descriptor + ": missing " + feature.missingJars());
                    } else if (feature != null) {
                        modules.computeIfAbsent(feature.id, id -> new TreeMap<>()).putIfAbsent(feature.version, feature);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Skipping " + descriptor + ": " + e.getMessage());
                }
            }
        }
        return modules;
    }
}
