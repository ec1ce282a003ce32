package org.secretariat.contacts.impl.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.impl.domain.ContactGroup;
import org.secretariat.contacts.impl.domain.GroupCriterion;
import org.secretariat.contacts.impl.domain.GroupKind;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.domain.StateRecord;
import org.secretariat.contacts.impl.service.States;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * Who is in a group now. A static group's list and the contacts module's own queries are one query over
 * people, read a page at a time in name order; the heads of delegation at the last meeting of a type come
 * from the meetings module ({@link DelegationHeads}), matched to people by the link the meetings module
 * keeps or else by e-mail address, and are answered as unavailable while that module is not there.
 */
@Component(service = GroupEvaluation.class)
public class GroupEvaluation {

    /** A role held "now": begun (or with no start) and not ended. */
    private static final String CURRENT = "(%1$s.startDate IS NULL OR %1$s.startDate <= :today) AND (%1$s.endDate IS NULL OR %1$s.endDate >= :today)";

    private final EntityManagerFactory contacts;
    private final DelegationHeads delegationHeads;

    @Activate
    public GroupEvaluation(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts,
            @Reference DelegationHeads delegationHeads) {
        this.contacts = contacts;
        this.delegationHeads = delegationHeads;
    }

    /** A page of the group's members now (not found when there is no such group). */
    public MemberPage members(long groupId, PageRequest page) {
        Evaluation evaluation = evaluate(groupId, page.offset(), page.size());
        return new MemberPage(evaluation.available(), evaluation.reason(), evaluation.note(), evaluation.members(), evaluation.total(),
                page.page(), page.size());
    }

    /** Everything the group holds now, by name. */
    public Evaluation all(long groupId) {
        return evaluate(groupId, 0, Integer.MAX_VALUE);
    }

    /**
     * The group's members from an offset, at most a limit, with the total: {@code available} false (and no
     * members) when the group cannot be evaluated now, {@code reason} why; {@code note} what it leaves out.
     */
    public record Evaluation(String name, boolean available, String reason, String note, List<MemberDto> members, long total) {
    }

