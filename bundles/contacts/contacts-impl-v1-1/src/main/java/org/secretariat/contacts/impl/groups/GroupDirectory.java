package org.secretariat.contacts.impl.groups;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactGroups;
import org.secretariat.contacts.api.GroupMembers;
import org.secretariat.contacts.api.GroupSummary;
import org.secretariat.contacts.impl.domain.ContactGroup;
import org.secretariat.platform.api.domain.DomainException;

/** The groups for other modules (the meetings module's invitations), over the same services as the REST API. */
@Component(service = ContactGroups.class)
public class GroupDirectory implements ContactGroups {

    private final Groups groups;
    private final GroupEvaluation evaluation;

    @Activate
    public GroupDirectory(@Reference Groups groups, @Reference GroupEvaluation evaluation) {
        this.groups = groups;
        this.evaluation = evaluation;
    }

    @Override
    public List<GroupSummary> groups() {
        return groups.all().stream().map(GroupDirectory::summary).collect(Collectors.toList());
    }

    @Override
    public Optional<GroupSummary> group(long groupId) {
        try {
            GroupDto group = groups.get(groupId);
            return Optional.of(new GroupSummary(group.id(), group.name(), group.kind().name(), group.description()));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    @Override
    public GroupMembers members(long groupId, int offset, int limit) {
        GroupEvaluation.Evaluation evaluated;
        try {
            evaluated = evaluation.evaluate(groupId, Math.max(0, offset), limit);
        } catch (DomainException e) {
            throw new NoSuchElementException(e.getMessage());
        }
        if (!evaluated.available()) {
            return GroupMembers.unavailable(evaluated.reason());
        }
        return new GroupMembers(true, null, evaluated.members().stream().map(MemberDto::member).collect(Collectors.toList()), evaluated.total());
    }

    private static GroupSummary summary(ContactGroup group) {
        return new GroupSummary(group.id, group.name, group.kind.name(), group.description);
    }
}
