package org.secretariat.meetings.impl;

import java.time.Instant;
import java.time.LocalDate;

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

/** One uploaded file: a language version (and revision) of a document. The bytes live in the file store under the checksum. */
@Entity
@Table(name = "MEETINGS_DOCUMENT_FILE")
class DocumentFile {

    @Id
    @TableGenerator(name = "DOCUMENT_FILE", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "DOCUMENT_FILE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DOCUMENT_FILE")
    Long id;

    @Column(name = "DOCUMENT_ID", nullable = false)
    long documentId;

    @Column(name = "LANGUAGE", nullable = false, length = 8)
    String language;

    @Column(name = "REVISION", nullable = false)
    int revision;

    @Column(name = "FILE_NAME", nullable = false, length = 255)
    String fileName;

    @Column(name = "CONTENT_TYPE", nullable = false, length = 100)
    String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    long size;

    @Column(name = "SHA256", nullable = false, length = 64)
    String sha256;

    @Column(name = "UPLOADED_AT", nullable = false)
    Instant uploadedAt;

    @Column(name = "UPLOADED_BY", nullable = false, length = 100)
    String uploadedBy;
}
