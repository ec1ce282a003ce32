package org.secretariat.website.impl.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.website.impl.service.PublicContent;

/** {@code /<lang>/news}: published news, {@value #PAGE_SIZE} a page, newest first; {@code /<lang>/news/<id>}: one item. */
@Component(service = Section.class)
public class NewsSection implements Section {

    static final int PAGE_SIZE = 20;

    private final PublicContent content;
    private final SiteMessages messages;

    @Activate
    public NewsSection(@Reference PublicContent content, @Reference SiteMessages messages) {
        this.content = content;
        this.messages = messages;
    }

    @Override
    public String segment() {
        return "news";
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (request.segments().isEmpty()) {
            int page = pageNumber(request.parameter("page"));
            if (page < 1) {
                return Optional.empty();
            }
            long total = content.newsCount();
            int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            if (page > pages) {
                return Optional.empty();
            }
            List<PublicContent.PublicNews> items = content.news(request.language(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
            return Optional.of(new Answer.Rendered("news.ftlh", messages.get(request.language(), "news.title"),
                    Map.of("items", items, "pageNumber", page, "pages", pages)));
        }
        if (request.segments().size() != 1 || !request.segments().get(0).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return content.newsItem(Long.parseLong(request.segments().get(0)), request.language())
                .map(item -> new Answer.Rendered("news-item.ftlh", item.text().title(), Map.of("item", item)));
    }

    @Override
    public Optional<NavigationEntry> navigation() {
        return Optional.of(new NavigationEntry("news.title", 10));
    }

    @Override
    public Optional<HomeBlock> home(String language) {
        List<PublicContent.PublicNews> latest = content.news(language, 0, 3);
        return latest.isEmpty() ? Optional.empty() : Optional.of(new HomeBlock("home-news.ftlh", 10, Map.of("items", latest)));
    }

    @Override
    public List<String> sitemap() {
        return content.news("en", 0, 1000).stream().map(n -> "news/" + n.id()).collect(Collectors.toList());
    }

    static int pageNumber(String value) {
        if (value == null) {
            return 1;
        }
        return value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : -1;
    }
}
