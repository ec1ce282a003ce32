package org.secretariat.contacts.impl.mailing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.impl.domain.ContactGroup;
import org.secretariat.contacts.impl.domain.Mailing;
import org.secretariat.contacts.impl.domain.MailingOutcome;
import org.secretariat.contacts.impl.domain.MailingRecipient;
import org.secretariat.contacts.impl.domain.MailingText;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.groups.GroupEvaluation;
import org.secretariat.contacts.impl.groups.Groups;
import org.secretariat.contacts.impl.groups.MemberDto;
import org.secretariat.contacts.impl.service.Languages;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.MailTemplates;
import org.secretariat.platform.api.mail.Mailer;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * Mailings to groups. A send evaluates the group, then in one transaction records the mailing, decides for
 * each member (in their language; skipped without consent or address) and queues each message in the
 * platform's outbox on that same transaction, under the key {@code contacts:mailing:<mailing>:<person>}:
 * the mailing and its messages are committed together or not at all, and a retry never sends one twice.
 * A dry run decides the same way and writes nothing.
 */
@Component(service = Mailings.class)
public class Mailings {

    static final String MODULE = "contacts";
    /** A mailing reaches at most this many people; a bigger group is split by query. */
    static final int MAX_RECIPIENTS = 10_000;
    private static final String NO_MAIL_SERVICE = "no mail service: the platform's mail part is not running, so nothing could be queued";

    private final EntityManagerFactory contacts;
    private final GroupEvaluation evaluation;
    private final Languages languages;
    private final ConventionProfile profile;
    private final Outbox outbox;
    private final MailTemplates templates = new MailTemplates(Mailings.class);

    @Activate
    public Mailings(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts, @Reference GroupEvaluation evaluation,
            @Reference Languages languages, @Reference ConventionProfile profile, @Reference Outbox outbox) {
        this.contacts = contacts;
        this.evaluation = evaluation;
        this.languages = languages;
        this.profile = profile;
        this.outbox = outbox;
    }

    /** What sending would do now, and a page of the recipients; nothing is written. */
    public DryRunDto dryRun(MailingInput input, PageRequest page) {
        long groupId = groupId(input);
        GroupEvaluation.Evaluation members = evaluation.all(groupId);
        Composition composition = Composition.of(input, members.name(), languages, profile, templates);
        boolean mailService = outbox.mailer() != null;
        if (!members.available()) {
            return new DryRunDto(groupId, members.name(), false, members.reason(), members.note(), mailService, 0, 0, 0, 0, 0, List.of(), List.of(), 0,
                    page.page(), page.size());
        }
        List<RecipientDto> recipients = new ArrayList<>();
        Map<String, PreviewDto> previews = new LinkedHashMap<>();
        Transactions.read(contacts, em -> {
            for (MemberDto member : members.members()) {
                Person person = em.find(Person.class, member.personId());
                if (person == null) {
                    continue;
                }
                Composition.Decision decision = composition.decide(person);
                MailingOutcome outcome = decision.outcome();
                String reason = decision.reason();
                if (outcome == MailingOutcome.QUEUED && !mailService) {
                    outcome = MailingOutcome.FAILED;
                    reason = NO_MAIL_SERVICE;
                }
                if (decision.message() != null) {
                    previews.putIfAbsent(decision.language(), new PreviewDto(decision.message().language(), decision.message().subject(),
                            decision.message().text()));
                }
                recipients.add(new RecipientDto(person.id, person.displayName(), person.email, decision.language(), outcome, reason));
            }
            return null;
        });
        Map<MailingOutcome, Long> counts = count(recipients);
        List<RecipientDto> items = recipients.stream().skip(page.offset()).limit(page.size()).collect(Collectors.toList());
        return new DryRunDto(groupId, members.name(), true, null, members.note(), mailService, recipients.size(),
                counts.get(MailingOutcome.QUEUED).intValue(), counts.get(MailingOutcome.SKIPPED_NO_CONSENT).intValue(),
                counts.get(MailingOutcome.SKIPPED_NO_ADDRESS).intValue(), counts.get(MailingOutcome.FAILED).intValue(),
                new ArrayList<>(previews.values()), items, recipients.size(), page.page(), page.size());
    }

