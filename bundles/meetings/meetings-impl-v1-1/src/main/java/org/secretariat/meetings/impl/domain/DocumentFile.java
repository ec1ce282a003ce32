package org.secretariat.meetings.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One uploaded file: a language version (and revision) of a document. The bytes live in the file store under the checksum. */
@Entity
@Table(name = "MEETINGS_DOCUMENT_FILE")
public class DocumentFile {

    @Id
    @TableGenerator(name = "DOCUMENT_FILE", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "DOCUMENT_FILE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DOCUMENT_FILE")
    public Long id;

    @Column(name = "DOCUMENT_ID", nullable = false)
    public long documentId;

    @Column(name = "LANGUAGE", nullable = false, length = 8)
    public String language;

    @Column(name = "REVISION", nullable = false)
    public int revision;

    @Column(name = "FILE_NAME", nullable = false, length = 255)
    public String fileName;

    @Column(name = "CONTENT_TYPE", nullable = false, length = 100)
    public String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    public long size;

    @Column(name = "SHA256", nullable = false, length = 64)
    public String sha256;

    @Column(name = "UPLOADED_AT", nullable = false)
    public Instant uploadedAt;

    @Column(name = "UPLOADED_BY", nullable = false, length = 100)
    public String uploadedBy;
}
