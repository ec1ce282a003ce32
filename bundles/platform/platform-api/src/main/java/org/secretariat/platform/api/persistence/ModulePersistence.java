package org.secretariat.platform.api.persistence;

/**
 * How a module declares its persistence unit. The platform reads these manifest headers from every
 * started bundle, runs the bundle's schema migrations forward, then registers an
 * {@code javax.persistence.EntityManagerFactory} service on the bundle's behalf with the property
 * {@value #UNIT_NAME_PROPERTY} = the unit name. A module's components reference that service, so
 * they start only once the schema is current.
 *
 * <pre>
 * Secretariat-Persistence-Unit: meetings
 * Secretariat-Entities: ${classes;ANNOTATED;javax.persistence.Entity}
 * </pre>
 *
 * <p>Migrations are SQL files in the bundle at {@value #MIGRATIONS_FOLDER}, named
 * {@code V<number>__<description>.sql} and run once each in ascending order, every file in its own
 * transaction. The SQL must be portable (Derby and PostgreSQL); tables are prefixed with the unit name.
 */
public final class ModulePersistence {

    /** Manifest header naming the bundle's persistence unit (one per module). */
    public static final String UNIT_HEADER = "Secretariat-Persistence-Unit";

    /** Manifest header listing the bundle's entity classes, comma separated. */
    public static final String ENTITIES_HEADER = "Secretariat-Entities";

    /** Folder in the bundle holding its migrations. */
    public static final String MIGRATIONS_FOLDER = "db/migration";

    /** Service property carrying the unit name on the registered EntityManagerFactory. */
    public static final String UNIT_NAME_PROPERTY = "osgi.unit.name";

    private ModulePersistence() {
    }
}
