package org.secretariat.build.feature;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;

import aQute.bnd.build.model.EE;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Processor;
import aQute.bnd.osgi.repository.ResourcesRepository;
import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.osgi.resource.ResourceUtils;
import biz.aQute.resolve.BndResolver;
import biz.aQute.resolve.ResolveProcess;
import biz.aQute.resolve.ResolverLogger;

/**
 * Resolves a feature with bnd's resolver, the way a bndrun's {@code -runrequires} is resolved: the
 * initial requirements are the identities of the feature's own bundles (its roots) and of the bundles
 * of the feature it is installed on (its base, e.g. the platform, which is already there when a module
 * is installed); the system is the OSGi framework jar with an execution environment ({@code -runfw},
 * {@code -runee}); the repository is the roots, the base and every candidate jar. The result is every
 * bundle the roots need that the base does not provide, ordered so that a bundle comes after the
 * bundles it is wired to.
 */
public final class FeatureResolver {

    private final File framework;
    private final EE executionEnvironment;

    /**
     * @param framework the OSGi framework jar (e.g. Felix), whose exports and capabilities are the system's
     * @param executionEnvironment as in bnd's {@code -runee}, e.g. {@code JavaSE-17}
     */
    public FeatureResolver(File framework, String executionEnvironment) {
        EE ee = EE.parse(executionEnvironment);
        if (ee == null) {
            throw new IllegalArgumentException("Unknown execution environment " + executionEnvironment
                    + " (bnd's names, e.g. JavaSE-17)");
        }
        if (framework == null || !framework.isFile()) {
            throw new IllegalArgumentException("No framework jar: " + framework);
        }
        this.framework = framework;
        this.executionEnvironment = ee;
    }

    /** A feature bundle of the result, and the bundles that needed it (empty for a root). */
    public record Bundle(File file, String symbolicName, String version, List<String> neededBy) {
        @Override
        public String toString() {
            return symbolicName + " " + version;
        }
    }

    /** The resolution did not succeed; the message is bnd's explanation of what is missing. */
    public static final class FeatureResolutionException extends Exception {
        private static final long serialVersionUID = 1L;

        FeatureResolutionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param roots the feature's own bundles, in the order they are named (the order breaks ties)
     * @param base the bundles already installed when this feature is (empty for the platform itself)
     * @param candidates further jars the resolver may choose from (jars that are not bundles are skipped);
     *        their order breaks ties among them
     * @return the roots and every resolved bundle that is not in the base, providers before their users
     */
    public List<Bundle> resolve(List<File> roots, List<File> base, List<File> candidates) throws FeatureResolutionException {
        // One resource per identity (symbolic name and version): the base's copy first, then the roots'.
        Map<String, Indexed> byIdentity = new LinkedHashMap<>();
        List<Indexed> rootResources = new ArrayList<>();
        Set<Indexed> baseResources = new LinkedHashSet<>();
        for (File file : base) {
            Indexed indexed = index(file, byIdentity, true);
            if (indexed != null) {
                baseResources.add(indexed);
            }
        }
        for (File file : roots) {
            Indexed indexed = index(file, byIdentity, true);
            if (indexed != null && !rootResources.contains(indexed)) {
                rootResources.add(indexed);
            }
        }
        for (File file : candidates) {
            index(file, byIdentity, false);
        }
        Indexed fw = index(framework, new HashMap<>(), true);

        ResourcesRepository repository = new ResourcesRepository();
        byIdentity.values().forEach(i -> repository.add(i.resource));
        repository.add(fw.resource);

        Map<Resource, Indexed> resources = new IdentityHashMap<>();
        byIdentity.values().forEach(i -> resources.put(i.resource, i));

        List<Indexed> required = new ArrayList<>(baseResources);
        rootResources.stream().filter(r -> !baseResources.contains(r)).forEach(required::add);

        Map<Resource, List<Wire>> wiring;
        ByteArrayOutputStream logText = new ByteArrayOutputStream();
        try (Processor run = new Processor();
             ResolverLogger logger = new ResolverLogger(ResolverLogger.LOG_WARNING, new PrintStream(logText, true, StandardCharsets.UTF_8))) {
            run.setProperty(Constants.RUNFW, fw.symbolicName + ";version='[" + fw.version + "," + fw.version + "]'");
            run.setProperty(Constants.RUNEE, executionEnvironment.getEEName());
            run.setProperty(Constants.RUNREQUIRES, required.stream()
                    .map(i -> "osgi.identity;filter:='(&(osgi.identity=" + i.symbolicName + ")(version=" + i.version + "))'")
                    .collect(Collectors.joining(",")));
            // When several resources offer a capability, the base's (already installed) are preferred.
            run.setProperty(Constants.RESOLVE_PREFERENCES, baseResources.stream().map(i -> i.symbolicName).distinct()
                    .collect(Collectors.joining(",")));
            run.addBasicPlugin(repository);
            wiring = new ResolveProcess().resolveRequired(run, null, run, new BndResolver(logger), Collections.emptyList(), logger);
        } catch (ResolutionException e) {
            // No cause: Maven would append its (long, one-line) message to this one.
            throw new FeatureResolutionException(explain(e), null);
        } catch (Exception e) {
            throw new FeatureResolutionException("The resolver failed: " + e + "\n" + logText.toString(StandardCharsets.UTF_8), e);
        }

        // The feature: what was resolved, less the base and the framework; edges from user to provider.
        Map<Indexed, Set<Indexed>> providers = new LinkedHashMap<>();
        Map<Indexed, Set<String>> neededBy = new HashMap<>();
        for (Map.Entry<Resource, List<Wire>> entry : wiring.entrySet()) {
            Indexed provider = resources.get(entry.getKey());
            if (provider == null || baseResources.contains(provider)) {
                continue;
            }
            providers.computeIfAbsent(provider, p -> new LinkedHashSet<>());
            for (Wire wire : entry.getValue()) {
                Indexed user = resources.get(wire.getRequirer());
                if (user != null && user != provider) {
                    neededBy.computeIfAbsent(provider, p -> new java.util.TreeSet<>()).add(user.symbolicName);
                    if (!baseResources.contains(user)) {
                        providers.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(provider);
                    }
                }
            }
        }
        for (Indexed root : rootResources) {
            if (!baseResources.contains(root)) {
                providers.computeIfAbsent(root, r -> new LinkedHashSet<>());
            }
        }
        // Ties are broken by the roots' order, then the candidates' order.
        List<Indexed> preference = new ArrayList<>(rootResources);
        byIdentity.values().stream().filter(i -> !preference.contains(i)).forEach(preference::add);
        Map<Indexed, Integer> rank = new HashMap<>();
        for (int i = 0; i < preference.size(); i++) {
            rank.put(preference.get(i), i);
        }
        List<Bundle> result = new ArrayList<>();
        for (Indexed indexed : order(providers, rank)) {
            List<String> users = rootResources.contains(indexed) ? List.of()
                    : List.copyOf(neededBy.getOrDefault(indexed, Set.of()));
            result.add(new Bundle(indexed.file, indexed.symbolicName, indexed.version, users));
        }
        return result;
    }

