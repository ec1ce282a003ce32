package ${package}.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * ${entity} records for other modules, which use it through an optional, dynamic reference and keep
 * working when the ${moduleId} module is not installed.
 */
@ProviderType
public interface ${entity}Directory {

    /** The record with this id, or empty. */
    Optional<${entity}Summary> find(long id);

    /** How many records there are. */
    long count();
}
