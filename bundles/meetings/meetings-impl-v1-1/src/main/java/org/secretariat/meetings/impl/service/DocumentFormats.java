package org.secretariat.meetings.impl.service;

import java.util.Map;

/** The document types the module accepts (PDF, Word .docx and the old .doc, OpenDocument text) and the file extension of each. */
public final class DocumentFormats {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String DOC = "application/msword";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final Map<String, String> EXTENSIONS = Map.of(PDF, "pdf", DOCX, "docx", DOC, "doc", ODT, "odt");

    private DocumentFormats() {
    }

    public static String extension(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, "bin");
    }
}
