package org.secretariat.website.impl.web;

import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.finance.api.PublishedContributions;

/**
 * Turns the status page on while the contacts module's {@link StateDirectory} is there, and the
 * contributions page while the finance module's {@link PublishedContributions} is. Each section is a
 * component with a mandatory reference to its module's service, declared disabled: an enabled
 * component waiting for a service is a fault for the platform (health DOWN, and the website's install
 * refused for a component not satisfied), a disabled one is simply not there. So the website installs
 * and runs without either module, and each page comes and goes with its module.
 */
@Component(immediate = true)
public class ModuleParts {

    private final ComponentContext context;
    private final Set<Object> directories = new HashSet<>();
    private final Set<Object> publications = new HashSet<>();

    @Activate
    public ModuleParts(ComponentContext context) {
        this.context = context;
    }

    @Reference(service = StateDirectory.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addDirectory(ServiceReference<StateDirectory> directory) {
        if (directories.add(directory.getProperty(Constants.SERVICE_ID)) && directories.size() == 1) {
            context.enableComponent(StatusSection.class.getName());
        }
    }

    synchronized void removeDirectory(ServiceReference<StateDirectory> directory) {
        if (directories.remove(directory.getProperty(Constants.SERVICE_ID)) && directories.isEmpty()) {
            context.disableComponent(StatusSection.class.getName());
        }
    }

    @Reference(service = PublishedContributions.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addPublications(ServiceReference<PublishedContributions> published) {
        if (publications.add(published.getProperty(Constants.SERVICE_ID)) && publications.size() == 1) {
            context.enableComponent(ContributionsSection.class.getName());
        }
    }

    synchronized void removePublications(ServiceReference<PublishedContributions> published) {
        if (publications.remove(published.getProperty(Constants.SERVICE_ID)) && publications.isEmpty()) {
            context.disableComponent(ContributionsSection.class.getName());
        }
    }
}
