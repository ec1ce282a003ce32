package org.secretariat.platform.rest.impl;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.EndpointImpl;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerLifeCycleListener;
import org.apache.cxf.endpoint.ServerLifeCycleManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.secretariat.platform.api.rest.ApiReadiness;

/**
 * Readiness of the REST API read from the JAX-RS whiteboard itself. Three facts, each from the runtime:
 * <ol>
 * <li>every resource, extension and application registered as a service is known to the whiteboard's
 * runtime DTO (served, or failed with a reason) — else the application is still being assembled;</li>
 * <li>every such service event has been processed: the whiteboard lists a resource in its DTO
 * <em>before</em> it rebuilds the application for it and raises its {@code service.changecount}
 * only <em>after</em>, so an event is pending from before the framework delivers it (an
 * {@link EventListenerHook} sees it first) until the DTO agrees and the change count has moved;</li>
 * <li>no CXF server of an application is between its stop and its next start (CXF tells registered
 * {@link ServerLifeCycleListener} services): in that gap CXF answers every request
 * "No service was found" with a 404.</li>
 * </ol>
 * Log level FINE of this class writes each event and decision with its time, which is how the
 * start-up race was found.
 */
@Component(service = {ApiReadiness.class, ServerLifeCycleListener.class, EventListenerHook.class}, immediate = true)
public class RestRuntimeReadiness implements ApiReadiness, ServerLifeCycleListener, EventListenerHook {

    private static final Logger LOG = Logger.getLogger(RestRuntimeReadiness.class.getName());

    /** The services the JAX-RS whiteboard acts on, and its own runtime service (whose change count moves after each). */
    static final String WHITEBOARD_SERVICES = "(|(osgi.jaxrs.resource=true)(osgi.jaxrs.extension=true)"
            + "(&(objectClass=javax.ws.rs.core.Application)(osgi.jaxrs.application.base=*))"
            + "(objectClass=" + JaxrsServiceRuntime.class.getName() + "))";

    /**
     * A change not finished after this long is taken as finished: an application that is removed stops
     * its server for good, and readiness must not stick on it. Far above any rebuild seen (under 1 s).
     */
    static final Duration STALE = Duration.ofSeconds(15);
    /** How long a modified service keeps readiness false when the whiteboard does not act on the modification. */
    static final Duration MODIFIED_LIMIT = Duration.ofSeconds(1);
    /**
     * How long after the last change readiness waits before it says "serving". The whiteboard lists a
     * resource before it rebuilds, and a registration from another thread can wait on the rebuild under
     * way: when that one ends, the waiting one is listed but not yet served.
     */
    static final Duration QUIET = Duration.ofMillis(100);
    private static final Duration POLL = Duration.ofMillis(50);

    /** A service event the whiteboard had not processed when it was seen here. */
    private static final class Pending {
        final int type;
        final long runtimeId;
        final long changeCount;
        final long since = System.nanoTime();

        Pending(int type, long runtimeId, long changeCount) {
            this.type = type;
            this.runtimeId = runtimeId;
            this.changeCount = changeCount;
        }
    }

    private final BundleContext context;
    private final Filter whiteboardServices;
    private final ServiceTracker<Object, Object> buses;
    private final Object lock = new Object();
    private final Map<Long, Pending> pending = new HashMap<>();
    /** The buses (one per application) whose server is stopped, with the time: each rebuild starts a new server on the same bus. */
    private final Map<Object, Long> stoppedServers = new IdentityHashMap<>();
    private long version;
    private long evaluatedVersion = -1;
    private Set<Long> evaluatedServices = Set.of();
    private volatile long lastChange = System.nanoTime();
    /**
     * Set by {@link #evaluate} when it found the application serving with nothing pending, cleared by
     * every change: while set, {@link #changing} (asked by the traffic gate on every API request)
     * answers without taking the lock, which 32 concurrent requests otherwise queue on.
     */
    private volatile boolean steady;
    private Optional<String> evaluated = Optional.empty();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JaxrsServiceRuntime jaxrs;

