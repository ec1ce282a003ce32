package org.secretariat.platform.persistence.impl;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads a module's entity classes from the module's bundle and, failing that, from the platform
 * (its converters) and the JPA provider: EclipseLink resolves some of its own internals through the
 * class loader it is given.
 */
final class BundleAndProviderClassLoader extends ClassLoader {

    private final List<ClassLoader> loaders;

    BundleAndProviderClassLoader(ClassLoader... loaders) {
        super(null);
        this.loaders = List.of(loaders);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : loaders) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException tryTheNext) {
                // next loader
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader loader : loaders) {
            URL resource = loader.getResource(name);
            if (resource != null) {
                return resource;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        for (ClassLoader loader : loaders) {
            Enumeration<URL> resources = loader.getResources(name);
            if (resources.hasMoreElements()) {
                return resources;
            }
        }
        return Collections.emptyEnumeration();
    }
}
