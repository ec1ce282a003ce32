package org.secretariat.platform.modules.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Hashtable;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.rest.ApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where modules come from: the distribution's {@code modules/} folder, plus any folders an
 * administrator lists in the configuration {@code org.secretariat.modules} ({@code repositories},
 * {@code file:} URLs or paths). A repository is a folder in Maven layout holding each version's
 * feature descriptor ({@code *.feature.json}) beside its jars, as the build publishes them.
 */
@Component(service = ModuleRepositories.class, configurationPid = ModuleRepositories.PID)
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

    static final String PID = "org.secretariat.modules";
    static final String CONFIG_FILE = PID + ".config";

    private final Path shipped;
    private final Path mirrored;
    private final Path etc;
    private final MavenRepositoryMirror mirror = new MavenRepositoryMirror();
    private final ObjectMapper json = new ObjectMapper();
    private volatile RepositorySettings settings = new RepositorySettings(List.of(), List.of(), List.of());
    private volatile List<RepositoryStatus> statuses = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurationAdmin;

    @Activate
    public ModuleRepositories(BundleContext context, Configuration configuration) {
        String home = context.getProperty("secretariat.home");
        this.shipped = home == null ? null : Path.of(home).resolve("modules");
        String data = context.getProperty("secretariat.data");
        this.mirrored = Path.of(data == null ? "data" : data).resolve("module-cache");
        String etcFolder = context.getProperty("secretariat.etc");
        this.etc = etcFolder == null ? null : Path.of(etcFolder);
        configure(configuration);
    }

    @Modified
    void configure(Configuration configuration) {
        this.settings = new RepositorySettings(List.of(configuration.repositories()), List.of(configuration.mavenRepositories()),
                List.of(configuration.mavenModules())).cleaned();
    }

    RepositorySettings settings() {
        return settings;
    }

    /** The configuration file an administrator edits, or null when the platform was started without one. */
    Path configFile() {
        return etc == null ? null : etc.resolve(CONFIG_FILE);
    }

    /** Reads every repository now; what each gave. */
    List<RepositoryStatus> refresh() {
        available();
        return statuses;
    }

    /**
     * Sets the repositories: checked, written to the configuration file in the administrator's
     * configuration folder (which File Install reads back, and a restart keeps), and applied now.
     *
     * @return what each repository gives under the new settings
     */
    List<RepositoryStatus> change(RepositorySettings requested) {
        if (requested == null) {
            throw DomainException.invalid("repositories", "send {\"repositories\":[...],\"mavenRepositories\":[...],\"mavenModules\":[...]}");
        }
        RepositorySettings checked = requested.checked();
        Path file = configFile();
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".modules", ".tmp");
                Files.writeString(temporary, checked.configFile("Module repositories, set on the Modules page on " + Instant.now()
                        + "; edit freely, the platform reads changes within seconds"));
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ApiException(503, "Cannot write " + file + " (" + e.getMessage() + "): the repositories were not changed", null);
            }
        }
        ConfigurationAdmin admin = configurationAdmin;
        if (admin != null) {
            try {
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put("repositories", checked.repositories().toArray(new String[0]));
                properties.put("mavenRepositories", checked.mavenRepositories().toArray(new String[0]));
                properties.put("mavenModules", checked.mavenModules().toArray(new String[0]));
                admin.getConfiguration(PID, "?").update(properties);
            } catch (IOException e) {
                LOG.warning(() -> "Configuration Admin did not take the new repositories at once: " + e.getMessage());
            }
        }
        this.settings = checked;
        return refresh();
    }

    /** The repository folders, the shipped one first. */
    List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        if (shipped != null) {
            folders.add(shipped);
        }
        for (String entry : settings.repositories()) {
            try {
                folders.add(RepositorySettings.folder(entry));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Module repository '" + entry + "' is not a path or file: URL");
            }
        }
        return folders;
    }

    /** The Maven repositories over HTTP and the modules looked for there. */
    List<String> remote() {
        List<String> remote = new ArrayList<>();
        for (String repository : settings.mavenRepositories()) {
            remote.add(repository + " " + settings.mavenModules());
        }
        return remote;
    }

    /** Every module version found, by module id, newest version last; each repository's status is kept for the Modules page. */
    Map<String, NavigableMap<Version, ModuleFeature>> available() {
        RepositorySettings current = settings;
        Instant now = Instant.now();
        List<RepositoryStatus> found = new ArrayList<>();
        Map<String, NavigableMap<Version, ModuleFeature>> modules = new TreeMap<>();
        for (Path folder : folders()) {
            List<String> problems = new ArrayList<>();
            int versions = read(folder, folder, modules, problems);
            found.add(new RepositoryStatus(folder.toString(), folder.equals(shipped) ? "shipped" : "folder", now, versions, problems));
        }
        if (!current.mavenRepositories().isEmpty()) {
            Map<String, List<String>> problems = new LinkedHashMap<>();
            Map<String, Integer> offered = new LinkedHashMap<>();
            for (String module : current.mavenModules()) {
                mirror.mirror(current.mavenRepositories(), module, mirrored).forEach((repository, fetch) -> {
                    problems.computeIfAbsent(repository, r -> new ArrayList<>()).addAll(fetch.problems());
                    offered.merge(repository, fetch.versions(), Integer::sum);
                });
            }
            read(mirrored, mirrored, modules, new ArrayList<>());
            for (String repository : current.mavenRepositories()) {
                found.add(new RepositoryStatus(repository, "maven", now, offered.getOrDefault(repository, 0),
                        List.copyOf(problems.getOrDefault(repository, List.of()))));
            }
        }
        this.statuses = List.copyOf(found);
        return modules;
    }

    /** Reads the descriptors of one folder into {@code modules}; answers how many versions it offers. */
    private int read(Path folder, Path root, Map<String, NavigableMap<Version, ModuleFeature>> modules, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add("not a folder (or not readable)");
            return 0;
        }
        List<Path> descriptors;
        try (Stream<Path> files = Files.walk(folder, 12)) {
            descriptors = files.filter(f -> f.getFileName().toString().endsWith(".feature.json")).collect(Collectors.toList());
        } catch (IOException e) {
            problems.add("cannot be read: " + e.getMessage());
            return 0;
        }
        int versions = 0;
        for (Path descriptor : descriptors) {
            try {
                ModuleFeature feature = ModuleFeature.read(descriptor, root, json);
                if (feature != null && !feature.missingJars().isEmpty()) {
                    problems.add("not offering " + feature + ": missing " + feature.missingJars());
                } else if (feature != null) {
                    modules.computeIfAbsent(feature.id, id -> new TreeMap<>()).putIfAbsent(feature.version, feature);
                    versions++;
                }
            } catch (IOException | RuntimeException e) {
                problems.add("skipping " + root.relativize(descriptor) + ": " + e.getMessage());
            }
        }
        problems.forEach(problem -> LOG.warning(() -> "Module repository " + folder + ": " + problem));
        return versions;
    }
}
