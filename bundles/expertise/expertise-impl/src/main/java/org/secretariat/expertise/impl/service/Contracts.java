package org.secretariat.expertise.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.expertise.impl.domain.Contract;
import org.secretariat.expertise.impl.domain.Deliverable;
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.Accounts;
import org.secretariat.platform.api.security.Role;

/**
 * Consultants' contracts: an expert of the resource base, terms of reference, a period, a fee in a
 * currency, deliverables with due days and their acceptance. With {@code account=true} the consultant
 * gets a platform account with the CONSULTANT role whose access ends with the contract (the platform
 * refuses it from the day after the end date; moving the end date moves it), and the one-time password
 * is e-mailed to the expert, never answered or logged. The account is made first, in the platform's own
 * transaction, then the contract and its e-mail in one transaction of the module; if that fails, the
 * account is disabled again.
 *
 * <p>Expertise 1.1: while the finance module is installed, the fee of a contract that names a budget line
 * (and is not zero) is a commitment on that line of the fiscal year's approved budget ({@link
 * FeeCommitments}): committed when the contract is made, changed with the fee, released when the contract
 * is cancelled. Finance is asked only once the contract's row is valid (flushed), inside the contract's
 * transaction; a refusal rolls the contract back, and a commitment made for a transaction that then fails
 * is released again, so either both modules keep the change or neither does.
 */
@Component(service = Contracts.class)
public class Contracts {

    public record DeliverableInput(String title, LocalDate dueDate) {
    }

    public record Input(Long expertId, Long requestId, String termsOfReference, LocalDate startDate, LocalDate endDate, BigDecimal fee,
            String currency, String budgetLine, Integer budgetYear, List<DeliverableInput> deliverables, Boolean account, String username,
            Integer version) {
    }


    public record DeliverableView(long id, String title, LocalDate dueDate, LocalDate acceptedOn, String acceptedBy, boolean overdue) {
    }

    /** The consultant's account as the platform has it now, or what kept it from being made. */
    public record AccountView(String username, LocalDate accessEndDate, boolean locked, boolean usableToday) {
    }

    public record View(long id, Long expertId, String consultantName, Long requestId, String termsOfReference, LocalDate startDate, LocalDate endDate,
            BigDecimal fee, String currency, String budgetLine, Integer budgetYear, FeeCommitments.View commitment, LocalDate cancelledOn,
            String cancellationReason, List<DeliverableView> deliverables, AccountView account, String notice, int version) {
    }

    /** A deliverable not yet accepted, with its contract, for the list of what is due. */
    public record Due(long contractId, String consultantName, long deliverableId, String title, LocalDate dueDate, boolean overdue) {
    }

    static final int MAX_DELIVERABLES = 50;
    private static final Pattern USERNAME_CHARACTERS = Pattern.compile("[^a-z0-9._-]");

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Notices notices;
    private final FeeCommitments fees;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Accounts accounts;

    @Activate
    public Contracts(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference ConventionProfile profile,
            @Reference Notices notices, @Reference FeeCommitments fees) {
        this(factory, profile, notices, null, fees, Clock.systemUTC());
    }

    /** Without the finance module, as a test wants. */
    public Contracts(EntityManagerFactory factory, ConventionProfile profile, Notices notices, Accounts accounts, Clock clock) {
        this(factory, profile, notices, accounts, new FeeCommitments(), clock);
    }

    public Contracts(EntityManagerFactory factory, ConventionProfile profile, Notices notices, Accounts accounts, FeeCommitments fees, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.notices = notices;
        this.accounts = accounts;
        this.fees = fees;
        this.clock = clock;
    }

