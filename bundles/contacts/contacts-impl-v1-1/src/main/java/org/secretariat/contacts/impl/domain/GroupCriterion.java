package org.secretariat.contacts.impl.domain;

/** What a saved query selects people by. */
public enum GroupCriterion {
    /** People who are national focal points now (for a theme, of a state, of states of a treaty status). */
    FOCAL_POINTS,
    /** People holding a mandate now (the Presidency, or a Coordinator for a theme). */
    MANDATE_HOLDERS,
    /** People with a position now (in an organisation, in organisations of a type, with a title containing a text, in a state's delegation). */
    POSITIONS,
    /** People of a state, or of the states with a treaty status. */
    PEOPLE,
    /** The heads of delegation at the last meeting of a type (e.g. the last Meeting of States Parties); needs the meetings module. */
    HEADS_OF_DELEGATION
}
