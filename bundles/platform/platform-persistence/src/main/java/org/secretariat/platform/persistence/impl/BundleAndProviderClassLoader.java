package org.secretariat.platform.persistence.impl;

/**
 * Loads a module's entity classes from the module's bundle and, failing that, the JPA provider's
 * own classes: EclipseLink resolves some of its internals through the class loader it is given.
 */
final class BundleAndProviderClassLoader extends ClassLoader {

    private final ClassLoader moduleLoader;
    private final ClassLoader providerLoader;

    BundleAndProviderClassLoader(ClassLoader moduleLoader, ClassLoader providerLoader) {
        super(null);
        this.moduleLoader = moduleLoader;
        this.providerLoader = providerLoader;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return moduleLoader.loadClass(name);
        } catch (ClassNotFoundException e) {
            return providerLoader.loadClass(name);
        }
    }

    @Override
    protected java.net.URL findResource(String name) {
        java.net.URL resource = moduleLoader.getResource(name);
        return resource != null ? resource : providerLoader.getResource(name);
    }

    @Override
    protected java.util.Enumeration<java.net.URL> findResources(String name) throws java.io.IOException {
        java.util.Enumeration<java.net.URL> resources = moduleLoader.getResources(name);
        return resources.hasMoreElements() ? resources : providerLoader.getResources(name);
    }
}
