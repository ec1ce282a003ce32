package org.secretariat.website.impl.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.website.impl.service.PublicContent;

/** Staff's pages, at their path below the language: whatever no other section answers. */
@Component(service = Section.class, property = "website.section=pages")
public class PageSection implements Section {

    private final PublicContent content;

    @Activate
    public PageSection(@Reference PublicContent content) {
        this.content = content;
    }

    @Override
    public String segment() {
        return "";
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (request.segments().isEmpty()) {
            return Optional.empty();
        }
        return content.page(request.rest(), request.language())
                .map(page -> new Answer.Rendered("page.ftlh", page.text().title(), Map.of("page", page)));
    }

    @Override
    public List<String> sitemap() {
        return content.publishedPagePaths();
    }
}
