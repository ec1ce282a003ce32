package org.secretariat.website.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One language version of a page or a news item: the working copy staff edit and preview, and the copy
 * published when they last published it (what the public sees; null while unpublished). Bodies are
 * Markdown.
 */
@Entity
@Table(name = "WEBSITE_TEXT")
public class Text {

    @Id
    @TableGenerator(name = "TEXT", table = "WEBSITE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "TEXT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "TEXT")
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "OWNER_KIND", nullable = false, length = 10)
    public TextOwner ownerKind;

    @Column(name = "OWNER_ID", nullable = false)
    public long ownerId;

    @Column(name = "LANGUAGE", nullable = false, length = 8)
    public String language;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "SUMMARY", length = 500)
    public String summary;

    @Column(name = "BODY", length = 32000)
    public String body;

    @Column(name = "PUBLISHED_TITLE", length = 300)
    public String publishedTitle;

    @Column(name = "PUBLISHED_SUMMARY", length = 500)
    public String publishedSummary;

    @Column(name = "PUBLISHED_BODY", length = 32000)
    public String publishedBody;

    @Column(name = "PUBLISHED_AT")
    public Instant publishedAt;

    @Column(name = "PUBLISHED_BY", length = 100)
    public String publishedBy;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "UPDATED_AT", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    public int version;

    public boolean published() {
        return publishedAt != null;
    }
}
