package org.secretariat.platform.rest.impl;

import java.io.InputStream;

import org.apache.cxf.Bus;
import org.apache.cxf.resource.ResourceManager;
import org.apache.cxf.resource.ResourceResolver;

/**
 * Spares every API request a walk through class paths. On each request CXF's servlet asks its bus for
 * a {@code ClassLoader} extension and, finding none, asks the bus's resource manager to resolve the
 * resource {@code ""} as a class loader: its class-loader resolvers look the name up in cxf-core's
 * bundle and then in every jar of the JVM's class path ({@code ClassLoader.getSystemResource("")},
 * which enters the monitor of each multi-release jar there: Jackson's), and all answer null, a URL not
 * being a class loader. Under load that lookup was the largest wait of a public GET (bench/rest.sh,
 * JFR: 29 of 47 thread-seconds blocked). Placed first, this resolver answers the thread's own context
 * class loader, which CXF then sets as the context class loader for the call and puts back after it:
 * the same loader as without it, found without the walk. Any other name or type goes on to CXF's own
 * resolvers; a thread without a context class loader too.
 */
final class CurrentClassLoaderResolver implements ResourceResolver {

    static final CurrentClassLoaderResolver INSTANCE = new CurrentClassLoaderResolver();

    private CurrentClassLoaderResolver() {
    }

    /** Puts this resolver first in the bus's resource manager (once: the manager keeps no duplicates). */
    static void installOn(Object bus) {
        ResourceManager resources = bus instanceof Bus ? ((Bus) bus).getExtension(ResourceManager.class) : null;
        if (resources != null && !resources.getResourceResolvers().contains(INSTANCE)) {
            resources.addResourceResolver(INSTANCE);
        }
    }

    @Override
    public <T> T resolve(String resourceName, Class<T> resourceType) {
        if (resourceType != ClassLoader.class || !"".equals(resourceName)) {
            return null;
        }
        ClassLoader current = Thread.currentThread().getContextClassLoader();
        return current == null ? null : resourceType.cast(current);
    }

    @Override
    public InputStream getAsStream(String name) {
        return null;
    }
}
