package org.secretariat.expertise.impl.service;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.expertise.api.PublicOffer;
import org.secretariat.expertise.api.PublicOffers;
import org.secretariat.expertise.impl.domain.Codes;
import org.secretariat.expertise.impl.domain.Offer;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * What States and organisations can provide (the assistance and cooperation database's offers). An offer
 * is either a State's (by ISO code) or an organisation's (by name), never both. Those marked public are
 * offered to other modules as {@link PublicOffers} (the website lists them).
 */
@Component(service = {Offers.class, PublicOffers.class})
public class Offers implements PublicOffers {

    public record Input(String stateIso2, String organisation, String theme, String kind, List<String> languages, List<String> regions,
            String description, Boolean isPublic, Integer version) {
    }

    public record View(long id, String stateIso2, String organisation, String provider, String theme, String kind, List<String> languages,
            List<String> regions, String description, boolean isPublic, int version) {
    }

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Offers(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference ConventionProfile profile,
            @Reference Partners partners) {
        this(factory, profile, partners, Clock.systemUTC());
    }

    public Offers(EntityManagerFactory factory, ConventionProfile profile, Partners partners, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.partners = partners;
        this.clock = clock;
    }

    public View create(Input input) {
        return Transactions.inTransaction(factory, em -> {
            Offer offer = new Offer();
            offer.createdAt = clock.instant();
            apply(offer, input);
            em.persist(offer);
            em.flush();
            return view(offer);
        });
    }

    public View update(long id, Input input) {
        return Transactions.inTransaction(factory, em -> {
            Offer offer = require(em, id);
            Fields.version(input == null ? null : input.version(), offer.version, "Offer " + id);
            apply(offer, input);
            em.flush();
            return view(offer);
        });
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(require(em, id)));
    }

    public void delete(long id) {
        Transactions.inTransaction(factory, em -> {
            em.remove(require(em, id));
            return null;
        });
    }

    /** Every offer (staff), by theme then id; only those of {@code theme} when given. */
    public List<View> list(String theme) {
        return Transactions.read(factory, em -> query(em, theme, false).stream().map(this::view).collect(Collectors.toList()));
    }

    @Override
    public List<PublicOffer> offers(String theme) {
        return Transactions.read(factory, em -> query(em, theme, true).stream()
                .map(o -> new PublicOffer(o.id, provider(o), o.stateIso2, o.theme, o.kind.name(), Codes.split(o.languages), Codes.split(o.regions),
                        o.description))
                .collect(Collectors.toList()));
    }

    private static List<Offer> query(EntityManager em, String theme, boolean publicOnly) {
        // the public flag is compared in Java: a boolean literal or parameter in JPQL meets Derby's BOOLEAN badly
        javax.persistence.TypedQuery<Offer> query = em.createQuery(
                "SELECT o FROM Offer o" + (theme == null ? "" : " WHERE o.theme = :theme") + " ORDER BY o.theme, o.id", Offer.class);
        if (theme != null) {
            query.setParameter("theme", theme.trim());
        }
        List<Offer> offers = query.getResultList();
        return publicOnly ? offers.stream().filter(o -> o.publicOffer).collect(Collectors.toList()) : offers;
    }

    private void apply(Offer offer, Input input) {
        if (input == null) {
            throw DomainException.invalid("theme", "a JSON body is required");
        }
        boolean state = input.stateIso2() != null && !input.stateIso2().isBlank();
        boolean organisation = input.organisation() != null && !input.organisation().isBlank();
        if (state == organisation) {
            throw DomainException.invalid("stateIso2", "an offer is made by a State (stateIso2) or by an organisation (organisation), one of the two");
        }
        offer.stateIso2 = state ? partners.stateCode("stateIso2", input.stateIso2()) : null;
        offer.organisation = organisation ? Fields.required("organisation", input.organisation().trim(), 300) : null;
        offer.theme = Terms.theme("theme", input.theme(), profile);
        offer.kind = Terms.kind("kind", input.kind());
        offer.languages = Codes.join(Terms.languages("languages", input.languages()));
        offer.regions = Codes.join(Terms.regions("regions", input.regions()));
        offer.description = Fields.required("description", input.description(), 4000);
        offer.publicOffer = Boolean.TRUE.equals(input.isPublic());
    }

    private String provider(Offer offer) {
        return offer.stateIso2 != null ? partners.stateName(offer.stateIso2) : offer.organisation;
    }

    private static Offer require(EntityManager em, long id) {
        Offer offer = em.find(Offer.class, id);
        if (offer == null) {
            throw DomainException.notFound("No offer " + id);
        }
        return offer;
    }

    private View view(Offer o) {
        return new View(o.id, o.stateIso2, o.organisation, provider(o), o.theme, o.kind.name(), Codes.split(o.languages), Codes.split(o.regions),
                o.description, o.publicOffer, o.version);
    }
}
