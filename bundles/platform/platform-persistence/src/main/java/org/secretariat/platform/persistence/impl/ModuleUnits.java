package org.secretariat.platform.persistence.impl;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.secretariat.platform.api.persistence.InstantConverter;

/**
 * How a module's persistence unit is opened over the platform's data source, in one place: by the
 * extender for a started bundle, and by {@code ModuleDatabase} (platform-testing) for a module's unit
 * tests outside the framework, so both run with the same EclipseLink settings.
 */
public final class ModuleUnits {

    private ModuleUnits() {
    }

    /**
     * The unit's factory, already deployed so that mapping errors show now, not at the first request.
     *
     * @param entityClassNames the module's entities; the platform's converters are added
     */
    public static EntityManagerFactory open(String unitName, List<String> entityClassNames, DataSource dataSource,
            ClassLoader loader, URL rootUrl, String sessionName) {
        List<String> managed = new ArrayList<>(entityClassNames);
        managed.add(InstantConverter.class.getName());
        Properties properties = new Properties();
        properties.put(PersistenceUnitProperties.CLASSLOADER, loader);
        properties.put(PersistenceUnitProperties.WEAVING, "false");
        properties.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        properties.put(PersistenceUnitProperties.DEPLOY_ON_STARTUP, "true");
        properties.put(PersistenceUnitProperties.LOGGING_LOGGER, "JavaLogger");
        properties.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        properties.put(PersistenceUnitProperties.TARGET_SERVER, "None");
        // On Derby (a DB2-family platform) a LIKE ... ESCAPE makes EclipseLink print every parameter of the
        // statement into the SQL as a literal, booleans as 1, which Derby refuses; bind all but what must be literal.
        properties.put(PersistenceUnitProperties.JDBC_ALLOW_PARTIAL_PARAMETERS, "true");
        properties.put(PersistenceUnitProperties.SESSION_NAME, sessionName);
        ModulePersistenceUnit unit = new ModulePersistenceUnit(unitName, managed, dataSource, loader, rootUrl, properties);
        EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
        factory.createEntityManager().close();
        return factory;
    }
}
