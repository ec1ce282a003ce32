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

/** An image or attachment staff uploaded for pages and news; the bytes are in the file store under the checksum. */
@Entity
@Table(name = "WEBSITE_MEDIA")
public class MediaFile {

    @Id
    @TableGenerator(name = "MEDIA", table = "WEBSITE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MEDIA", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MEDIA")
    public Long id;

    @Column(name = "FILE_NAME", nullable = false, length = 200)
    public String fileName;

    @Column(name = "MEDIA_TYPE", nullable = false, length = 100)
    public String mediaType;

    @Column(name = "BYTE_SIZE", nullable = false)
    public long size;

    @Column(name = "SHA256", nullable = false, length = 64)
    public String sha256;

    @Column(name = "UPLOADED_BY", nullable = false, length = 100)
    public String uploadedBy;

    @Column(name = "UPLOADED_AT", nullable = false)
    public Instant uploadedAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
