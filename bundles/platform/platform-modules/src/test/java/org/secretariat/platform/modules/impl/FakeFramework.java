package org.secretariat.platform.modules.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.framework.Version;

/**
 * The framework seam in memory: bundles are (id, name, version, location), a jar is known by the
 * name and version registered for its path. A failure can be planted at the n-th call that changes
 * or waits ({@link #failAt}), as an operation's failure ({@link ModuleOperationException}) or as a
 * crash ({@link Crash}, which nothing catches).
 */
final class FakeFramework implements ModuleFramework {

    /** The process dying: not an exception the manager handles. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("crash at " + where);
        }
    }

    private final Map<Long, InstalledBundle> bundles = new TreeMap<>();
    private final Map<Path, InstalledBundle> jars = new HashMap<>();
    /** Bundle id -> names of bundles outside wired to it. */
    final Map<Long, List<String>> users = new HashMap<>();
    private long nextId = 1;
    private int calls;
    int failAt = -1;
    boolean crash;
    final List<String> log = new ArrayList<>();

    void registerJar(Path jar, String symbolicName, Version version) {
        jars.put(jar, new InstalledBundle(0, symbolicName, version, ""));
    }

    long installDirectly(String location, String symbolicName, Version version) {
        long id = nextId++;
        bundles.put(id, new InstalledBundle(id, symbolicName, version, location));
        return id;
    }

    /** What is installed, as comparable text: name, version, location. */
    List<String> state() {
        return bundles.values().stream().map(b -> b.symbolicName() + " " + b.version() + " @" + b.location()).sorted().collect(Collectors.toList());
    }

    int calls() {
        return calls;
    }

    private void call(String what) {
        calls++;
        log.add(what);
        if (calls == failAt) {
            if (crash) {
                throw new Crash(what);
            }
            throw new ModuleOperationException(422, "planted failure at " + what);
        }
    }

    private InstalledBundle content(Path jar) {
        InstalledBundle content = jars.get(jar);
        if (content == null) {
            throw new ModuleOperationException(422, "unknown jar " + jar);
        }
        return content;
    }

    @Override
    public List<InstalledBundle> bundles() {
        return new ArrayList<>(bundles.values());
    }

    @Override
    public List<String> usersOutside(long id, Set<Long> module) {
        return users.getOrDefault(id, List.of());
    }

    @Override
    public List<String> dependents(Collection<Long> changed) {
        return List.of();
    }

    @Override
    public long install(String location, Path jar) {
        call("install " + jar.getFileName());
        InstalledBundle content = content(jar);
        return installDirectly(location, content.symbolicName(), content.version());
    }

    @Override
    public void update(long id, Path jar) {
        call("update " + id + " " + jar.getFileName());
        InstalledBundle present = bundles.get(id);
        InstalledBundle content = content(jar);
        bundles.put(id, new InstalledBundle(id, present.symbolicName(), content.version(), present.location()));
    }

    @Override
    public void uninstall(long id) {
        call("uninstall " + id);
        bundles.remove(id);
    }

    @Override
    public void refresh(Collection<Long> ids) {
        call("refresh " + ids);
    }

    @Override
    public void start(Collection<Long> ids) {
        call("start " + ids);
    }

    @Override
    public void checkResolvable(String module, List<Path> jars) {
        jars.forEach(this::content);
    }

    @Override
    public void awaitComponents(Collection<Long> ids) {
        call("await components " + ids);
    }

    @Override
    public void awaitServing(String what) {
        call("await serving " + what);
    }
}
