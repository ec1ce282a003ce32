package org.secretariat.website.impl.web;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.secretariat.website.api.WebsiteTheme;
import org.secretariat.website.impl.service.Themes;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.URLTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * FreeMarker, set up once per theme: templates are {@code *.ftlh}, so everything printed is HTML-escaped
 * unless it is {@link org.secretariat.website.impl.service.SafeHtml} printed with {@code ?no_esc}. A
 * theme's template of a name replaces the website's own ({@code /templates/} in this bundle).
 */
@Component(service = Templates.class)
public class Templates {

    static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private final Map<String, Configuration> configurations = new ConcurrentHashMap<>();

    /** The template rendered with the model, in the theme (whose {@code key} says which revision of it). */
    public String render(WebsiteTheme theme, String key, String template, Map<String, Object> model) throws IOException {
        Configuration configuration = configurations.computeIfAbsent(key, k -> {
            if (configurations.size() > 20) {
                configurations.clear();
            }
            return configuration(theme);
        });
        StringWriter out = new StringWriter(8192);
        try {
            configuration.getTemplate(template).process(model, out);
        } catch (TemplateException e) {
            throw new IOException("Template " + template + " of theme " + theme.name() + " failed: " + e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }

    static Configuration configuration(WebsiteTheme theme) {
        Configuration configuration = new Configuration(VERSION);
        TemplateLoader own = new ClassTemplateLoader(Templates.class, "/templates");
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new ThemeTemplates(theme), own}));
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocalizedLookup(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(VERSION).build());
        configuration.setNumberFormat("computer");
        return configuration;
    }

    /** The theme's own templates. */
    private static final class ThemeTemplates extends URLTemplateLoader {
        private final WebsiteTheme theme;

        ThemeTemplates(WebsiteTheme theme) {
            this.theme = theme;
        }

        @Override
        protected URL getURL(String name) {
            return theme.template(name);
        }
    }
}