    @Activate
    public RestRuntimeReadiness(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.whiteboardServices = context.createFilter(WHITEBOARD_SERVICES);
        // CXF hands ServerLifeCycleListener services only to buses created after them; an application's bus
        // made before this component started is reached through the Bus service CXF registers for it.
        this.buses = new ServiceTracker<>(context, context.createFilter("(objectClass=" + Bus.class.getName() + ")"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object bus = super.addingService(reference);
                CurrentClassLoaderResolver.installOn(bus);
                ServerLifeCycleManager servers = bus instanceof Bus ? ((Bus) bus).getExtension(ServerLifeCycleManager.class) : null;
                if (servers != null) {
                    servers.registerListener(RestRuntimeReadiness.this);
                }
                return bus;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object bus) {
                ServerLifeCycleManager servers = bus instanceof Bus ? ((Bus) bus).getExtension(ServerLifeCycleManager.class) : null;
                if (servers != null) {
                    servers.unRegisterListener(RestRuntimeReadiness.this);
                }
                super.removedService(reference, bus);
            }
        };
        buses.open();
    }

    @Deactivate
    void stop() {
        buses.close();
        synchronized (lock) {
            steady = false;
            version++;
            lock.notifyAll();
        }
    }

    @Override
    public Optional<String> problem() {
        // A service is in the registry a moment before its event reaches the hook: compare what is registered now too.
        Set<Long> registered = registeredWhiteboardServices(context.getServiceReference(JaxrsServiceRuntime.class));
        synchronized (lock) {
            // Only "serving" is kept: a problem is looked at again each time, as time alone can end it.
            if (evaluatedVersion == version && evaluated.isEmpty() && pending.isEmpty() && stoppedServers.isEmpty()
                    && registered.equals(evaluatedServices) && !settling(System.nanoTime())) {
                return evaluated;
            }
        }
        return evaluate();
    }

    @Override
    public boolean changing() {
        if (steady && !settling(System.nanoTime())) {
            return false;
        }
        synchronized (lock) {
            return evaluatedVersion != version || !pending.isEmpty() || !stoppedServers.isEmpty() || evaluated.isPresent()
                    || settling(System.nanoTime());
        }
    }

