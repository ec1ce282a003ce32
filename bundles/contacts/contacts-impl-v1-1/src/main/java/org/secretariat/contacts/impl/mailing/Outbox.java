package org.secretariat.contacts.impl.mailing;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.platform.api.mail.Mailer;

/**
 * The platform's mail service while there is one: a platform without its mail part (or with it stopped)
 * still runs the module, and a mailing then records that nothing could be queued.
 */
@Component(service = Outbox.class)
public class Outbox {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Mailer mailer;

    public Outbox() {
    }

    /** With this mail service for good (or none), as a test wants. */
    Outbox(Mailer mailer) {
        this.mailer = mailer;
    }

    /** The mail service now, or null. */
    Mailer mailer() {
        return mailer;
    }
}
