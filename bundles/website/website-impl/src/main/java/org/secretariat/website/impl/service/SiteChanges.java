package org.secretariat.website.impl.service;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Tells whoever listens (the public site's cache first) that the website's content changed, as the
 * other modules do with their own topics. Posted after the change is committed.
 */
@Component(service = SiteChanges.class)
public class SiteChanges {

    /** Content of the website changed: a page, a news item, a medium, the theme. */
    public static final String CHANGED = "org/secretariat/website/CHANGED";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    public void changed(String what) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(CHANGED, Map.of("what", what)));
        }
    }
}
