package org.secretariat.website.impl.web.meetings;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.secretariat.website.impl.service.Themes;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.PublicSite;
import org.secretariat.website.impl.web.SiteMessages;
import org.secretariat.website.impl.web.Templates;

/** A rendered answer's HTML, with the site's common parts as the public site adds them, in the built-in look. */
public final class Rendering {

    private final Templates templates = new Templates();
    private final SiteMessages messages = new SiteMessages();

    public String html(Answer answer, String language, String path) throws IOException {
        Answer.Rendered rendered = (Answer.Rendered) answer;
        Map<String, Object> model = new HashMap<>(rendered.model());
        model.put("site", new PublicSite.SiteModel("Convention on Cluster Munitions", "CCM", language, path, rendered.title(),
                "/theme/basic/theme.css", List.of(new PublicSite.LanguageLink("en", "English", "/en/" + path, "en".equals(language)),
                        new PublicSite.LanguageLink("fr", "Français", "/fr/" + path, "fr".equals(language))),
                List.of(), List.of(), 2026));
        model.put("t", messages.of(language));
        return templates.render(Themes.BUILT_IN, "basic#test", rendered.template(), model);
    }
}