    /** Sends the mailing by {@code actor}: refused (409) when the group cannot be evaluated now or has nobody in it. */
    public MailingDto send(MailingInput input, String actor) {
        long groupId = groupId(input);
        GroupEvaluation.Evaluation members = evaluation.all(groupId);
        Composition composition = Composition.of(input, members.name(), languages, profile, templates);
        if (!members.available()) {
            throw DomainException.conflict("Group " + groupId + " cannot be evaluated now: " + members.reason());
        }
        if (members.members().isEmpty()) {
            throw DomainException.conflict("Group " + groupId + " has nobody in it now: nothing to send");
        }
        if (members.members().size() > MAX_RECIPIENTS) {
            throw DomainException.conflict("Group " + groupId + " has " + members.members().size() + " people; a mailing reaches at most "
                    + MAX_RECIPIENTS + ": narrow the group");
        }
        Mailer mailer = outbox.mailer();
        return Transactions.inTransaction(contacts, em -> {
            ContactGroup group = Groups.require(em, groupId);
            Mailing mailing = new Mailing();
            mailing.groupId = groupId;
            mailing.groupName = group.name;
            mailing.template = composition.template.code();
            mailing.sentBy = actor;
            mailing.sentAt = Instant.now();
            em.persist(mailing);
            em.flush();
            for (TextDto text : composition.texts.values()) {
                MailingText kept = new MailingText();
                kept.mailingId = mailing.id;
                kept.language = text.language();
                kept.subject = text.subject();
                kept.body = text.body();
                em.persist(kept);
            }
            for (MemberDto member : members.members()) {
                // Consent and address as they are in this transaction, not as when the group was evaluated.
                Person person = em.find(Person.class, member.personId());
                if (person == null) {
                    continue;
                }
                MailingRecipient recipient = new MailingRecipient();
                recipient.mailingId = mailing.id;
                recipient.personId = person.id;
                deliver(em, mailer, mailing.id, composition, person, recipient);
                em.persist(recipient);
            }
            recount(em, mailing);
            return MailingDto.of(mailing, texts(em, mailing.id), outcomes(em, mailing.id), mailer != null);
        });
    }

    /**
     * Tries the failed recipients of a mailing again, as their details are now (a person who withdrew consent
     * meanwhile is skipped); a message queued before under the same key is not queued twice.
     */
    public MailingDto retry(long id, Integer version) {
        Mailer mailer = outbox.mailer();
        return Transactions.inTransaction(contacts, em -> {
            Mailing mailing = require(em, id);
            Fields.version(version, mailing.version, "Mailing " + id);
            Map<String, TextDto> written = new LinkedHashMap<>();
            texts(em, id).forEach(text -> written.put(text.language(), text));
            Composition composition = Composition.of(new MailingInput(mailing.groupId, mailing.template, new ArrayList<>(written.values())),
                    mailing.groupName, languages, profile, templates);
            for (MailingRecipient recipient : em.createQuery("SELECT r FROM MailingRecipient r WHERE r.mailingId = :mailing AND r.outcome = :failed",
                    MailingRecipient.class).setParameter("mailing", id).setParameter("failed", MailingOutcome.FAILED).getResultList()) {
                Person person = em.find(Person.class, recipient.personId);
                if (person == null) {
                    recipient.reason = "the person was removed from the contacts";
                    continue;
                }
                deliver(em, mailer, id, composition, person, recipient);
            }
            recount(em, mailing);
            return MailingDto.of(mailing, texts(em, id), outcomes(em, id), mailer != null);
        });
    }

    /** Decides for one person and, when it goes to them, queues it on this transaction; the recipient records what became of it. */
    private void deliver(EntityManager em, Mailer mailer, long mailingId, Composition composition, Person person, MailingRecipient recipient) {
        Composition.Decision decision = composition.decide(person);
        recipient.name = person.displayName();
        recipient.email = person.email;
        recipient.language = decision.language();
        recipient.outcome = decision.outcome();
        recipient.reason = decision.reason();
        recipient.mailKey = null;
        if (decision.outcome() != MailingOutcome.QUEUED) {
            return;
        }
        if (mailer == null) {
            recipient.outcome = MailingOutcome.FAILED;
            recipient.reason = NO_MAIL_SERVICE;
            return;
        }
        String key = "contacts:mailing:" + mailingId + ":" + person.id;
        try {
            boolean queued = mailer.queue(em, Mail.of(key, MODULE, decision.message(), person.email, person.displayName()));
            recipient.reason = queued ? null : "queued before under the same key";
            recipient.mailKey = key;
        } catch (IllegalArgumentException e) {
            recipient.outcome = MailingOutcome.FAILED;
            recipient.reason = "the outbox refused it: " + e.getMessage();
        }
    }

