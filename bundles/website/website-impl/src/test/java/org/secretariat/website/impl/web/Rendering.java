package org.secretariat.website.impl.web;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.secretariat.website.impl.service.Themes;

/** A section's answer rendered with the website's own templates, as the public site renders it, without OSGi. */
final class Rendering {

    private Rendering() {
    }

    static String render(Answer.Rendered answer, String language, SiteMessages messages) throws Exception {
        Map<String, Object> model = new HashMap<>(answer.model());
        model.put("site", site(language, answer.title()));
        model.put("t", messages.of(language));
        StringWriter out = new StringWriter();
        Templates.configuration(Themes.BUILT_IN).getTemplate(answer.template()).process(model, out);
        return out.toString();
    }

    static String renderHome(List<Section.HomeBlock> blocks, String language, SiteMessages messages) throws Exception {
        return render(new Answer.Rendered("home.ftlh", "Convention", Map.of("blocks", blocks)), language, messages);
    }

    private static PublicSite.SiteModel site(String language, String title) {
        return new PublicSite.SiteModel("Convention on Cluster Munitions", "CCM", language, "", title, "/theme/basic/theme.css",
                List.of(new PublicSite.LanguageLink(language, language, "/" + language + "/", true)), List.of(), List.of(), 2026);
    }
}
