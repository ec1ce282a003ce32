package ${package}.api;

/** A ${entity} as other modules see it. */
public record ${entity}Summary(long id, String title) {
}