    /** The group's members from {@code offset}, at most {@code limit} (none for 0), with the total; not found when there is no such group. */
    public Evaluation evaluate(long groupId, int offset, int limit) {
        return Transactions.read(contacts, em -> {
            ContactGroup group = Groups.require(em, groupId);
            if (group.kind == GroupKind.QUERY && group.criterion == GroupCriterion.HEADS_OF_DELEGATION) {
                return headsOfDelegation(em, group, offset, limit);
            }
            Map<String, Object> parameters = new HashMap<>();
            String condition = condition(group, parameters);
            String where = " FROM Person p" + (condition.isEmpty() ? "" : " WHERE " + condition);
            long total = bind(em.createQuery("SELECT COUNT(p)" + where, Long.class), parameters).getSingleResult();
            List<MemberDto> members = limit <= 0 ? List.of()
                    : bind(em.createQuery("SELECT p" + where + " ORDER BY p.nameKey, p.id", Person.class), parameters)
                            .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(MemberDto::of).collect(Collectors.toList());
            return new Evaluation(group.name, true, null, null, members, total);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** The JPQL condition on {@code p} (a Person) that selects the group's members; empty for everyone. */
    private static String condition(ContactGroup group, Map<String, Object> parameters) {
        if (group.kind == GroupKind.STATIC) {
            parameters.put("group", group.id);
            return "p.id IN (SELECT m.personId FROM GroupMembership m WHERE m.groupId = :group)";
        }
        List<String> conditions = new ArrayList<>();
        switch (group.criterion) {
            case FOCAL_POINTS:
                parameters.put("today", States.today());
                conditions.add(String.format(CURRENT, "f"));
                if (group.theme != null) {
                    conditions.add("f.theme = :theme");
                    parameters.put("theme", group.theme);
                }
                stateOfRole(group, "f.stateIso2", conditions, parameters);
                return "p.id IN (SELECT f.personId FROM FocalPoint f WHERE " + String.join(" AND ", conditions) + ")";
            case MANDATE_HOLDERS:
                parameters.put("today", States.today());
                parameters.put("kind", group.mandateKind);
                conditions.add("m.kind = :kind AND m.startDate <= :today AND (m.endDate IS NULL OR m.endDate >= :today)");
                if (group.theme != null) {
                    conditions.add("m.theme = :theme");
                    parameters.put("theme", group.theme);
                }
                stateOfRole(group, "m.stateIso2", conditions, parameters);
                return "p.id IN (SELECT m.personId FROM Mandate m WHERE " + String.join(" AND ", conditions) + ")";
            case POSITIONS:
                parameters.put("today", States.today());
                conditions.add(String.format(CURRENT, "x"));
                if (group.organisationId != null) {
                    conditions.add("x.organisationId = :organisation");
                    parameters.put("organisation", group.organisationId);
                }
                if (group.organisationType != null) {
                    conditions.add("x.organisationId IN (SELECT o.id FROM Organisation o WHERE o.type = :organisationType)");
                    parameters.put("organisationType", group.organisationType);
                }
                if (group.titleText != null) {
                    conditions.add("LOWER(x.title) LIKE :title ESCAPE '\\'");
                    parameters.put("title", LikePatterns.containing(group.titleText.toLowerCase(Locale.ROOT)));
                }
                positionState(group, conditions, parameters);
                return "p.id IN (SELECT x.personId FROM Position x WHERE " + String.join(" AND ", conditions) + ")";
            case PEOPLE:
                stateOfRole(group, "p.stateIso2", conditions, parameters);
                return String.join(" AND ", conditions);
            default:
                throw new IllegalStateException("no query for " + group.criterion);
        }
    }

    private static void stateOfRole(ContactGroup group, String column, List<String> conditions, Map<String, Object> parameters) {
        if (group.stateIso2 != null) {
            conditions.add(column + " = :state");
            parameters.put("state", group.stateIso2);
        }
        if (group.treatyStatus != null) {
            conditions.add(column + " IN (SELECT s.iso2 FROM StateRecord s WHERE s.status = :status)");
            parameters.put("status", group.treatyStatus);
        }
    }

    /** A position's state is its delegation's, or else its organisation's (a ministry, a permanent mission). */
    private static void positionState(ContactGroup group, List<String> conditions, Map<String, Object> parameters) {
        if (group.stateIso2 != null) {
            conditions.add("(x.stateIso2 = :state OR (x.stateIso2 IS NULL AND x.organisationId IN"
                    + " (SELECT os.id FROM Organisation os WHERE os.stateIso2 = :state)))");
            parameters.put("state", group.stateIso2);
        }
        if (group.treatyStatus != null) {
            conditions.add("(x.stateIso2 IN (SELECT s.iso2 FROM StateRecord s WHERE s.status = :status) OR (x.stateIso2 IS NULL AND x.organisationId IN"
                    + " (SELECT ot.id FROM Organisation ot WHERE ot.stateIso2 IN (SELECT t.iso2 FROM StateRecord t WHERE t.status = :status))))");
            parameters.put("status", group.treatyStatus);
        }
    }

    private Evaluation headsOfDelegation(EntityManager em, ContactGroup group, int offset, int limit) {
        Optional<DelegationHeads.LastMeeting> found = delegationHeads.lastMeeting(group.meetingType);
        if (found.isEmpty()) {
            return new Evaluation(group.name, false, "The heads of delegation at the last " + group.meetingType
                    + " come from the meetings module (1.2.0 or later), which is not installed: this group cannot be evaluated now", null, List.of(), 0);
        }
        DelegationHeads.LastMeeting meeting = found.get();
        if (meeting.title() == null) {
            return new Evaluation(group.name, true, null, "No meeting of type " + group.meetingType + " has begun yet", List.of(), 0);
        }
        List<DelegationHeads.Head> heads = meeting.heads().stream().filter(head -> inState(em, group, head.stateIso2())).collect(Collectors.toList());
        Set<Long> ids = heads.stream().map(DelegationHeads.Head::personId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> emails = heads.stream().map(DelegationHeads.Head::email).filter(Objects::nonNull).map(e -> e.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Person> candidates = new ArrayList<>();
        if (!ids.isEmpty()) {
            candidates.addAll(em.createQuery("SELECT p FROM Person p WHERE p.id IN :ids", Person.class).setParameter("ids", ids).getResultList());
        }
        if (!emails.isEmpty()) {
            candidates.addAll(em.createQuery("SELECT p FROM Person p WHERE LOWER(p.email) IN :emails", Person.class).setParameter("emails", emails)
                    .getResultList());
        }
        Map<Long, Person> byId = new HashMap<>();
        Map<String, Person> byEmail = new HashMap<>();
        for (Person person : candidates) {
            byId.put(person.id, person);
            if (person.email != null) {
                byEmail.putIfAbsent(person.email.toLowerCase(Locale.ROOT), person);
            }
        }
        Map<Long, Person> members = new LinkedHashMap<>();
        int unmatched = 0;
        for (DelegationHeads.Head head : heads) {
            Person person = head.personId() != null ? byId.get(head.personId()) : null;
            if (person == null && head.email() != null) {
                person = byEmail.get(head.email().toLowerCase(Locale.ROOT));
            }
            if (person == null) {
                unmatched++;
            } else {
                members.putIfAbsent(person.id, person);
            }
        }
        List<MemberDto> sorted = members.values().stream().sorted(Comparator.comparing((Person p) -> p.nameKey).thenComparing(p -> p.id))
                .map(MemberDto::of).collect(Collectors.toList());
        String note = meeting.title() + ": " + heads.size() + " head(s) of delegation"
                + (unmatched == 0 ? "" : ", " + unmatched + " not among the people here (matched by the meetings module's link, else by e-mail address)");
        List<MemberDto> page = limit <= 0 || offset >= sorted.size() ? List.of()
                : sorted.subList(offset, (int) Math.min(sorted.size(), (long) offset + limit));
        return new Evaluation(group.name, true, null, note, page, sorted.size());
    }

    /** Whether a delegation's state passes the group's state and treaty-status filters. */
    private static boolean inState(EntityManager em, ContactGroup group, String stateIso2) {
        if (group.stateIso2 != null && !group.stateIso2.equals(stateIso2)) {
            return false;
        }
        if (group.treatyStatus == null) {
            return true;
        }
        StateRecord state = stateIso2 == null ? null : em.find(StateRecord.class, stateIso2);
        return state != null && state.status == group.treatyStatus;
    }
}
