package org.secretariat.expertise.impl.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.expertise.impl.domain.Codes;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.expertise.impl.domain.ExpertiseRequest;
import org.secretariat.expertise.impl.domain.RequestNote;
import org.secretariat.expertise.impl.domain.RequestStatus;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * States' requests for expertise, their workflow (received → matched → contacted → delivered →
 * evaluated, each step dated and noted; a step out of that order is a conflict) and their candidates.
 */
@Component(service = Requests.class)
public class Requests {

    /** A request as the API takes it; {@code receivedOn} defaults to today; {@code version} to change one. */
    public record Input(String stateIso2, String theme, String language, String region, String kind, String description, LocalDate receivedOn,
            LocalDate deadline, Integer version) {
    }

    /**
     * A step of the workflow: the status to go to, the day (today when null), a note, the expert chosen
     * (required to go to MATCHED) and the version read.
     */
    public record Step(String status, LocalDate date, String note, Long expertId, Integer version) {
    }

    public record Note(RequestStatus status, String note, String writtenBy, java.time.Instant writtenAt) {
    }

    public record View(long id, String stateIso2, String state, String theme, String language, String region, String kind, String description,
            LocalDate receivedOn, LocalDate deadline, RequestStatus status, List<RequestStatus> next, Long expertId, String expertName,
            LocalDate matchedOn, LocalDate contactedOn, LocalDate deliveredOn, LocalDate evaluatedOn, List<Note> notes, int version) {
    }

    /** The ranked candidates of a request, with the window they were ranked for. */
    public record Matches(long requestId, LocalDate windowStart, LocalDate windowEnd, List<Ranking.Candidate> candidates) {
    }

    public static final Set<String> SORTABLE = Set.of("receivedOn", "deadline", "status", "theme", "id");

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Requests(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference ConventionProfile profile,
            @Reference Partners partners) {
        this(factory, profile, partners, Clock.systemUTC());
    }