    private static void recount(EntityManager em, Mailing mailing) {
        em.flush();
        Map<MailingOutcome, Long> outcomes = outcomes(em, mailing.id);
        mailing.queued = outcomes.get(MailingOutcome.QUEUED).intValue();
        mailing.skipped = (int) (outcomes.get(MailingOutcome.SKIPPED_NO_CONSENT) + outcomes.get(MailingOutcome.SKIPPED_NO_ADDRESS));
        mailing.failed = outcomes.get(MailingOutcome.FAILED).intValue();
        mailing.recipients = mailing.queued + mailing.skipped + mailing.failed;
        em.flush();
    }

    /** A page of mailings, newest first, to a group (or all). */
    public Page<MailingDto> list(Long groupId, PageRequest page) {
        String where = " FROM Mailing m" + (groupId == null ? "" : " WHERE m.groupId = :group");
        return Transactions.read(contacts, em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(m)" + where, Long.class);
            TypedQuery<Mailing> query = em.createQuery("SELECT m" + where + " ORDER BY m.sentAt DESC, m.id DESC", Mailing.class);
            if (groupId != null) {
                count.setParameter("group", groupId);
                query.setParameter("group", groupId);
            }
            List<MailingDto> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(m -> MailingDto.of(m, null, null, null)).collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    public MailingDto get(long id) {
        return Transactions.read(contacts, em -> MailingDto.of(require(em, id), texts(em, id), outcomes(em, id), null));
    }

    /** A page of a mailing's recipients by name, of one outcome (or all). */
    public Page<RecipientDto> recipients(long id, MailingOutcome outcome, PageRequest page) {
        String where = " FROM MailingRecipient r WHERE r.mailingId = :mailing" + (outcome == null ? "" : " AND r.outcome = :outcome");
        return Transactions.read(contacts, em -> {
            require(em, id);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(r)" + where, Long.class).setParameter("mailing", id);
            TypedQuery<MailingRecipient> query = em.createQuery("SELECT r" + where + " ORDER BY r.name, r.personId", MailingRecipient.class)
                    .setParameter("mailing", id);
            if (outcome != null) {
                count.setParameter("outcome", outcome);
                query.setParameter("outcome", outcome);
            }
            List<RecipientDto> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                    .map(RecipientDto::of).collect(Collectors.toList());
            return Page.of(items, count.getSingleResult(), page);
        });
    }

    /** The templates offered, with what staff write for each and the languages each is written in. */
    public List<TemplateDto> templates() {
        List<TemplateDto> offered = new ArrayList<>();
        for (MailingTemplate template : MailingTemplate.values()) {
            List<String> written = languages.working().stream()
                    .filter(language -> Mailings.class.getClassLoader().getResource("mail/" + template.code() + "/" + language + ".txt") != null)
                    .collect(Collectors.toList());
            offered.add(new TemplateDto(template.code(), template.needsSubject(), template.needsBody(), written));
        }
        return offered;
    }

    /** Whether the platform's mail service is there now. */
    public boolean mailService() {
        return outbox.mailer() != null;
    }

    private static long groupId(MailingInput input) {
        if (input == null) {
            throw DomainException.invalid("groupId", "a JSON body is required");
        }
        return Fields.present("groupId", input.groupId(), "the group to send to");
    }

    private static Mailing require(EntityManager em, long id) {
        Mailing mailing = em.find(Mailing.class, id);
        if (mailing == null) {
            throw DomainException.notFound("No mailing " + id);
        }
        return mailing;
    }

    private static List<TextDto> texts(EntityManager em, long mailingId) {
        return em.createQuery("SELECT t FROM MailingText t WHERE t.mailingId = :mailing ORDER BY t.id", MailingText.class)
                .setParameter("mailing", mailingId).getResultList().stream().map(t -> new TextDto(t.language, t.subject, t.body))
                .collect(Collectors.toList());
    }

    private static Map<MailingOutcome, Long> outcomes(EntityManager em, long mailingId) {
        Map<MailingOutcome, Long> counts = zero();
        for (Object[] row : em.createQuery("SELECT r.outcome, COUNT(r) FROM MailingRecipient r WHERE r.mailingId = :mailing GROUP BY r.outcome",
                Object[].class).setParameter("mailing", mailingId).getResultList()) {
            counts.put((MailingOutcome) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static Map<MailingOutcome, Long> count(List<RecipientDto> recipients) {
        Map<MailingOutcome, Long> counts = zero();
        recipients.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts;
    }

    private static Map<MailingOutcome, Long> zero() {
        Map<MailingOutcome, Long> counts = new EnumMap<>(MailingOutcome.class);
        for (MailingOutcome outcome : MailingOutcome.values()) {
            counts.put(outcome, 0L);
        }
        return counts;
    }
}
