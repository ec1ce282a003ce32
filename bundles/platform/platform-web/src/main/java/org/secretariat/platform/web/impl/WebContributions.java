package org.secretariat.platform.web.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Role;
import org.secretariat.platform.api.web.DashboardCard;
import org.secretariat.platform.api.web.DashboardContribution;
import org.secretariat.platform.api.web.WebContribution;
import org.secretariat.platform.api.web.WebPage;

/**
 * The pages and dashboard cards that installed bundles contribute, kept with the bundle that serves their files. A
 * contribution comes and goes with its service, so a module's menu entries and assets vanish when
 * it is uninstalled and return when it is installed again.
 */
@Component(service = WebContributions.class)
public class WebContributions {

    private static final Logger LOG = Logger.getLogger(WebContributions.class.getName());

    /** A contributed page with the bundle whose {@code web/} folder holds its script. */
    static final class ContributedPage {
        final WebPage page;
        final Bundle bundle;
        final String module;

        ContributedPage(WebPage page, Bundle bundle) {
            this.page = page;
            this.bundle = bundle;
            String header = bundle.getHeaders().get("Secretariat-Module");
            this.module = header == null ? bundle.getSymbolicName() : header;
        }

        String scriptUrl() {
            return ShellServlet.MODULES_PATH + bundle.getSymbolicName() + "/" + page.script();
        }
    }

    /** A contributed dashboard card with the bundle whose {@code web/} folder holds its script. */
    static final class ContributedCard {
        final DashboardCard card;
        final Bundle bundle;
        final String module;

        ContributedCard(DashboardCard card, Bundle bundle) {
            this.card = card;
            this.bundle = bundle;
            String header = bundle.getHeaders().get("Secretariat-Module");
            this.module = header == null ? bundle.getSymbolicName() : header;
        }

        String scriptUrl() {
            return ShellServlet.MODULES_PATH + bundle.getSymbolicName() + "/" + card.script();
        }
    }

    private final Map<ServiceReference<WebContribution>, List<ContributedPage>> contributions = new ConcurrentHashMap<>();
    private final Map<ServiceReference<DashboardContribution>, List<ContributedCard>> cardContributions = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(ServiceReference<WebContribution> reference, WebContribution contribution) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        List<ContributedPage> pages = new ArrayList<>();
        try {
            for (WebPage page : contribution.pages()) {
                pages.add(new ContributedPage(page, bundle));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring the web pages of " + bundle.getSymbolicName() + ": " + e.getMessage());
            return;
        }
        contributions.put(reference, pages);
    }

    void removeContribution(ServiceReference<WebContribution> reference) {
        contributions.remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCards(ServiceReference<DashboardContribution> reference, DashboardContribution contribution) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        List<ContributedCard> cards = new ArrayList<>();
        try {
            for (DashboardCard card : contribution.cards()) {
                cards.add(new ContributedCard(card, bundle));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring the dashboard cards of " + bundle.getSymbolicName() + ": " + e.getMessage());
            return;
        }
        cardContributions.put(reference, cards);
    }

    void removeCards(ServiceReference<DashboardContribution> reference) {
        cardContributions.remove(reference);
    }

    /** The cards this user may see, by service ranking then age; a duplicate card id keeps the first. */
    List<ContributedCard> cardsFor(AuthenticatedUser user, Authorization authorization) {
        List<ServiceReference<DashboardContribution>> references = new ArrayList<>(cardContributions.keySet());
        references.sort(Comparator.reverseOrder());
        List<ContributedCard> visible = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ServiceReference<DashboardContribution> reference : references) {
            for (ContributedCard contributed : cardContributions.getOrDefault(reference, List.of())) {
                DashboardCard card = contributed.card;
                if (visibleTo(user, authorization, card.roles(), card.permission()) && ids.add(card.id())) {
                    visible.add(contributed);
                }
            }
        }
        return visible;
    }

    private static boolean visibleTo(AuthenticatedUser user, Authorization authorization, Set<Role> roles, String permission) {
        boolean roleOk = roles.isEmpty() || roles.stream().anyMatch(user::hasRole);
        return roleOk && (permission == null || authorization.isPermitted(user, permission));
    }

    /** The pages this user may see, sections in order, pages in contribution order; a duplicate page id keeps the first. */
    List<ContributedPage> pagesFor(AuthenticatedUser user, Authorization authorization) {
        List<ServiceReference<WebContribution>> references = new ArrayList<>(contributions.keySet());
        references.sort(Comparator.reverseOrder()); // highest ranking first, then oldest
        List<ContributedPage> visible = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ServiceReference<WebContribution> reference : references) {
            for (ContributedPage contributed : contributions.getOrDefault(reference, List.of())) {
                WebPage page = contributed.page;
                if (visibleTo(user, authorization, page.roles(), page.permission()) && ids.add(page.id())) {
                    visible.add(contributed);
                }
            }
        }
        visible.sort(Comparator.comparing((ContributedPage p) -> WebPage.SECTION_ADMINISTRATION.equals(p.page.section()) ? 1 : 0));
        return visible;
    }

    /** The bundle of a live contribution with this symbolic name, whose {@code web/} folder may be served. */
    Optional<Bundle> contributingBundle(String symbolicName) {
        for (List<ContributedPage> pages : contributions.values()) {
            for (ContributedPage page : pages) {
                if (page.bundle.getSymbolicName().equals(symbolicName)) {
                    return Optional.of(page.bundle);
                }
            }
        }
        for (List<ContributedCard> cards : cardContributions.values()) {
            for (ContributedCard card : cards) {
                if (card.bundle.getSymbolicName().equals(symbolicName)) {
                    return Optional.of(card.bundle);
                }
            }
        }
        return Optional.empty();
    }
}
