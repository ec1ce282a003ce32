package org.secretariat.contacts.impl.mailing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The templates a mailing is written from: {@code mail/<name>/<language>.txt} in this bundle. Each says
 * which texts staff write for it; the template adds the greeting, the name and why the person receives it.
 * Every template may use {@code {{name}}}, {@code {{email}}}, {@code {{convention}}}, {@code {{acronym}}},
 * {@code {{group}}}, {@code {{subject}}} and {@code {{body}}} (empty when staff wrote none).
 */
public enum MailingTemplate {
    /** A general notice: the subject and the body are staff's. */
    NOTICE("notice", true, true),
    /** A reminder: "Reminder: " and staff's subject, staff's body. */
    REMINDER("reminder", true, true),
    /** Asks people to check the contact details kept about them; staff may add a paragraph. */
    DETAILS_CHECK("details-check", false, false);

    private final String code;
    private final boolean needsSubject;
    private final boolean needsBody;

    MailingTemplate(String code, boolean needsSubject, boolean needsBody) {
        this.code = code;
        this.needsSubject = needsSubject;
        this.needsBody = needsBody;
    }

    /** The name requests use and the template's folder. */
    public String code() {
        return code;
    }

    public boolean needsSubject() {
        return needsSubject;
    }

    public boolean needsBody() {
        return needsBody;
    }

    static Optional<MailingTemplate> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
