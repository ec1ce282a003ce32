package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Programme;
import org.secretariat.sponsorship.impl.domain.Receipt;

/**
 * Donors' funds and what they hold: balance = received − committed − spent. Received amounts come from
 * the finance module's earmarked contributions when the fund names their purpose and finance is
 * installed ({@link FinanceReceipts}), else they are entered here; committed
 * is what approved selections set aside and is not spent yet; spent is what awards cost once attendance
 * is recorded.
 */
@Component(service = Funds.class)
public class Funds {

    /**
     * A fund as the API takes it: the donor is a contacts organisation ({@code donorOrganisationId}) or a
     * state ({@code donorStateIso2}) when the contacts module is installed, else (or also) a name.
     */
    public record Input(Long donorOrganisationId, String donorStateIso2, String donorName, String currency, BigDecimal pledged,
            String earmarkMeetingType, Integer earmarkYear, String earmarkRegion, String financePurpose, Integer version) {
    }

    public record Balance(BigDecimal received, BigDecimal committed, BigDecimal spent, BigDecimal balance) {
    }

    public record View(long id, Long donorOrganisationId, String donorStateIso2, String donorName, String currency, BigDecimal pledged,
            String earmarkMeetingType, Integer earmarkYear, String earmarkRegion, String financePurpose, Balance balance, int version) {
    }

    public record ReceiptInput(LocalDate receivedOn, BigDecimal amount, String note) {
    }

    public record ReceiptView(long id, long fundId, LocalDate receivedOn, BigDecimal amount, String note, String recordedBy, Instant recordedAt,
            Long financeReceiptId) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Funds(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners) {
        this(factory, partners, Clock.systemUTC());
    }

    Funds(EntityManagerFactory factory, Partners partners, Clock clock) {
        this.factory = factory;
        this.partners = partners;
        this.clock = clock;
    }

    public List<View> list() {
        FinanceReceipts.follow(factory, partners, clock);
        return Transactions.read(factory, em -> em.createQuery("SELECT f FROM Fund f ORDER BY f.id", Fund.class).getResultList().stream()
                .map(f -> view(em, f)).collect(Collectors.toList()));
    }

    public View get(long id) {
        FinanceReceipts.follow(factory, partners, clock);
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    public View create(Input input) {
        Fund checked = check(input);
        Transactions.inTransaction(factory, em -> {
            purposeFree(em, checked.financePurpose, null);
            checked.createdAt = Instant.now(clock);
            em.persist(checked);
            return null;
        });
        FinanceReceipts.follow(factory, partners, clock);
        return get(checked.id);
    }

    /** A purpose fills one fund: two funds counting the same receipts would each show money only one holds. */
    private static void purposeFree(EntityManager em, String purpose, Long fundId) {
        if (purpose == null) {
            return;
        }
        for (Fund other : em.createQuery("SELECT f FROM Fund f WHERE f.financePurpose IS NOT NULL", Fund.class).getResultList()) {
            if (!other.id.equals(fundId) && key(other.financePurpose).equals(key(purpose))) {
                throw DomainException.conflict("Fund " + other.id + " (" + other.donorName + ") counts the receipts for '" + other.financePurpose
                        + "' already");
            }
        }
    }


    /** Changes a fund; its currency stays once a programme draws on it. */
    public View update(long id, Input input) {
        Fund checked = check(input);
        Transactions.inTransaction(factory, em -> {
            Fund fund = require(em, id);
            Fields.version(input.version(), fund.version, "Fund " + id);
            if (!fund.currency.equals(checked.currency) && !programmes(em, id).isEmpty()) {
                throw DomainException.invalid("currency", "a fund a programme draws on keeps its currency (" + fund.currency + ")");
            }
            fund.donorOrganisationId = checked.donorOrganisationId;
            fund.donorStateIso2 = checked.donorStateIso2;
            fund.donorName = checked.donorName;
            fund.currency = checked.currency;
            fund.pledged = checked.pledged;
            fund.earmarkMeetingType = checked.earmarkMeetingType;
            fund.earmarkYear = checked.earmarkYear;
            fund.earmarkRegion = checked.earmarkRegion;
            if (!java.util.Objects.equals(fund.financePurpose, checked.financePurpose)) {
                purposeFree(em, checked.financePurpose, fund.id);
                long copied = em.createQuery("SELECT COUNT(r) FROM Receipt r WHERE r.fundId = :fund AND r.financeReceiptId IS NOT NULL", Long.class)
                        .setParameter("fund", id).getSingleResult();
                if (copied > 0) {
                    throw DomainException.conflict("Fund " + id + " holds " + copied + " receipt(s) from finance for '" + fund.financePurpose
                            + "': its purpose stays");
                }
                fund.financePurpose = checked.financePurpose;
            }
            em.flush();
            return null;
        });
        FinanceReceipts.follow(factory, partners, clock);
        return get(id);
    }

    /** Records money received for a fund; a correction is a negative amount, which may not take the received total below zero. */
    public ReceiptView receive(long fundId, ReceiptInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("amount", "a JSON body is required");
        }
        return Transactions.inTransaction(factory, em -> {
            Fund fund = require(em, fundId);
            if (fund.financePurpose != null && partners.earmarks().isPresent()) {
                throw DomainException.conflict("Fund " + fundId + " takes its receipts from the finance module's earmarked contributions for '"
                        + fund.financePurpose + "': record the receipt in finance");
            }
            Currency currency = Currency.getInstance(fund.currency);
            BigDecimal amount = input.amount();
            BigDecimal checked = amount != null && amount.signum() < 0 ? Money.amount("amount", amount.negate(), currency, false).negate()
                    : Money.amount("amount", amount, currency, false);
            Receipt receipt = new Receipt();
            receipt.fundId = fundId;
            receipt.receivedOn = Fields.present("receivedOn", input.receivedOn(), "the day the money was received");
            if (receipt.receivedOn.isAfter(LocalDate.now(clock))) {
                throw DomainException.invalid("receivedOn", "receivedOn is in the future");
            }
            receipt.amount = checked;
            receipt.note = Fields.optional("note", input.note(), 300);
            receipt.recordedBy = user;
            receipt.recordedAt = Instant.now(clock);
            if (received(em, fundId).add(checked).signum() < 0) {
                throw DomainException.invalid("amount", "a correction of " + checked + " takes the received total below zero");
            }
            em.persist(receipt);
            em.flush();
            return receiptView(receipt, fund.currency);
        });
    }

