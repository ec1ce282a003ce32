package org.secretariat.website.impl.web;

import java.nio.file.Files;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.website.impl.service.Media;

/**
 * {@code /media/<id>/<name>}: an image or attachment staff uploaded, while a published page or news
 * item links to it; otherwise (not linked yet, linked only from a draft, another name) 404. Images are
 * shown inline, attachments downloaded; the checksum is the ETag.
 */
@Component(service = Section.class)
public class MediaSection implements Section {

    private final Media media;

    @Activate
    public MediaSection(@Reference Media media) {
        this.media = media;
    }

    @Override
    public String segment() {
        return "media";
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (request.segments().size() != 2 || !request.segments().get(0).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return media.published(Long.parseLong(request.segments().get(0)), request.segments().get(1))
                .map(file -> new Answer.Stream(file.mediaType(), file.size(), file.sha256(), file.uploadedAt(), file.fileName(), file.image(),
                        () -> Files.newInputStream(file.path())));
    }
}
