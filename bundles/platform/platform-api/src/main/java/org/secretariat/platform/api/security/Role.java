package org.secretariat.platform.api.security;

/**
 * The roles of a support unit's staff (see the domain notes). A user may hold several. Use the
 * constants in {@code @RolesAllowed}, e.g. {@code @RolesAllowed(Role.Names.DIRECTOR)}.
 */
public enum Role {
    /** Installs, upgrades and swaps modules; manages users and configuration. */
    ADMINISTRATOR,
    /** Approves work plans, budgets and reports; sees everything. */
    DIRECTOR,
    /** Implementation Support Specialist: acting Director, expertise, consultants. */
    SPECIALIST,
    /** Implementation Support Assistant: databases, meeting records, website. */
    ASSISTANT,
    /** Time-boxed access until the account's access end date. */
    CONSULTANT;

    /** The role names as compile-time constants, for annotations. */
    public static final class Names {
        public static final String ADMINISTRATOR = "ADMINISTRATOR";
        public static final String DIRECTOR = "DIRECTOR";
        public static final String SPECIALIST = "SPECIALIST";
        public static final String ASSISTANT = "ASSISTANT";
        public static final String CONSULTANT = "CONSULTANT";

        private Names() {
        }
    }
}
