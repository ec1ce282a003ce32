package org.secretariat.platform.modules.impl;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Version;

/**
 * The framework as the module manager uses it: the seam between deciding and doing. The planner and
 * the executor see only this, so they are unit-tested against a fake; {@link FelixModuleFramework}
 * is the one the platform runs. Failures are {@link ModuleOperationException}s saying what went wrong.
 */
interface ModuleFramework {

    /** A bundle as the manager needs to know it. */
    record InstalledBundle(long id, String symbolicName, Version version, String location) {
    }

    /** Every bundle installed now (the system bundle excepted). */
    List<InstalledBundle> bundles();

    /** Symbolic names of bundles outside {@code module} wired to what bundle {@code id} provides. */
    List<String> usersOutside(long id, Set<Long> module);

    /** Symbolic names of the bundles a refresh of {@code changed} would also refresh. */
    List<String> dependents(Collection<Long> changed);

    /** Installs a jar at a location; answers the new bundle's id. */
    long install(String location, Path jar);

    /** Replaces a bundle's content with a jar (a new revision of the same bundle). */
    void update(long id, Path jar);

    void uninstall(long id);

    /** Refreshes the bundles and what depends on them, and waits until that is done. */
    void refresh(Collection<Long> ids);

    /** Starts (persistently) every bundle of {@code ids} that is not a fragment and not active. */
    void start(Collection<Long> ids);

    /** Installs the jars beside everything under temporary locations and resolves them; removes them again. 422 names what is missing. */
    void checkResolvable(String module, List<Path> jars);

    /** Waits until every enabled component of the bundles is satisfied; 422 on an activation failure or when time is up. */
    void awaitComponents(Collection<Long> ids);

    /** Waits until the REST API serves every registered resource again; 422 when time is up. */
    void awaitServing(String what);
}
