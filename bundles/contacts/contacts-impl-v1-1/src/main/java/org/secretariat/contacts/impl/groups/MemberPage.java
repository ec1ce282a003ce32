package org.secretariat.contacts.impl.groups;

import java.util.List;

/**
 * A page of a group's members now, in the shape of the API's lists plus: {@code available} false (and no
 * items) when the group's query cannot be evaluated now, {@code reason} why; {@code note} what the answer
 * leaves out (heads of delegation who are not people of the contacts module).
 */
public record MemberPage(boolean available, String reason, String note, List<MemberDto> items, long total, int page, int size) {
}
