package org.secretariat.platform.rest.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;

import org.apache.cxf.resource.DefaultResourceManager;
import org.apache.cxf.resource.ResourceManager;
import org.junit.jupiter.api.Test;

/** What CXF's servlet asks its bus on every request is answered with the thread's own context class loader, and nothing else changes. */
class CurrentClassLoaderResolverTest {

    @Test
    void theEmptyNameAsAClassLoaderIsTheThreadsContextClassLoader() {
        ResourceManager resources = new DefaultResourceManager();
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader mine = new URLClassLoader(new URL[0], original);
        Thread.currentThread().setContextClassLoader(mine);
        try {
            assertNull(resources.resolveResource("", ClassLoader.class), "CXF's own resolvers find no class loader: the context one stays");
            resources.addResourceResolver(CurrentClassLoaderResolver.INSTANCE);
            assertSame(mine, resources.resolveResource("", ClassLoader.class));
            Thread.currentThread().setContextClassLoader(null);
            assertNull(resources.resolveResource("", ClassLoader.class), "no context class loader: CXF's resolvers answer, as before");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    @Test
    void otherNamesAndTypesGoOnToCxfsResolvers() {
        assertNull(CurrentClassLoaderResolver.INSTANCE.resolve("META-INF/cxf/cxf.xml", ClassLoader.class));
        assertNull(CurrentClassLoaderResolver.INSTANCE.resolve("", URL.class));
        assertNull(CurrentClassLoaderResolver.INSTANCE.getAsStream(""));
    }

    @Test
    void installedOnceAndFirst() {
        ResourceManager resources = new DefaultResourceManager();
        Object bus = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.apache.cxf.Bus.class},
                (proxy, method, arguments) -> "getExtension".equals(method.getName()) && arguments[0] == ResourceManager.class ? resources : null);
        CurrentClassLoaderResolver.installOn(bus);
        CurrentClassLoaderResolver.installOn(bus);
        assertSame(CurrentClassLoaderResolver.INSTANCE, resources.getResourceResolvers().get(0));
        assertEquals(1, resources.getResourceResolvers().stream().filter(r -> r == CurrentClassLoaderResolver.INSTANCE).count());
        CurrentClassLoaderResolver.installOn("not a bus"); // a server without a bus of its own: nothing to do
    }
}
