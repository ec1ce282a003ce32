package org.secretariat.contacts.impl.groups;

import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.ContactGroup;
import org.secretariat.contacts.impl.domain.GroupCriterion;
import org.secretariat.contacts.impl.domain.MandateKind;
import org.secretariat.contacts.impl.domain.OrganisationType;

/**
 * A group's saved query: the criterion and the parameters it takes (each optional unless said).
 *
 * <ul>
 * <li>{@code FOCAL_POINTS}: {@code theme}, {@code stateIso2}, {@code treatyStatus} — focal points now;</li>
 * <li>{@code MANDATE_HOLDERS}: {@code mandateKind} (required), {@code theme}, {@code stateIso2}, {@code treatyStatus} — held now;</li>
 * <li>{@code POSITIONS}: {@code organisationId}, {@code organisationType}, {@code titleText}, {@code stateIso2}, {@code treatyStatus} — held now;</li>
 * <li>{@code PEOPLE}: {@code stateIso2}, {@code treatyStatus} — the person's own state;</li>
 * <li>{@code HEADS_OF_DELEGATION}: {@code meetingType} (required), {@code stateIso2}, {@code treatyStatus} — at the last meeting of that type.</li>
 * </ul>
 * {@code stateIso2} and {@code treatyStatus} are about the state of the role (the focal point's state, the
 * mandate's, the delegation's), {@code treatyStatus} as it is now.
 */
public record GroupQueryDto(GroupCriterion criterion, String theme, String stateIso2, TreatyStatus treatyStatus, Long organisationId,
        OrganisationType organisationType, MandateKind mandateKind, String titleText, String meetingType) {

    static GroupQueryDto of(ContactGroup group) {
        return new GroupQueryDto(group.criterion, group.theme, group.stateIso2, group.treatyStatus, group.organisationId, group.organisationType,
                group.mandateKind, group.titleText, group.meetingType);
    }
}
