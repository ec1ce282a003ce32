package org.secretariat.website.impl.web.meetings;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.Section;
import org.secretariat.website.impl.web.SiteRequest;

/**
 * {@code /documents/<documentId>/<language>}: the current file of a public document's language version,
 * streamed byte for byte as uploaded, with its SHA-256 as ETag, its media type and its file name.
 * The address has no site language in front: the file is the same whatever the page's language, so it
 * has one address (and one cache entry in browsers and proxies); {@code /en/documents/...} is 404.
 * The language is the file's, lower case ({@code /documents/12/fr}). Anything not public is 404.
 */
@Component(service = Section.class, enabled = false)
public class DocumentsSection implements Section {

    static final String SEGMENT = "documents";

    private final MeetingCalendar calendar;

    @Activate
    public DocumentsSection(@Reference MeetingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        List<String> segments = request.segments();
        if (request.languageInPath() || segments.size() != 2 || !segments.get(0).matches("[0-9]{1,18}") || !segments.get(1).matches("[a-z]{2,3}")) {
            return Optional.empty();
        }
        return calendar.publicDocumentFile(Long.parseLong(segments.get(0)), segments.get(1))
                .map(file -> new Answer.Stream(file.mediaType(), file.size(), file.sha256(), file.lastModified(), file.fileName(), file::open));
    }
}