    public List<ReceiptView> receipts(long fundId) {
        FinanceReceipts.follow(factory, partners, clock);
        return Transactions.read(factory, em -> {
            Fund fund = require(em, fundId);
            return em.createQuery("SELECT r FROM Receipt r WHERE r.fundId = :fund ORDER BY r.receivedOn, r.id", Receipt.class)
                    .setParameter("fund", fundId).getResultList().stream().map(r -> receiptView(r, fund.currency)).collect(Collectors.toList());
        });
    }

    /** The fund's balance now, in the caller's transaction. */
    static Balance balance(EntityManager em, Fund fund) {
        BigDecimal received = received(em, fund.id);
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        List<Long> programmes = programmes(em, fund.id);
        if (!programmes.isEmpty()) {
            for (Application a : em.createQuery("SELECT a FROM Application a WHERE a.programmeId IN :programmes", Application.class)
                    .setParameter("programmes", programmes).getResultList()) {
                committed = a.committed == null ? committed : committed.add(a.committed);
                spent = a.spent == null ? spent : spent.add(a.spent);
            }
        }
        String currency = fund.currency;
        return new Balance(Money.stored(received, currency), Money.stored(committed, currency), Money.stored(spent, currency),
                Money.stored(received.subtract(committed).subtract(spent), currency));
    }

    private static BigDecimal received(EntityManager em, long fundId) {
        BigDecimal sum = em.createQuery("SELECT SUM(r.amount) FROM Receipt r WHERE r.fundId = :fund", BigDecimal.class).setParameter("fund", fundId)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static List<Long> programmes(EntityManager em, long fundId) {
        return em.createQuery("SELECT p.id FROM Programme p WHERE p.fundId = :fund", Long.class).setParameter("fund", fundId).getResultList();
    }

    static Fund require(EntityManager em, long id) {
        Fund fund = em.find(Fund.class, id);
        if (fund == null) {
            throw DomainException.notFound("No fund " + id);
        }
        return fund;
    }

    private Fund check(Input input) {
        if (input == null) {
            throw DomainException.invalid("donorName", "a JSON body is required");
        }
        Fund fund = new Fund();
        Currency currency = Money.currency("currency", input.currency());
        fund.currency = currency.getCurrencyCode();
        fund.pledged = Money.amount("pledged", input.pledged(), currency, true);
        fund.donorName = Fields.optional("donorName", input.donorName(), 300);
        if (input.donorOrganisationId() != null && input.donorStateIso2() != null) {
            throw DomainException.invalid("donorStateIso2", "a donor is an organisation or a state, not both");
        }
        if (input.donorOrganisationId() != null) {
            ContactDirectory contacts = partners.contacts().orElseThrow(() -> DomainException.invalid("donorOrganisationId",
                    "donorOrganisationId needs the contacts module, which is not installed: name the donor in donorName"));
            ContactSummary organisation = contacts.organisation(input.donorOrganisationId()).orElseThrow(() -> DomainException.invalid(
                    "donorOrganisationId", "no organisation " + input.donorOrganisationId() + " in contacts"));
            fund.donorOrganisationId = organisation.id();
            fund.donorName = organisation.name();
        } else if (input.donorStateIso2() != null) {
            String iso2 = States.code("donorStateIso2", input.donorStateIso2());
            fund.donorStateIso2 = iso2;
            StateDirectory states = partners.states().orElse(null);
            if (states != null) {
                fund.donorName = states.state(iso2).orElseThrow(() -> DomainException.invalid("donorStateIso2", "unknown state '" + iso2 + "'"))
                        .name("en");
            }
        }
        if (fund.donorName == null) {
            throw DomainException.invalid("donorName", "donorName is required (or a donorOrganisationId or donorStateIso2 the contacts module knows)");
        }
        fund.earmarkMeetingType = Fields.optional("earmarkMeetingType", input.earmarkMeetingType(), 20);
        if (input.earmarkYear() != null && (input.earmarkYear() < 1990 || input.earmarkYear() > 2200)) {
            throw DomainException.invalid("earmarkYear", "earmarkYear must be a year from 1990 to 2200");
        }
        fund.earmarkYear = input.earmarkYear();
        fund.earmarkRegion = Fields.optional("earmarkRegion", input.earmarkRegion(), 100);
        fund.financePurpose = Fields.optional("financePurpose", input.financePurpose(), 300);
        return fund;
    }

    private static View view(EntityManager em, Fund f) {
        return new View(f.id, f.donorOrganisationId, f.donorStateIso2, f.donorName, f.currency, Money.stored(f.pledged, f.currency),
                f.earmarkMeetingType, f.earmarkYear, f.earmarkRegion, f.financePurpose, balance(em, f), f.version);
    }

    private static ReceiptView receiptView(Receipt r, String currency) {
        return new ReceiptView(r.id, r.fundId, r.receivedOn, Money.stored(r.amount, currency), r.note, r.recordedBy, r.recordedAt,
                r.financeReceiptId);
    }

    /** Lower case for keys. */
    static String key(String text) {
        return java.text.Normalizer.normalize(text.trim(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
