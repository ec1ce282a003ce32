package org.secretariat.expertise.impl.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.MailTemplates;
import org.secretariat.platform.api.mail.Mailer;

/**
 * The module's e-mail (en/fr/es templates under {@code mail/}), queued through the platform's optional
 * {@link Mailer} in the caller's transaction, so a message exists exactly when the change it tells of is
 * committed. Without the Mailer the module works the same and says a message could not be queued.
 */
@Component(service = Notices.class)
public class Notices {

    /** What became of a message. */
    public enum Outcome {
        QUEUED,
        ALREADY_QUEUED,
        NO_ADDRESS,
        NO_MAILER,
        REFUSED
    }

    private final ConventionProfile profile;
    private final MailTemplates templates = new MailTemplates(Notices.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Mailer mailer;

    @Activate
    public Notices(@Reference ConventionProfile profile) {
        this.profile = profile;
    }

    /** With this Mailer for good (or none), as a test wants. */
    public Notices(ConventionProfile profile, Mailer mailer) {
        this.profile = profile;
        this.mailer = mailer;
    }

    public boolean available() {
        return mailer != null;
    }

    /** Fills the template in the recipient's language (else a working language, else English) and queues it in {@code em}'s transaction. */
    public Outcome queue(EntityManager em, String key, String template, String language, String to, String toName, Map<String, String> values) {
        if (to == null || to.isBlank()) {
            return Outcome.NO_ADDRESS;
        }
        Mailer current = mailer;
        if (current == null) {
            return Outcome.NO_MAILER;
        }
        MailTemplates.Rendered rendered = templates.render(template, language, fallbacks(), values);
        try {
            return current.queue(em, Mail.of(key, "expertise", rendered, to, toName)) ? Outcome.QUEUED : Outcome.ALREADY_QUEUED;
        } catch (IllegalArgumentException e) {
            return Outcome.REFUSED;
        }
    }

    private List<String> fallbacks() {
        List<String> languages = new ArrayList<>(profile.workingLanguages());
        if (!languages.contains("en")) {
            languages.add("en");
        }
        return languages;
    }

    /** The language an expert without one is written to in: the profile's first working language. */
    public String language(String preferred) {
        if (preferred != null) {
            return preferred;
        }
        List<String> languages = profile.workingLanguages();
        return languages.isEmpty() ? "en" : languages.get(0);
    }

    /** The convention's name, as letters name the unit after it. */
    public String convention() {
        return profile.name();
    }

    /** A day as a letter in that language writes it: 13 September 2011, 13 septembre 2011. */
    public static String day(LocalDate day, String language) {
        if ("en".equals(language)) {
            return day.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        }
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }
}