    public Requests(EntityManagerFactory factory, ConventionProfile profile, Partners partners, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.partners = partners;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    public View create(Input input, String user) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            ExpertiseRequest request = new ExpertiseRequest();
            apply(request, checked);
            request.status = RequestStatus.RECEIVED;
            em.persist(request);
            em.flush();
            note(em, request, RequestStatus.RECEIVED, null, user);
            return view(em, request);
        });
    }

    /** Changes what was asked (not the workflow: see {@link #step}). */
    public View update(long id, Input input) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            ExpertiseRequest request = require(em, id);
            Fields.version(input.version(), request.version, "Request " + id);
            apply(request, checked);
            em.flush();
            return view(em, request);
        });
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    public Page<View> list(String status, String theme, Integer year, PageRequest page) {
        RequestStatus wanted = status == null ? null : parseStatus("status", status);
        return Transactions.read(factory, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            if (wanted != null) {
                where.append(" AND r.status = :status");
                parameters.put("status", wanted);
            }
            if (theme != null) {
                where.append(" AND r.theme = :theme");
                parameters.put("theme", theme.trim());
            }
            if (year != null) {
                where.append(" AND r.receivedOn >= :from AND r.receivedOn < :to");
                parameters.put("from", LocalDate.of(year, 1, 1));
                parameters.put("to", LocalDate.of(year + 1, 1, 1));
            }
            String order = " ORDER BY r." + page.sortField() + (page.ascending() ? " ASC" : " DESC") + ", r.id DESC";
            TypedQuery<ExpertiseRequest> query = em.createQuery("SELECT r FROM ExpertiseRequest r" + where + order, ExpertiseRequest.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ExpertiseRequest r" + where, Long.class);
            parameters.forEach((name, value) -> {
                query.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<View> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream().map(r -> view(em, r))
                    .collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    /** Moves a request on (or back to RECEIVED when the chosen expert declines); a step out of order is a conflict. */
    public View step(long id, Step step, String user) {
        if (step == null) {
            throw DomainException.invalid("status", "a JSON body is required");
        }
        RequestStatus to = parseStatus("status", step.status());
        String note = Fields.optional("note", step.note(), 4000);
        LocalDate day = step.date() == null ? today() : step.date();
        if (day.isAfter(today())) {
            throw DomainException.invalid("date", "date is in the future");
        }
        return Transactions.inTransaction(factory, em -> {
            ExpertiseRequest request = require(em, id);
            Fields.version(step.version(), request.version, "Request " + id);
            if (!request.status.next().contains(to)) {
                throw DomainException.conflict("Request " + id + " is " + request.status + ": it goes to "
                        + (request.status.next().isEmpty() ? "no other status" : request.status.next().stream().map(Enum::name).sorted()
                                .collect(Collectors.joining(" or ")))
                        + ", not to " + to);
            }
            if (day.isBefore(request.receivedOn)) {
                throw DomainException.invalid("date", "date is before the request was received (" + request.receivedOn + ")");
            }
            switch (to) {
                case MATCHED:
                    if (step.expertId() == null) {
                        throw DomainException.invalid("expertId", "expertId is required: the expert chosen for the request");
                    }
                    Expert expert = Experts.require(em, step.expertId());
                    if (Retention.hidden(expert, today())) {
                        throw DomainException.invalid("expertId", "expert " + expert.id + "'s profile is past its retention date");
                    }
                    request.expertId = expert.id;
                    request.matchedOn = day;
                    break;
                case CONTACTED:
                    request.contactedOn = day;
                    break;
                case DELIVERED:
                    request.deliveredOn = day;
                    break;
                case EVALUATED:
                    request.evaluatedOn = day;
                    break;
                case RECEIVED:
                    // the chosen expert declined: the request is matched again from its candidates
                    request.expertId = null;
                    request.matchedOn = null;
                    request.contactedOn = null;
                    break;
                default:
                    throw new IllegalStateException(to.name());
            }
            request.status = to;
            note(em, request, to, note, user);
            em.flush();
            return view(em, request);
        });
    }

    /** The candidates for a request, ranked (see {@link Ranking}). */
    public Matches matches(long id) {
        LocalDate today = today();
        return Transactions.read(factory, em -> {
            ExpertiseRequest request = require(em, id);
            LocalDate start = request.receivedOn.isAfter(today) ? request.receivedOn : today;
            Ranking.Wanted wanted = new Ranking.Wanted(request.theme, request.language, request.region.name(), request.kind.name(), start,
                    request.deadline);
            List<Expert> experts = em.createQuery("SELECT e FROM Expert e WHERE e.themes LIKE :theme ESCAPE '\\' AND e.retainUntil >= :today",
                    Expert.class).setParameter("theme", Codes.member(org.secretariat.platform.api.persistence.LikePatterns.literal(request.theme)))
                    .setParameter("today", today).getResultList();
            Map<Long, Integer> open = new HashMap<>();
            em.createQuery("SELECT r.expertId, COUNT(r) FROM ExpertiseRequest r WHERE r.expertId IS NOT NULL AND r.id <> :id"
                    + " AND r.status IN :open GROUP BY r.expertId", Object[].class).setParameter("id", id)
                    .setParameter("open", List.of(RequestStatus.MATCHED, RequestStatus.CONTACTED)).getResultList()
                    .forEach(row -> open.put((Long) row[0], ((Number) row[1]).intValue()));
            List<Ranking.Profile> profiles = experts.stream()
                    .map(e -> new Ranking.Profile(e.id, e.name, e.organisation, Codes.split(e.themes), Codes.split(e.languages), Codes.split(e.regions),
                            Codes.split(e.kinds), Experts.windows(em, e.id), e.retainUntil, open.getOrDefault(e.id, 0)))
                    .collect(Collectors.toList());
            return new Matches(id, start, request.deadline, Ranking.rank(wanted, profiles, today));
        });
    }

    private record Checked(String state, String theme, String language, String region, String kind, String description, LocalDate receivedOn,
            LocalDate deadline) {
    }

    private Checked check(Input input) {
        if (input == null) {
            throw DomainException.invalid("stateIso2", "a JSON body is required");
        }
        String state = partners.stateCode("stateIso2", input.stateIso2());
        String theme = Terms.theme("theme", input.theme(), profile);
        String language = Terms.language("language", input.language());
        String region = Terms.region("region", input.region()).name();
        String kind = Terms.kind("kind", input.kind()).name();
        String description = Fields.required("description", input.description(), 4000);
        LocalDate received = input.receivedOn() == null ? today() : input.receivedOn();
        if (received.isAfter(today())) {
            throw DomainException.invalid("receivedOn", "receivedOn is in the future");
        }
        if (input.deadline() != null && input.deadline().isBefore(received)) {
            throw DomainException.invalid("deadline", "deadline is before receivedOn");
        }
        return new Checked(state, theme, language, region, kind, description, received, input.deadline());
    }

    private static void apply(ExpertiseRequest request, Checked checked) {
        request.stateIso2 = checked.state;
        request.theme = checked.theme;
        request.language = checked.language;
        request.region = org.secretariat.expertise.impl.domain.Region.valueOf(checked.region);
        request.kind = org.secretariat.expertise.impl.domain.HelpKind.valueOf(checked.kind);
        request.description = checked.description;
        request.receivedOn = checked.receivedOn;
        request.deadline = checked.deadline;
    }

    private void note(EntityManager em, ExpertiseRequest request, RequestStatus status, String text, String user) {
        RequestNote note = new RequestNote();
        note.requestId = request.id;
        note.status = status;
        note.note = text;
        note.writtenBy = user;
        note.writtenAt = clock.instant();
        em.persist(note);
    }

    static RequestStatus parseStatus(String field, String value) {
        try {
            return RequestStatus.valueOf(value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, field + " must be one of RECEIVED, MATCHED, CONTACTED, DELIVERED, EVALUATED");
        }
    }

    static ExpertiseRequest require(EntityManager em, long id) {
        ExpertiseRequest request = em.find(ExpertiseRequest.class, id);
        if (request == null) {
            throw DomainException.notFound("No request " + id);
        }
        return request;
    }

    private View view(EntityManager em, ExpertiseRequest r) {
        List<Note> notes = em.createQuery("SELECT n FROM RequestNote n WHERE n.requestId = :id ORDER BY n.writtenAt, n.id", RequestNote.class)
                .setParameter("id", r.id).getResultList().stream().map(n -> new Note(n.status, n.note, n.writtenBy, n.writtenAt))
                .collect(Collectors.toList());
        String expertName = r.expertId == null ? null : java.util.Optional.ofNullable(em.find(Expert.class, r.expertId)).map(e -> e.name).orElse(null);
        return new View(r.id, r.stateIso2, partners.stateName(r.stateIso2), r.theme, r.language, r.region.name(), r.kind.name(), r.description,
                r.receivedOn, r.deadline, r.status, r.status.next(), r.expertId, expertName,
                r.matchedOn, r.contactedOn, r.deliveredOn, r.evaluatedOn, notes, r.version);
    }
}
