package org.secretariat.website.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.website.impl.domain.Text;
import org.secretariat.website.impl.domain.TextOwner;

/**
 * The language versions of pages and news, inside the caller's transaction: written as a working copy,
 * published by copying it, unpublished by clearing the copy. Pages and news share this, so their rules
 * are the same.
 */
final class Texts {

    static final int BODY_LIMIT = 32000;

    private final SiteLanguages languages;
    private final Clock clock;

    Texts(SiteLanguages languages, Clock clock) {
        this.languages = languages;
        this.clock = clock;
    }

    Text write(EntityManager em, TextOwner owner, long ownerId, String language, TextInput input, String user) {
        languages.require("language", language);
        if (input == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        String title = Fields.required("title", input.title(), 300);
        String summary = Fields.optional("summary", input.summary(), 500);
        String body = Fields.optional("body", input.body(), BODY_LIMIT);
        Optional<Text> existing = find(em, owner, ownerId, language);
        Text text;
        if (existing.isPresent()) {
            text = existing.get();
            Fields.version(input.version(), text.version, describe(owner, ownerId, language));
        } else {
            text = new Text();
            text.ownerKind = owner;
            text.ownerId = ownerId;
            text.language = language;
        }
        text.title = title;
        text.summary = summary;
        text.body = body;
        text.updatedBy = user;
        text.updatedAt = clock.instant();
        if (existing.isEmpty()) {
            em.persist(text);
        }
        return text;
    }

    Text publish(EntityManager em, TextOwner owner, long ownerId, String language, String user) {
        Text text = require(em, owner, ownerId, language);
        text.publishedTitle = text.title;
        text.publishedSummary = text.summary;
        text.publishedBody = text.body;
        text.publishedAt = clock.instant();
        text.publishedBy = user;
        return text;
    }

    Text unpublish(EntityManager em, TextOwner owner, long ownerId, String language) {
        Text text = require(em, owner, ownerId, language);
        text.publishedTitle = null;
        text.publishedSummary = null;
        text.publishedBody = null;
        text.publishedAt = null;
        text.publishedBy = null;
        return text;
    }

    void delete(EntityManager em, TextOwner owner, long ownerId, String language) {
        em.remove(require(em, owner, ownerId, language));
    }

    void deleteAll(EntityManager em, TextOwner owner, long ownerId) {
        for (Text text : of(em, owner, List.of(ownerId)).getOrDefault(ownerId, List.of())) {
            em.remove(text);
        }
    }

    Optional<Text> find(EntityManager em, TextOwner owner, long ownerId, String language) {
        return em.createQuery("SELECT t FROM Text t WHERE t.ownerKind = :kind AND t.ownerId = :owner AND t.language = :language", Text.class)
                .setParameter("kind", owner).setParameter("owner", ownerId).setParameter("language", language).getResultList().stream()
                .findFirst();
    }

    Text require(EntityManager em, TextOwner owner, long ownerId, String language) {
        languages.require("language", language);
        return find(em, owner, ownerId, language)
                .orElseThrow(() -> DomainException.notFound(describe(owner, ownerId, language) + " does not exist"));
    }

    /** The texts of these owners, by owner, in the order of the working languages. */
    Map<Long, List<Text>> of(EntityManager em, TextOwner owner, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return new HashMap<>();
        }
        List<String> order = languages.all();
        return em.createQuery("SELECT t FROM Text t WHERE t.ownerKind = :kind AND t.ownerId IN :owners", Text.class)
                .setParameter("kind", owner).setParameter("owners", ownerIds).getResultList().stream()
                .sorted((a, b) -> Integer.compare(rank(order, a.language), rank(order, b.language)))
                .collect(Collectors.groupingBy(t -> t.ownerId, Collectors.toList()));
    }

    static TextView view(Text text) {
        String status = !text.published() ? "DRAFT"
                : Objects.equals(text.title, text.publishedTitle) && Objects.equals(text.summary, text.publishedSummary)
                        && Objects.equals(text.body, text.publishedBody) ? "PUBLISHED" : "CHANGED";
        return new TextView(text.language, text.title, text.summary, text.body, status, text.publishedAt, text.publishedBy, text.updatedAt,
                text.updatedBy, text.version);
    }

    private static int rank(List<String> order, String language) {
        int index = order.indexOf(language);
        return index < 0 ? order.size() : index;
    }

    private static String describe(TextOwner owner, long ownerId, String language) {
        return (owner == TextOwner.PAGE ? "Page " : "News item ") + ownerId + " in " + language;
    }
}
