package org.secretariat.meetings.impl.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.Decision;
import org.secretariat.meetings.impl.domain.DecisionKind;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Decisions and recommendations of a meeting, numbered per meeting in order of entry (1, 2, ...), on
 * one of the profile's thematic areas. Those marked as established practice (adopted on a date) make
 * the register of established practice across meetings.
 */
@Component(service = Decisions.class)
public class Decisions {

    /** A decision as the API takes it. */
    public record Input(DecisionKind kind, String title, String text, Long agendaItemId, LocalDate adoptedOn, String theme,
            Boolean establishedPractice, Integer version) {
    }

    /** A decision as the API shows it. */
    public record View(Long id, long meetingId, int number, DecisionKind kind, String title, String text, Long agendaItemId,
            LocalDate adoptedOn, String theme, boolean establishedPractice, int version) {
        static View of(Decision decision) {
            return new View(decision.id, decision.meetingId, decision.number, decision.kind, decision.title, decision.text,
                    decision.agendaItemId, decision.adoptedOn, decision.theme, decision.establishedPractice, decision.version);
        }
    }

    /** The register's filters; null where none was asked for. */
    public record PracticeFilter(String theme, Integer year, String text) {
    }

    /** A decision of the register, with the meeting that adopted it. */
    public record PracticeEntry(@JsonUnwrapped View decision, String meetingTitle, String meetingType, Integer meetingNumber) {
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Agenda agenda;
    private final ConventionProfile profile;
    private final Announcements announcements;

    @Activate
    public Decisions(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Agenda agenda, @Reference ConventionProfile profile, @Reference Announcements announcements) {
        this.factory = factory;
        this.meetings = meetings;
        this.agenda = agenda;
        this.profile = profile;
        this.announcements = announcements;
    }

    /** The decision of that meeting, or not found. */
    public Decision require(EntityManager em, long meetingId, long decisionId) {
        Decision decision = em.find(Decision.class, decisionId);
        if (decision == null || decision.meetingId != meetingId) {
            throw DomainException.notFound("No decision " + decisionId + " in meeting " + meetingId);
        }
        return decision;
    }

    public List<View> list(long meetingId) {
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            return em.createQuery("SELECT d FROM Decision d WHERE d.meetingId = :meeting ORDER BY d.number", Decision.class)
                    .setParameter("meeting", meetingId).getResultList().stream().map(View::of).collect(Collectors.toList());
        });
    }

    /** Records a decision under the meeting's next number. */
    public View add(long meetingId, Input body) {
        View created = Transactions.inTransaction(factory, em -> {
            meetings.require(em, meetingId);
            Decision decision = new Decision();
            decision.meetingId = meetingId;
            Integer highest = em.createQuery("SELECT MAX(d.number) FROM Decision d WHERE d.meetingId = :meeting", Integer.class)
                    .setParameter("meeting", meetingId).getSingleResult();
            decision.number = highest == null ? 1 : highest + 1;
            apply(em, body, decision);
            em.persist(decision);
            em.flush();
            return View.of(decision);
        });
        announcements.meetingChanged(meetingId);
        return created;
    }

    public View update(long meetingId, long decisionId, Input body) {
        return Transactions.inTransaction(factory, em -> {
            Decision decision = require(em, meetingId, decisionId);
            Fields.version(body == null ? null : body.version(), decision.version, "Decision " + decisionId);
            apply(em, body, decision);
            em.flush();
            return View.of(decision);
        });
    }

    private void apply(EntityManager em, Input body, Decision decision) {
        if (body == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        decision.kind = body.kind() == null ? DecisionKind.DECISION : body.kind();
        decision.title = Fields.required("title", body.title(), 500);
        decision.text = Fields.required("text", body.text(), 16000);
        if (body.agendaItemId() != null) {
            agenda.require(em, decision.meetingId, body.agendaItemId());
        }
        decision.agendaItemId = body.agendaItemId();
        decision.adoptedOn = body.adoptedOn();
        decision.theme = theme(body.theme());
        decision.establishedPractice = Boolean.TRUE.equals(body.establishedPractice());
        if (decision.establishedPractice && decision.adoptedOn == null) {
            throw DomainException.invalid("adoptedOn", "established practice is a decision adopted on a date: give adoptedOn");
        }
    }

    /** The register of established practice, newest first. */
    public Page<PracticeEntry> practice(PracticeFilter filter, PageRequest request) {
        List<String> conditions = new ArrayList<>(List.of("d.establishedPractice = :yes", "m.id = d.meetingId"));
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("yes", Boolean.TRUE));
        if (filter.theme() != null && !filter.theme().isBlank()) {
            conditions.add("d.theme = :theme");
            parameters.put("theme", theme(filter.theme()));
        }
        if (filter.year() != null) {
            conditions.add("d.adoptedOn >= :from AND d.adoptedOn < :to");
            parameters.put("from", LocalDate.of(filter.year(), 1, 1));
            parameters.put("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(LOWER(d.title) LIKE :text ESCAPE '\\' OR LOWER(d.text) LIKE :text ESCAPE '\\')");
            parameters.put("text", LikePatterns.containing(filter.text().trim().toLowerCase(Locale.ROOT)));
        }
        String where = " FROM Decision d, Meeting m WHERE " + String.join(" AND ", conditions);
        return Transactions.read(factory, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(d)" + where, Long.class);
            TypedQuery<Object[]> rows = em.createQuery("SELECT d, m" + where + " ORDER BY d.adoptedOn DESC, d.id DESC", Object[].class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                rows.setParameter(name, value);
            });
            List<PracticeEntry> entries = new ArrayList<>();
            for (Object[] row : rows.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()) {
                Meeting meeting = (Meeting) row[1];
                entries.add(new PracticeEntry(View.of((Decision) row[0]), meeting.title, meeting.type, meeting.number));
            }
            return Page.of(entries, count.getSingleResult(), request);
        });
    }

    /** The profile's thematic area named (in any case), or null for none. */
    private String theme(String theme) {
        if (theme == null || theme.isBlank()) {
            return null;
        }
        for (String area : profile.thematicAreas()) {
            if (area.equalsIgnoreCase(theme.trim())) {
                return area;
            }
        }
        throw DomainException.invalid("theme", "theme must be one of the convention's thematic areas: " + profile.thematicAreas());
    }
}
