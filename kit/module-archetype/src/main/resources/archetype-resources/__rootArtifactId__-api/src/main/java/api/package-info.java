/**
 * The ${moduleId} module as other modules see it: the {@link ${package}.api.${entity}Directory} service.
 * Exported at the version below; bnd's baseline fails the build when a change needs a higher one
 * (a new method on a provider type is a minor change, a changed or removed one a major change).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package ${package}.api;
