package org.secretariat.platform.persistence.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.secretariat.platform.api.persistence.ModulePersistence;
import org.secretariat.platform.api.persistence.SchemaVersions;

/**
 * The extender that gives each module its persistence unit (see {@link ModulePersistence}): when a
 * bundle with a {@value ModulePersistence#UNIT_HEADER} header starts, its migrations run forward,
 * then an EntityManagerFactory is registered in the bundle's name; when it stops, the factory goes.
 */
@Component(service = SchemaVersions.class)
public class PersistenceUnitExtender implements SchemaVersions, BundleTrackerCustomizer<PersistenceUnitExtender.Unit> {

    private static final Logger LOG = Logger.getLogger(PersistenceUnitExtender.class.getName());

    /** A started unit, or the reason it could not start. */
    static final class Unit {
        final String name;
        final EntityManagerFactory factory;
        final ServiceRegistration<EntityManagerFactory> registration;
        final String failure;

        Unit(String name, EntityManagerFactory factory, ServiceRegistration<EntityManagerFactory> registration, String failure) {
            this.name = name;
            this.factory = factory;
            this.registration = registration;
            this.failure = failure;
        }
    }

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final BundleTracker<Unit> tracker;

    @Activate
    public PersistenceUnitExtender(BundleContext context,
            @Reference(target = "(secretariat.datasource=platform)") DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.migrator = new SchemaMigrator(dataSource);
        migrator.ensurePlatformTables();
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void stop() {
        tracker.close();
    }

    @Override
    public List<SchemaVersion> all() {
        try {
            return migrator.versions();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read schema versions: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> changedMigrations(String module, java.util.Map<String, byte[]> migrationFiles) {
        List<Migration> migrations = new ArrayList<>();
        for (java.util.Map.Entry<String, byte[]> file : migrationFiles.entrySet()) {
            try {
                migrations.add(Migration.fromFile(file.getKey(), file.getValue()));
            } catch (IllegalArgumentException misnamed) {
                // Its name is judged by whoever asks; only content matters here.
            }
        }
        try {
            return migrator.changed(module, migrations);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the applied migrations of " + module + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Unit addingBundle(Bundle bundle, BundleEvent event) {
        String unitName = bundle.getHeaders("").get(ModulePersistence.UNIT_HEADER);
        if (unitName == null || unitName.isBlank()) {
            return null;
        }
        unitName = unitName.trim();
        try {
            int version = migrator.migrate(unitName, migrations(bundle));
            EntityManagerFactory factory = createFactory(bundle, unitName);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(ModulePersistence.UNIT_NAME_PROPERTY, unitName);
            properties.put("secretariat.schema.version", version);
            ServiceRegistration<EntityManagerFactory> registration =
                    bundle.getBundleContext().registerService(EntityManagerFactory.class, factory, properties);
            String name = unitName;
            LOG.info(() -> "Persistence unit " + name + " of " + bundle.getSymbolicName() + " ready at schema version " + version);
            return new Unit(unitName, factory, registration, null);
        } catch (MigrationFailedException | SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Persistence unit " + unitName + " of " + bundle.getSymbolicName() + " not started: " + e.getMessage(), e);
            return new Unit(unitName, null, null, e.getMessage());
        }
    }

    private static List<Migration> migrations(Bundle bundle) {
        List<Migration> migrations = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(ModulePersistence.MIGRATIONS_FOLDER, "*.sql", false);
        if (entries == null) {
            return migrations;
        }
        for (URL entry : Collections.list(entries)) {
            String path = entry.getPath();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            try (InputStream in = entry.openStream()) {
                migrations.add(Migration.fromFile(fileName, in.readAllBytes()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + path + " of " + bundle.getSymbolicName(), e);
            }
        }
        return migrations;
    }

    private EntityManagerFactory createFactory(Bundle bundle, String unitName) {
        String entitiesHeader = bundle.getHeaders("").get(ModulePersistence.ENTITIES_HEADER);
        List<String> entities = new ArrayList<>();
        if (entitiesHeader != null) {
            Arrays.stream(entitiesHeader.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(entities::add);
        }
        ClassLoader loader = new BundleAndProviderClassLoader(bundle.adapt(BundleWiring.class).getClassLoader(),
                PersistenceUnitExtender.class.getClassLoader(), PersistenceProvider.class.getClassLoader());
        return ModuleUnits.open(unitName, entities, dataSource, loader, bundle.getEntry("/"),
                "secretariat-" + unitName + "-" + bundle.getBundleId());
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Unit unit) {
        // Only start and stop matter.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Unit unit) {
        if (unit.registration != null) {
            try {
                unit.registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
        }
        if (unit.factory != null && unit.factory.isOpen()) {
            unit.factory.close();
        }
    }
}
