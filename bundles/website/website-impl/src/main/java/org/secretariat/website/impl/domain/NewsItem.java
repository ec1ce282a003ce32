package org.secretariat.website.impl.domain;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A news item, dated; its words are its {@link Text}s, one per language. */
@Entity
@Table(name = "WEBSITE_NEWS")
public class NewsItem {

    @Id
    @TableGenerator(name = "NEWS", table = "WEBSITE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "NEWS", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "NEWS")
    public Long id;

    @Column(name = "NEWS_DATE", nullable = false)
    public LocalDate date;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
