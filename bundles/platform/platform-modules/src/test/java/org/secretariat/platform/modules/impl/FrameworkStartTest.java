package org.secretariat.platform.modules.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

class FrameworkStartTest {

    private final AtomicInteger systemState = new AtomicInteger(Bundle.STARTING);
    private final FrameworkStart start = new FrameworkStart(context());

    /** A bundle context whose system bundle is in {@link #systemState}: all that FrameworkStart asks. */
    private BundleContext context() {
        Bundle system = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class}, (proxy, method, args) -> {
            if (method.getName().equals("getState")) {
                return systemState.get();
            }
            throw new AssertionError("FrameworkStart should ask nothing but the system bundle's state, not " + method.getName());
        });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
            if (method.getName().equals("getBundle") && args != null && args.length == 1 && Long.valueOf(0).equals(args[0])) {
                return system;
            }
            throw new AssertionError("FrameworkStart should ask nothing but the system bundle's state, not " + method.getName());
        });
    }

    @Test
    void moduleWorkWaitsUntilTheSystemBundleIsActive() throws Exception {
        assertFalse(start.done(), "starting: every start level not yet reached");
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> start.await(() -> false));
        Thread.sleep(200);
        assertFalse(waited.isDone(), "still waiting while the framework starts");
        systemState.set(Bundle.ACTIVE);
        assertTrue(waited.get(5, TimeUnit.SECONDS), "goes on once the framework has started");
        assertTrue(start.done());
    }

    @Test
    void aStopWhileWaitingEndsTheWaitWithoutTheWork() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> start.await(stopped::get));
        stopped.set(true);
        assertFalse(waited.get(5, TimeUnit.SECONDS));
    }
}
