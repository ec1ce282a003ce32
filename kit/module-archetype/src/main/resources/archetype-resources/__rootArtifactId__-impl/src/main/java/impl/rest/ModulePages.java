#set( $Entities = $entities.substring(0, 1).toUpperCase() + $entities.substring(1) )
package ${package}.impl.rest;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/**
 * The module's page in the staff app, at {@code /app/#/${moduleId}}, for those who may read. Its script
 * is {@code web/${moduleId}.js}; its strings are in {@code web/i18n/<language>.json}. Menu labels in
 * other languages: {@code .label("fr", "...")}.
 */
@Component
public class ModulePages implements WebContribution {

    @Override
    public List<WebPage> pages() {
        return List.of(WebPage.of("${moduleId}", "${moduleId}.js", "${Entities}").permission(ModulePermissions.READ));
    }
}