    @Override
    public Optional<String> awaitServing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> problem = problem();
            long left = deadline - System.nanoTime();
            if (problem.isEmpty() || left <= 0) {
                return problem;
            }
            synchronized (lock) {
                TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, POLL.toNanos()));
            }
        }
    }

    @Override
    public void startServer(Server server) {
        CurrentClassLoaderResolver.installOn(busOf(server));
        synchronized (lock) {
            if (stoppedServers.remove(busOf(server)) != null) {
                LOG.log(Level.FINE, "REST application started again after its rebuild");
            }
            changed();
        }
    }

    @Override
    public void stopServer(Server server) {
        synchronized (lock) {
            stoppedServers.put(busOf(server), System.nanoTime());
            LOG.log(Level.FINE, "REST application stopped for a rebuild");
            changed();
        }
    }

    /**
     * Called by the framework before it delivers a service event to any listener, the whiteboard's
     * included: a change of a whiteboard service is pending from before the whiteboard starts on it.
     */
    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        if (!whiteboardServices.match(reference)) {
            return;
        }
        ServiceReference<JaxrsServiceRuntime> runtime = context.getServiceReference(JaxrsServiceRuntime.class);
        synchronized (lock) {
            if (!WhiteboardFacts.isRuntime(reference) && WhiteboardFacts.targetsThisWhiteboard(reference, runtime)) {
                long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
                pending.put(serviceId, new Pending(event.getType(), runtime == null ? -1 : WhiteboardFacts.serviceIdOf(runtime), WhiteboardFacts.changeCount(runtime)));
                if (LOG.isLoggable(Level.FINE)) {
                    LOG.fine("JAX-RS service " + serviceId + " " + WhiteboardFacts.eventName(event.getType()) + " ("
                            + java.util.Arrays.toString((String[]) reference.getProperty(Constants.OBJECTCLASS)) + " "
                            + reference.getProperty("osgi.jaxrs.name") + " of "
                            + (reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName()) + "): pending");
                }
            }
            changed();
        }
    }

    private void changed() {
        steady = false;
        version++;
        lastChange = System.nanoTime();
        lock.notifyAll();
    }

    /** Within {@link #QUIET} of the last change seen: another registration may be queued behind the one just done. */
    private boolean settling(long now) {
        return now - lastChange < QUIET.toNanos();
    }

    /** Computes the answer from the runtime now and keeps it until the next change. */
    Optional<String> evaluate() {
        long seen;
        synchronized (lock) {
            seen = version;
        }
        JaxrsServiceRuntime service = jaxrs;
        ServiceReference<JaxrsServiceRuntime> runtime = context.getServiceReference(JaxrsServiceRuntime.class);
        RuntimeDTO dto;
        try {
            dto = service == null || runtime == null ? null : service.getRuntimeDTO();
        } catch (RuntimeException | LinkageError e) {
            // The whiteboard builds its DTOs from collections it is changing right now (a concurrent modification,
            // a bundle refreshed under it, the whiteboard stopping): a change is under way, not an error of the caller.
            LOG.log(Level.FINE, "The JAX-RS runtime could not describe itself: " + e);
            return Optional.of("the REST application is being rebuilt (its runtime is changing)");
        }
        Set<Long> known = dto == null ? Set.of() : WhiteboardFacts.known(dto);
        Set<Long> registered = registeredWhiteboardServices(runtime);
        Optional<String> answer;
        synchronized (lock) {
            long now = System.nanoTime();
            long runtimeId = runtime == null ? -1 : WhiteboardFacts.serviceIdOf(runtime);
            long changeCount = WhiteboardFacts.changeCount(runtime);
            for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Long, Pending> entry = it.next();
                Pending change = entry.getValue();
                boolean moved = runtimeId != change.runtimeId || changeCount > change.changeCount;
                boolean agrees = change.type == ServiceEvent.REGISTERED ? known.contains(entry.getKey())
                        : change.type != ServiceEvent.UNREGISTERING || !known.contains(entry.getKey());
                if (moved && agrees) {
                    it.remove();
                } else if (change.type == ServiceEvent.MODIFIED && now - change.since > MODIFIED_LIMIT.toNanos()) {
                    // The whiteboard acts on a changed service only when the change matters to it; often it does nothing.
                    it.remove();
                } else if (now - change.since > STALE.toNanos()) {
                    LOG.log(Level.WARNING, "The JAX-RS whiteboard did not process the change of service {0} within {1} s; no longer waiting for it",
                            new Object[] {entry.getKey(), STALE.toSeconds()});
                    it.remove();
                }
            }
            // A server whose bus is shut down belongs to an application that is gone, not to one being rebuilt.
            stoppedServers.entrySet().removeIf(stopped -> now - stopped.getValue() > STALE.toNanos() || busGone(stopped.getKey()));
            if (dto == null) {
                answer = Optional.of("the JAX-RS whiteboard is not running");
            } else if (!stoppedServers.isEmpty() || !pending.isEmpty() || settling(now)) {
                answer = Optional.of("the REST application is being rebuilt (" + (stoppedServers.size() + pending.size()) + " changes under way)");
            } else {
                answer = unassembled(known, registered);
            }
            if (version == seen) {
                evaluatedVersion = seen;
                evaluatedServices = registered;
                evaluated = answer;
                steady = answer.isEmpty() && pending.isEmpty() && stoppedServers.isEmpty();
            }
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("REST readiness: " + answer.orElse("serving") + " (change count " + changeCount + ", pending " + pending.keySet() + ")");
            }
        }
        return answer;
    }

    /** Every whiteboard service registered now must be known to the runtime, served or failed. */
    private static Optional<String> unassembled(Set<Long> known, Set<Long> registered) {
        long served = registered.stream().filter(known::contains).count();
        return served < registered.size()
                ? Optional.of("the REST application is being assembled: " + served + " of " + registered.size() + " resources and extensions taken in")
                : Optional.empty();
    }

    /** The resources, extensions and applications registered now for this whiteboard. */
    private Set<Long> registeredWhiteboardServices(ServiceReference<JaxrsServiceRuntime> runtime) {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, WHITEBOARD_SERVICES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<Long> ids = new HashSet<>();
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            if (!WhiteboardFacts.isRuntime(reference) && WhiteboardFacts.targetsThisWhiteboard(reference, runtime)) {
                ids.add((Long) reference.getProperty(Constants.SERVICE_ID));
            }
        }
        return ids;
    }

    /** The application's bus, which its rebuilds keep (each makes a new server); the server itself if CXF does not say. */
    private static Object busOf(Server server) {
        return server.getEndpoint() instanceof EndpointImpl ? ((EndpointImpl) server.getEndpoint()).getBus() : server;
    }

    private static boolean busGone(Object key) {
        return key instanceof Bus && (((Bus) key).getState() == Bus.BusState.SHUTTING_DOWN || ((Bus) key).getState() == Bus.BusState.SHUTDOWN);
    }
}
