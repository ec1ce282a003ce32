#set( $MODULE = $moduleId.toUpperCase() )
#set( $ENTITY = $entity.toUpperCase() )
package ${package}.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A ${entity}, in the table of V1__initial_schema.sql. Ids come from a table generator (portable SQL has
 * no identity columns); the version makes a stale update a conflict.
 */
@Entity
@Table(name = "${MODULE}_${ENTITY}")
public class ${entity} {

    @Id
    @TableGenerator(name = "${ENTITY}", table = "${MODULE}_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "${ENTITY}", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "${ENTITY}")
    public Long id;

    @Column(name = "TITLE", nullable = false, length = 200)
    public String title;

    /** The title in lower case: unique (the rule of the service, and an index behind it), and the sort order. */
    @Column(name = "TITLE_KEY", nullable = false, length = 200)
    public String titleKey;

    @Column(name = "NOTES", length = 2000)
    public String notes;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