    /**
     * A topological order of the graph (each node after the nodes it points to), strongly connected
     * components (bundles that import from each other) kept together; among the nodes ready at a step,
     * the lowest rank first.
     */
    static <T> List<T> order(Map<T, Set<T>> edges, Map<T, Integer> rank) {
        Comparator<T> byRank = Comparator.comparingInt(n -> rank.getOrDefault(n, Integer.MAX_VALUE));
        List<List<T>> components = stronglyConnected(edges, byRank);
        Map<T, Integer> componentOf = new HashMap<>();
        for (int c = 0; c < components.size(); c++) {
            for (T node : components.get(c)) {
                componentOf.put(node, c);
            }
        }
        int[] pending = new int[components.size()];
        Map<Integer, Set<Integer>> users = new HashMap<>();
        for (Map.Entry<T, Set<T>> entry : edges.entrySet()) {
            int user = componentOf.get(entry.getKey());
            for (T target : entry.getValue()) {
                Integer provider = componentOf.get(target);
                if (provider != null && provider != user && users.computeIfAbsent(provider, p -> new LinkedHashSet<>()).add(user)) {
                    pending[user]++;
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparing(c -> components.get(c).get(0), byRank));
        for (int c = 0; c < components.size(); c++) {
            if (pending[c] == 0) {
                ready.add(c);
            }
        }
        List<T> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            int c = ready.poll();
            ordered.addAll(components.get(c));
            for (int user : users.getOrDefault(c, Set.of())) {
                if (--pending[user] == 0) {
                    ready.add(user);
                }
            }
        }
        return ordered;
    }

    /** Tarjan's algorithm; each component's nodes sorted by rank. */
    private static <T> List<List<T>> stronglyConnected(Map<T, Set<T>> edges, Comparator<T> byRank) {
        Map<T, Integer> index = new HashMap<>();
        Map<T, Integer> low = new HashMap<>();
        Deque<T> stack = new ArrayDeque<>();
        Set<T> onStack = new java.util.HashSet<>();
        List<List<T>> components = new ArrayList<>();
        List<T> nodes = new ArrayList<>(edges.keySet());
        nodes.sort(byRank);
        for (T node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, components, byRank);
            }
        }
        return components;
    }

    private static <T> void connect(T node, Map<T, Set<T>> edges, Map<T, Integer> index, Map<T, Integer> low, Deque<T> stack,
            Set<T> onStack, List<List<T>> components, Comparator<T> byRank) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (T next : edges.getOrDefault(node, Set.of())) {
            if (!edges.containsKey(next)) {
                continue;
            }
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, components, byRank);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<T> component = new ArrayList<>();
            T member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (member != node);
            component.sort(byRank);
            components.add(component);
        }
    }

    private static final class Indexed {
        final File file;
        final Resource resource;
        final String symbolicName;
        final String version;

        Indexed(File file, Resource resource, String symbolicName, String version) {
            this.file = file;
            this.resource = resource;
            this.symbolicName = symbolicName;
            this.version = version;
        }

        @Override
        public String toString() {
            return symbolicName + " " + version;
        }
    }

    /** The jar's resource, or the one already indexed with its identity; null if the jar is not a bundle. */
    private static Indexed index(File file, Map<String, Indexed> byIdentity, boolean mustBeBundle) throws FeatureResolutionException {
        Resource resource;
        try {
            resource = ResourceBuilder.parse(file, file.toURI());
        } catch (IllegalArgumentException e) {
            throw new FeatureResolutionException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (ResourceUtils.getIdentityCapability(resource) == null) {
            if (mustBeBundle) {
                throw new FeatureResolutionException(file + " is not an OSGi bundle (no Bundle-SymbolicName)", null);
            }
            return null;
        }
        String symbolicName = ResourceUtils.getIdentity(resource);
        String version = ResourceUtils.getVersion(resource).toString();
        return byIdentity.computeIfAbsent(symbolicName + ";" + version, k -> new Indexed(file, resource, symbolicName, version));
    }

    /**
     * bnd's explanation, without the groups that are noise here: the synthetic resources bnd makes for
     * each Java release of a multi-release jar (those for releases below the execution environment
     * cannot resolve, and need not), and service requirements, which are not resolved at this stage.
     */
    static String explain(ResolutionException e) {
        String[] lines = ResolveProcess.format(e, false).split("\\R", -1);
        StringBuilder kept = new StringBuilder();
        List<String> group = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("    [") || !line.startsWith("      ")) {
                flush(group, kept);
            }
            group.add(line);
        }
        flush(group, kept);
        return kept.toString().stripTrailing();
    }

    private static void flush(List<String> group, StringBuilder kept) {
        if (group.isEmpty()) {
            return;
        }
        String header = group.get(0);
        boolean noise = header.startsWith("    [") && (header.contains("type=bnd.synthetic")
                || group.size() > 1 && group.subList(1, group.size()).stream().allMatch(l -> l.startsWith("      ⇒ osgi.service:")));
        if (!noise) {
            group.forEach(l -> kept.append(l).append('\n'));
        }
        group.clear();
    }
}
