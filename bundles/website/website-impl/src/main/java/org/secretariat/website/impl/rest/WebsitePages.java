package org.secretariat.website.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/** The website's pages in the staff app: the tree of pages, the news, and the theme the site wears. */
@Component
public class WebsitePages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(
                WebPage.of("website-pages", "pages.js", "Website pages").label("fr", "Pages du site").label("es", "Páginas del sitio")
                        .permission(WebsitePermissions.CONTENT_READ),
                WebPage.of("website-news", "news.js", "News").label("fr", "Actualités").label("es", "Noticias")
                        .permission(WebsitePermissions.CONTENT_READ),
                // Reading the themes is content.read, but the page is only there to switch: offered to those who may.
                WebPage.of("website-theme", "theme.js", "Website theme").label("fr", "Thème du site").label("es", "Tema del sitio")
                        .permission(WebsitePermissions.THEME_WRITE));
    }
}
