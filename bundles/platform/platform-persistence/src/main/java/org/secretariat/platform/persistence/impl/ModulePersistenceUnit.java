package org.secretariat.platform.persistence.impl;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;

/**
 * A module's persistence unit as the JPA provider sees it: built from the bundle's manifest headers
 * rather than a persistence.xml, so a module cannot get the platform's settings wrong.
 */
final class ModulePersistenceUnit implements PersistenceUnitInfo {

    private final String name;
    private final List<String> entityClassNames;
    private final DataSource dataSource;
    private final ClassLoader classLoader;
    private final URL rootUrl;
    private final Properties properties;

    ModulePersistenceUnit(String name, List<String> entityClassNames, DataSource dataSource, ClassLoader classLoader,
            URL rootUrl, Properties properties) {
        this.name = name;
        this.entityClassNames = List.copyOf(entityClassNames);
        this.dataSource = dataSource;
        this.classLoader = classLoader;
        this.rootUrl = rootUrl;
        this.properties = properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return org.eclipse.persistence.jpa.PersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return Collections.emptyList();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return Collections.emptyList();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return rootUrl;
    }

    @Override
    public List<String> getManagedClassNames() {
        return entityClassNames;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    /**
     * No shared (second-level) cache: several platform nodes may share one database, and a cache
     * in one node would serve rows another node has changed.
     */
    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "2.2";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Weaving is off: entities are plain classes loaded by their own bundle.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
