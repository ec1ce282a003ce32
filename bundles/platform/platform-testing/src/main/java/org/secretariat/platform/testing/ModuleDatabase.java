package org.secretariat.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.Entity;
import javax.persistence.EntityManagerFactory;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.secretariat.platform.api.persistence.ModulePersistence;
import org.secretariat.platform.persistence.impl.Migration;
import org.secretariat.platform.persistence.impl.MigrationFailedException;
import org.secretariat.platform.persistence.impl.ModuleUnits;
import org.secretariat.platform.persistence.impl.SchemaMigrator;

/**
 * A module's persistence unit for its unit tests, without the framework: a fresh in-memory Derby
 * database, the module's own migrations run by the platform's migrator, and the factory opened with
 * the platform's EclipseLink settings over the module's {@code @Entity} classes — the same database
 * shape the running platform gives the module, in milliseconds.
 *
 * <pre>
 * try (ModuleDatabase database = ModuleDatabase.of("meetings", Meeting.class)) {
 *     Meetings meetings = new MeetingsService(database.factory(), ...);
 * }
 * </pre>
 */
public final class ModuleDatabase implements AutoCloseable {

    private final EmbeddedDataSource dataSource;
    private final EntityManagerFactory factory;

    private ModuleDatabase(EmbeddedDataSource dataSource, EntityManagerFactory factory) {
        this.dataSource = dataSource;
        this.factory = factory;
    }

    /**
     * Opens the unit {@code unitName} of the module whose classes folder holds {@code anyModuleClass}:
     * its migrations are that folder's {@value ModulePersistence#MIGRATIONS_FOLDER}, its entities every
     * class there annotated {@code @Entity} (what {@code Secretariat-Entities} lists in the bundle).
     */
    public static ModuleDatabase of(String unitName, Class<?> anyModuleClass) {
        Path classes = classesFolder(anyModuleClass);
        if (System.getProperty("derby.stream.error.file") == null) {
            // Beside the classes (Maven's target/), not in the folder the tests run from.
            System.setProperty("derby.stream.error.file", classes.resolveSibling("derby.log").toString());
        }
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + unitName + "-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        try {
            SchemaMigrator migrator = new SchemaMigrator(dataSource);
            migrator.ensurePlatformTables();
            migrator.migrate(unitName, migrations(classes.resolve(ModulePersistence.MIGRATIONS_FOLDER)));
        } catch (SQLException | MigrationFailedException e) {
            throw new IllegalStateException("migrations of " + unitName + " failed: " + e.getMessage(), e);
        }
        List<String> entities = entities(classes, anyModuleClass.getClassLoader());
        EntityManagerFactory factory = ModuleUnits.open(unitName, entities, dataSource, anyModuleClass.getClassLoader(),
                toUrl(classes), "test-" + unitName + "-" + UUID.randomUUID());
        return new ModuleDatabase(dataSource, factory);
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    /** Closes the factory and drops the in-memory database. */
    @Override
    public void close() {
        factory.close();
        dataSource.setCreateDatabase(null);
        dataSource.setConnectionAttributes("drop=true");
        try {
            dataSource.getConnection().close();
        } catch (SQLException dropped) {
            // Derby answers a successful drop with an exception (state 08006).
        }
    }

    private static Path classesFolder(Class<?> anyModuleClass) {
        try {
            Path location = Path.of(anyModuleClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalArgumentException(anyModuleClass + " is not loaded from a classes folder but from " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the classes of " + anyModuleClass, e);
        }
    }

    private static List<Migration> migrations(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Migration> migrations = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).collect(Collectors.toList())) {
                migrations.add(Migration.fromFile(file.getFileName().toString(), Files.readAllBytes(file)));
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> entities(Path classes, ClassLoader loader) {
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> names = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .collect(Collectors.toList())) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                if (Class.forName(name, false, loader).isAnnotationPresent(Entity.class)) {
                    names.add(name);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + e.getMessage(), e);
        }
    }

    private static URL toUrl(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