    ConventionProfile profile() {
        return profile;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Makes a contract, and the consultant's account when asked.
     *
     * @param address the platform's address, for the e-mail ("log in at ...")
     */
    public View create(Input input, String user, String address) {
        ContractTerms.Checked checked = ContractTerms.check(input, profile);
        Expert expert = Transactions.read(factory, em -> Experts.require(em, checked.expertId()));
        if (Retention.hidden(expert, today())) {
            throw DomainException.invalid("expertId", "expert " + expert.id + "'s profile is past its retention date: renew the consent first");
        }
        Accounts.Created created = null;
        if (checked.account()) {
            Accounts platform = accounts;
            if (platform == null) {
                throw DomainException.conflict("this platform makes no accounts for modules (platform-api Accounts is missing)");
            }
            if (expert.email == null) {
                throw DomainException.invalid("account", "expert " + expert.id + " has no e-mail address to send the account's password to");
            }
            if (!notices.available()) {
                throw DomainException.conflict("this platform has no mail service: the account's password could not be sent, so no account is made");
            }
            String username = checked.username() != null ? checked.username() : username(expert.email);
            created = platform.create(username, expert.name, EnumSet.of(Role.CONSULTANT), checked.endDate(), user);
        }
        Accounts.Created account = created;
        AtomicReference<Commitment> committed = new AtomicReference<>();
        try {
            return Transactions.inTransaction(factory, em -> {
                Contract contract = new Contract();
                contract.createdAt = clock.instant();
                contract.expertId = expert.id;
                contract.consultantName = expert.name;
                ContractTerms.apply(contract, checked);
                contract.accountUsername = account == null ? null : account.account().username();
                em.persist(contract);
                em.flush();
                replaceDeliverables(em, contract.id, checked.deliverables(), List.of());
                em.flush();
                if (committable(contract)) {
                    committed.set(fees.commit(contract, user));
                    contract.commitmentId = committed.get().id();
                    em.flush();
                }
                String message = null;
                if (account != null) {
                    String language = notices.language(expert.preferredLanguage);
                    Notices.Outcome outcome = notices.queue(em, "expertise:consultant-account:" + contract.id, "consultant-account", language,
                            expert.email, expert.name, Map.of("name", expert.name, "convention", notices.convention(), "contract", "#" + contract.id,
                                    "start", Notices.day(contract.startDate, language), "end", Notices.day(contract.endDate, language),
                                    "username", account.account().username(), "password", account.oneTimePassword(), "address", address));
                    if (outcome != Notices.Outcome.QUEUED) {
                        throw new IllegalStateException("the account's e-mail was not queued: " + outcome);
                    }
                    message = "account " + account.account().username() + " made; its one-time password was e-mailed to " + expert.email;
                }
                return view(em, contract, message);
            });
        } catch (RuntimeException e) {
            fees.undo(committed.get(), user);
            if (account != null) {
                accounts.disable(account.account().username(), user);
            }
            throw e;
        }
    }

    /** Whether the contract's fee is to be committed now: finance is installed, the contract stands, names a line and has a fee. */
    boolean committable(Contract contract) {
        return fees.installed() && contract.cancelledOn == null && contract.budgetLine != null && contract.fee.signum() > 0;
    }

    /** Changes a contract; a new end date moves the end of the consultant's access with it. */
    public View update(long id, Input input, String user) {
        ContractTerms.Checked checked = ContractTerms.check(input, profile);
        // What finance was asked, to be undone if the contract's transaction fails: [0] a new commitment, [1] the fee committed before a change.
        Object[] done = new Object[2];
        try {
            return Transactions.inTransaction(factory, em -> updated(em, id, input, checked, user, done));
        } catch (RuntimeException e) {
            if (done[0] != null) {
                fees.undo((Commitment) done[0], user);
            }
            if (done[1] != null) {
                Contract contract = Transactions.read(factory, em -> require(em, id));
                fees.changeAmount(contract.commitmentId, (BigDecimal) done[1], user);
            }
            throw e;
        }
    }

    private View updated(EntityManager em, long id, Input input, ContractTerms.Checked checked, String user, Object[] done) {
        Contract contract = require(em, id);
        Fields.version(input.version(), contract.version, "Contract " + id);
        if (contract.cancelledOn != null) {
            throw DomainException.conflict("Contract " + id + " was cancelled on " + contract.cancelledOn + ": it does not change");
        }
        if (!checked.expertId().equals(contract.expertId)) {
            throw DomainException.invalid("expertId", "a contract's consultant does not change: make another contract");
        }
        LocalDate previousEnd = contract.endDate;
        Integer previousYear = contract.budgetYear;
        String previousLine = contract.budgetLine;
        BigDecimal previousFee = contract.fee;
        ContractTerms.apply(contract, checked);
        List<Deliverable> existing = deliverables(em, id);
        replaceDeliverables(em, id, checked.deliverables(), existing);
        em.flush();
        Optional<Commitment> open = fees.open(contract);
        if (open.isPresent() || (contract.commitmentId != null && !fees.installed() && previousLine != null)) {
            if (!Objects.equals(previousLine, contract.budgetLine) || !Objects.equals(previousYear, contract.budgetYear)) {
                throw new DomainException(DomainException.Kind.CONFLICT, "the fee is committed on line " + previousLine + " of " + previousYear
                        + ": withdraw the commitment first (DELETE /api/expertise/contracts/" + id + "/commitment), then change the line", "budgetLine");
            }
            if (previousFee.compareTo(contract.fee) != 0) {
                if (open.isEmpty()) {
                    throw new DomainException(DomainException.Kind.CONFLICT,
                            "the fee is committed in the finance module, which is not installed now: it cannot change until finance is back", "fee");
                }
                if (contract.fee.signum() == 0) {
                    fees.release(contract.commitmentId, user);
                    contract.commitmentId = null;
                    em.flush();
                } else {
                    fees.changeAmount(contract.commitmentId, contract.fee, user);
                    done[1] = previousFee;
                }
            }
        } else if (committable(contract)) {
            done[0] = fees.commit(contract, user);
            contract.commitmentId = ((Commitment) done[0]).id();
            em.flush();
        }
        String notice = null;
        if (contract.accountUsername != null && !previousEnd.equals(contract.endDate)) {
            Accounts platform = accounts;
            if (platform == null) {
                notice = "the account's access could not be moved: this platform makes no accounts for modules";
            } else {
                platform.setAccessEnd(contract.accountUsername, contract.endDate, user);
                notice = "account " + contract.accountUsername + " works until " + contract.endDate;
            }
        }
        return view(em, contract, notice);
    }


    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id), null));
    }

    /** Contracts, newest first; only those running on a day when {@code runningOn} is given. */
    public List<View> list(LocalDate runningOn) {
        return Transactions.read(factory, em -> {
            String where = runningOn == null ? "" : " WHERE c.startDate <= :day AND c.endDate >= :day";
            javax.persistence.TypedQuery<Contract> query = em.createQuery("SELECT c FROM Contract c" + where + " ORDER BY c.startDate DESC, c.id DESC",
                    Contract.class);
            if (runningOn != null) {
                query.setParameter("day", runningOn);
            }
            return query.setMaxResults(500).getResultList().stream().map(c -> view(em, c, null)).collect(Collectors.toList());
        });
    }

    /** The deliverables not accepted yet that are due by a day (overdue ones included), soonest first. */
    public List<Due> due(LocalDate by) {
        LocalDate today = today();
        return Transactions.read(factory, em -> em.createQuery("SELECT d, c.consultantName FROM Deliverable d, Contract c WHERE c.id = d.contractId"
                + " AND d.acceptedOn IS NULL AND d.dueDate <= :by ORDER BY d.dueDate, d.id", Object[].class).setParameter("by", by).getResultList()
                .stream().map(row -> {
                    Deliverable d = (Deliverable) row[0];
                    return new Due(d.contractId, (String) row[1], d.id, d.title, d.dueDate, d.dueDate.isBefore(today));
                }).collect(Collectors.toList()));
    }

    /** Records that a deliverable was accepted (today unless a day is given). */
    public View accept(long contractId, long deliverableId, LocalDate day, String user) {
        LocalDate accepted = day == null ? today() : day;
        if (accepted.isAfter(today())) {
            throw DomainException.invalid("acceptedOn", "acceptedOn is in the future");
        }
        return Transactions.inTransaction(factory, em -> {
            Contract contract = require(em, contractId);
            Deliverable deliverable = em.find(Deliverable.class, deliverableId);
            if (deliverable == null || deliverable.contractId != contractId) {
                throw DomainException.notFound("Contract " + contractId + " has no deliverable " + deliverableId);
            }
            if (deliverable.acceptedOn != null) {
                throw DomainException.conflict("Deliverable " + deliverableId + " was accepted on " + deliverable.acceptedOn + " already");
            }
            deliverable.acceptedOn = accepted;
            deliverable.acceptedBy = user;
            em.flush();
            return view(em, contract, null);
        });
    }

    /** Keeps the accepted deliverables as they are (matched by title), replaces the rest with those given. */
    private static void replaceDeliverables(EntityManager em, long contractId, List<DeliverableInput> given, List<Deliverable> existing) {
        List<Deliverable> kept = new ArrayList<>();
        for (Deliverable d : existing) {
            boolean stillListed = given.stream().anyMatch(g -> g.title().trim().equals(d.title));
            if (d.acceptedOn != null && !stillListed) {
                throw DomainException.invalid("deliverables", "deliverable '" + Terms.clip(d.title) + "' was accepted: it stays on the contract");
            }
            if (d.acceptedOn != null) {
                kept.add(d);
            } else {
                em.remove(d);
            }
        }
        int position = 0;
        for (DeliverableInput g : given) {
            Optional<Deliverable> accepted = kept.stream().filter(d -> d.title.equals(g.title().trim())).findFirst();
            if (accepted.isPresent()) {
                accepted.get().position = position++;
                continue;
            }
            Deliverable d = new Deliverable();
            d.contractId = contractId;
            d.position = position++;
            d.title = g.title().trim();
            d.dueDate = g.dueDate();
            em.persist(d);
        }
    }

    private static List<Deliverable> deliverables(EntityManager em, long contractId) {
        return em.createQuery("SELECT d FROM Deliverable d WHERE d.contractId = :id ORDER BY d.position", Deliverable.class)
                .setParameter("id", contractId).getResultList();
    }

    /** A username from the address's local part, as the platform allows them. */
    static String username(String email) {
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        String name = USERNAME_CHARACTERS.matcher(local).replaceAll("-").replaceAll("^[._-]+", "");
        if (name.length() < 2) {
            name = "consultant-" + name;
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    static Contract require(EntityManager em, long id) {
        Contract contract = em.find(Contract.class, id);
        if (contract == null) {
            throw DomainException.notFound("No contract " + id);
        }
        return contract;
    }

    View view(EntityManager em, Contract c, String notice) {
        LocalDate today = today();
        List<DeliverableView> deliverables = deliverables(em, c.id).stream()
                .map(d -> new DeliverableView(d.id, d.title, d.dueDate, d.acceptedOn, d.acceptedBy, d.acceptedOn == null && d.dueDate.isBefore(today)))
                .collect(Collectors.toList());
        AccountView account = null;
        Accounts platform = accounts;
        if (c.accountUsername != null) {
            Optional<Accounts.Account> found = platform == null ? Optional.empty() : platform.find(c.accountUsername);
            account = found.map(a -> new AccountView(a.username(), a.accessEndDate(), a.locked(),
                    !a.locked() && (a.accessEndDate() == null || !today.isAfter(a.accessEndDate()))))
                    .orElse(new AccountView(c.accountUsername, null, true, false));
        }
        return new View(c.id, c.expertId, c.consultantName, c.requestId, c.termsOfReference, c.startDate, c.endDate, c.fee.stripTrailingZeros()
                .setScale(Math.max(Currency.getInstance(c.currency).getDefaultFractionDigits(), 0)), c.currency, c.budgetLine, c.budgetYear, fees.view(c),
                c.cancelledOn, c.cancellationReason, deliverables, account, notice, c.version);
    }
}
