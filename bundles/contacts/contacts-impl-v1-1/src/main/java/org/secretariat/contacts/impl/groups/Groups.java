package org.secretariat.contacts.impl.groups;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.secretariat.contacts.impl.domain.GroupMembership;
import org.secretariat.contacts.impl.domain.MandateKind;
import org.secretariat.contacts.impl.service.Names;
import org.secretariat.contacts.impl.service.Organisations;
import org.secretariat.contacts.impl.service.States;
import org.secretariat.contacts.impl.service.Themes;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * Groups of people: lists staff keep (static) and saved queries over people and their roles. This service
 * keeps the groups and the lists; {@link GroupEvaluation} answers who is in a group now.
 */
@Component(service = Groups.class)
public class Groups {

    private static final Map<String, String> SORT_FIELDS = Map.of("name", "g.nameKey", "createdAt", "g.createdAt", "id", "g.id");
    /** What a list of groups can be sorted by. */
    public static final Set<String> SORTABLE = SORT_FIELDS.keySet();
    /** A meeting type's code as the profile writes them: a letter, then up to 19 letters, digits or '-'. */
    private static final Pattern MEETING_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,19}");
    /** At most this many people are added to a static group in one request. */
    static final int MAX_ADDED = 500;
    /** The parameters each criterion takes; any other given is refused, so a query never silently ignores a filter. */
    private static final Map<GroupCriterion, Set<String>> PARAMETERS = Map.of(
            GroupCriterion.FOCAL_POINTS, Set.of("theme", "stateIso2", "treatyStatus"),
            GroupCriterion.MANDATE_HOLDERS, Set.of("mandateKind", "theme", "stateIso2", "treatyStatus"),
            GroupCriterion.POSITIONS, Set.of("organisationId", "organisationType", "titleText", "stateIso2", "treatyStatus"),
            GroupCriterion.PEOPLE, Set.of("stateIso2", "treatyStatus"),
            GroupCriterion.HEADS_OF_DELEGATION, Set.of("meetingType", "stateIso2", "treatyStatus"));

    private final EntityManagerFactory contacts;
    private final States states;
    private final Organisations organisations;
    private final Themes themes;

    @Activate
    public Groups(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference States states,
            @Reference Organisations organisations, @Reference Themes themes) {
        this.contacts = contacts;
        this.states = states;
        this.organisations = organisations;
        this.themes = themes;
    }

    /** A page of groups with {@code text} in their name (or all). */
    public Page<GroupDto> list(String text, PageRequest page) {
        String pattern = text == null || text.isBlank() ? null : Names.containsPattern(text);
        String where = " FROM ContactGroup g" + (pattern == null ? "" : " WHERE g.nameKey LIKE :pattern ESCAPE '\\'");
        return Transactions.read(contacts, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(g)" + where, Long.class);
            TypedQuery<ContactGroup> query = em.createQuery("SELECT g" + where + " ORDER BY " + SORT_FIELDS.get(page.sortField())
                    + (page.ascending() ? " ASC" : " DESC") + ", g.id", ContactGroup.class);
            if (pattern != null) {
                count.setParameter("pattern", pattern);
                query.setParameter("pattern", pattern);
            }
            List<GroupDto> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(g -> dto(em, g)).collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    public GroupDto get(long id) {
        return Transactions.read(contacts, em -> dto(em, require(em, id)));
    }

    /** Every group, by name, for other modules. */
    public List<ContactGroup> all() {
        return Transactions.read(contacts, em -> em.createQuery("SELECT g FROM ContactGroup g ORDER BY g.nameKey, g.id", ContactGroup.class)
                .getResultList());
    }

    public GroupDto create(GroupDto group, String actor) {
        if (group == null) {
            throw DomainException.invalid("name", "a JSON body is required");
        }
        ContactGroup created = new ContactGroup();
        created.kind = Fields.present("kind", group.kind(), Arrays.toString(GroupKind.values()));
        created.createdBy = actor;
        created.createdAt = Instant.now();
        apply(group, created);
        return Transactions.inTransaction(contacts, em -> {
            uniqueName(em, created);
            em.persist(created);
            em.flush();
            return dto(em, created);
        });
    }

    /** Changes the group to {@code changed}, whose {@code version} must be the current one; its kind stays. */
    public GroupDto update(long id, GroupDto changed) {
        return Transactions.inTransaction(contacts, em -> {
            ContactGroup group = require(em, id);
            Fields.version(changed == null ? null : changed.version(), group.version, "Group " + id);
            if (changed.kind() != null && changed.kind() != group.kind) {
                throw DomainException.invalid("kind", "a group's kind does not change: make a new group");
            }
            apply(changed, group);
            uniqueName(em, group);
            em.flush();
            return dto(em, group);
        });
    }

    /** Removes the group and its list; the mailings sent to it keep its name. */
    public void delete(long id) {
        Transactions.inTransaction(contacts, em -> {
            ContactGroup group = require(em, id);
            em.createQuery("DELETE FROM GroupMembership m WHERE m.groupId = :group").setParameter("group", id).executeUpdate();
            em.remove(group);
            return null;
        });
    }

    /** Adds people to a static group (those in it already stay as they are); answers the group. */
    public GroupDto addMembers(long id, List<Long> personIds, String actor) {
        if (personIds == null || personIds.isEmpty()) {
            throw DomainException.invalid("personIds", "personIds lists the people to add, e.g. [7, 12]");
        }
        if (personIds.size() > MAX_ADDED) {
            throw DomainException.invalid("personIds", "at most " + MAX_ADDED + " people at a time");
        }
        Set<Long> wanted = new LinkedHashSet<>(personIds);
        if (wanted.contains(null)) {
            throw DomainException.invalid("personIds", "personIds holds people's numbers only");
        }
        return Transactions.inTransaction(contacts, em -> {
            ContactGroup group = requireStatic(em, id);
            Set<Long> known = em.createQuery("SELECT p.id FROM Person p WHERE p.id IN :ids", Long.class).setParameter("ids", wanted)
                    .getResultList().stream().collect(Collectors.toSet());
            for (Long personId : wanted) {
                if (!known.contains(personId)) {
                    throw DomainException.invalid("personIds", "no person " + personId);
                }
            }
            Set<Long> present = em.createQuery("SELECT m.personId FROM GroupMembership m WHERE m.groupId = :group AND m.personId IN :ids", Long.class)
                    .setParameter("group", id).setParameter("ids", wanted).getResultList().stream().collect(Collectors.toSet());
            Instant now = Instant.now();
            for (Long personId : wanted) {
                if (!present.contains(personId)) {
                    GroupMembership membership = new GroupMembership();
                    membership.groupId = id;
                    membership.personId = personId;
                    membership.addedBy = actor;
                    membership.addedAt = now;
                    em.persist(membership);
                }
            }
            em.flush();
            return dto(em, group);
        });
    }

    /** Takes a person out of a static group; not found when they are not in it. */
    public void removeMember(long id, long personId) {
        Transactions.inTransaction(contacts, em -> {
            requireStatic(em, id);
            int removed = em.createQuery("DELETE FROM GroupMembership m WHERE m.groupId = :group AND m.personId = :person")
                    .setParameter("group", id).setParameter("person", personId).executeUpdate();
            if (removed == 0) {
                throw DomainException.notFound("Person " + personId + " is not in group " + id);
            }
            return null;
        });
    }

    /** The group, or not found. */
    public static ContactGroup require(EntityManager em, long id) {
        ContactGroup group = em.find(ContactGroup.class, id);
        if (group == null) {
            throw DomainException.notFound("No group " + id);
        }
        return group;
    }

    private static ContactGroup requireStatic(EntityManager em, long id) {
        ContactGroup group = require(em, id);
        if (group.kind != GroupKind.STATIC) {
            throw DomainException.conflict("Group " + id + " is made by a query: its members follow from it, they are not added or removed");
        }
        return group;
    }

    private static void uniqueName(EntityManager em, ContactGroup group) {
        List<Long> same = em.createQuery("SELECT g.id FROM ContactGroup g WHERE g.nameKey = :key", Long.class).setParameter("key", group.nameKey)
                .getResultList();
        if (same.stream().anyMatch(other -> !other.equals(group.id))) {
            throw DomainException.conflict("There is a group named '" + group.name + "' already");
        }
    }

    private void apply(GroupDto source, ContactGroup group) {
        if (source == null) {
            throw DomainException.invalid("name", "a JSON body is required");
        }
        group.name = Fields.required("name", source.name(), 200);
        group.nameKey = Names.key(group.name);
        group.description = Fields.optional("description", source.description(), 1000);
        GroupQueryDto query = source.query();
        if (group.kind == GroupKind.STATIC) {
            if (query != null) {
                throw DomainException.invalid("query", "a static group has no query: its members are added and removed");
            }
            return;
        }
        if (query == null) {
            throw DomainException.invalid("query", "a query group needs its query, e.g. {\"criterion\":\"FOCAL_POINTS\",\"theme\":\"...\"}");
        }
        group.criterion = Fields.present("criterion", query.criterion(), Arrays.toString(GroupCriterion.values()));
        Set<String> takes = PARAMETERS.get(group.criterion);
        refuseOthers(query, takes, group.criterion);
        group.theme = themes.check(query.theme());
        group.stateIso2 = query.stateIso2() == null || query.stateIso2().isBlank() ? null : states.code(query.stateIso2());
        group.treatyStatus = query.treatyStatus();
        if (query.organisationId() != null) {
            organisations.check(query.organisationId());
        }
        group.organisationId = query.organisationId();
        group.organisationType = query.organisationType();
        group.mandateKind = query.mandateKind();
        group.titleText = Fields.optional("titleText", query.titleText(), 200);
        group.meetingType = Fields.optional("meetingType", query.meetingType(), 20);
        if (group.criterion == GroupCriterion.MANDATE_HOLDERS) {
            Fields.present("mandateKind", group.mandateKind, Arrays.toString(MandateKind.values()));
            if (group.mandateKind == MandateKind.PRESIDENCY && group.theme != null) {
                throw DomainException.invalid("theme", "the Presidency has no theme; a theme is a Coordinator's");
            }
        }
        if (group.criterion == GroupCriterion.HEADS_OF_DELEGATION) {
            Fields.present("meetingType", group.meetingType, "a meeting type's code of the profile, e.g. MSP");
            if (!MEETING_TYPE.matcher(group.meetingType).matches()) {
                throw DomainException.invalid("meetingType", "a meeting type's code is a letter then up to 19 letters, digits or '-'");
            }
            group.meetingType = group.meetingType.toUpperCase(Locale.ROOT);
        }
    }

    private static void refuseOthers(GroupQueryDto query, Set<String> takes, GroupCriterion criterion) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("theme", blankToNull(query.theme()));
        given.put("stateIso2", blankToNull(query.stateIso2()));
        given.put("treatyStatus", query.treatyStatus());
        given.put("organisationId", query.organisationId());
        given.put("organisationType", query.organisationType());
        given.put("mandateKind", query.mandateKind());
        given.put("titleText", blankToNull(query.titleText()));
        given.put("meetingType", blankToNull(query.meetingType()));
        for (Map.Entry<String, Object> parameter : given.entrySet()) {
            if (parameter.getValue() != null && !takes.contains(parameter.getKey())) {
                throw DomainException.invalid("" + parameter.getKey(), criterion + " does not take " + parameter.getKey()
                        + "; it takes " + takes.stream().sorted().collect(Collectors.toList()));
            }
        }
    }

    private static Object blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static GroupDto dto(EntityManager em, ContactGroup group) {
        Long members = group.kind != GroupKind.STATIC ? null
                : em.createQuery("SELECT COUNT(m) FROM GroupMembership m, Person p WHERE m.groupId = :group AND p.id = m.personId", Long.class)
                        .setParameter("group", group.id).getSingleResult();
        return GroupDto.of(group, members);
    }
}
