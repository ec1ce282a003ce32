package org.secretariat.website.impl.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A working copy as it will read once published: the same Markdown rendering and sanitising as the public site. */
@Component(service = Preview.class)
public class Preview {

    public record Rendered(String language, String title, String summary, String html) {
    }

    private final Markdown markdown;

    @Activate
    public Preview(@Reference Markdown markdown) {
        this.markdown = markdown;
    }

    public Rendered of(TextView text) {
        return new Rendered(text.language(), text.title(), text.summary(), markdown.render(text.body()).html());
    }
}
