package org.secretariat.website.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A page of the public website, in the tree of pages; its words are its {@link Text}s, one per language. */
@Entity
@Table(name = "WEBSITE_PAGE")
public class Page {

    @Id
    @TableGenerator(name = "PAGE", table = "WEBSITE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PAGE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PAGE")
    public Long id;

    @Column(name = "PARENT_ID")
    public Long parentId;

    @Column(name = "SLUG", nullable = false, length = 80)
    public String slug;

    /** The slugs from the top of the tree, joined by {@code /}: the page's address below the language. */
    @Column(name = "PATH", nullable = false, length = 800)
    public String path;

    @Column(name = "MENU_ORDER", nullable = false)
    public int menuOrder;

    @Column(name = "IN_MENU", nullable = false)
    public boolean inMenu;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
