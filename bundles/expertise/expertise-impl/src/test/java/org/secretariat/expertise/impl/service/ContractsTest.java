package org.secretariat.expertise.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.expertise.impl.service.TestModule.TODAY;
import static org.secretariat.expertise.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.mail.Mail;
import org.secretariat.platform.api.mail.Mailer;
import org.secretariat.platform.api.security.Accounts;
import org.secretariat.platform.api.security.Role;

@ExtendWith(TestModule.Shared.class)
class ContractsTest {

    private final TestModule module;

    ContractsTest(TestModule module) {
        this.module = module;
    }

    /** The platform's accounts as a module sees them, kept in memory, with a fixed one-time password. */
    static final class PlatformAccounts implements Accounts {
        final Map<String, Account> accounts = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Created create(String username, String displayName, Set<Role> roles, LocalDate accessEndDate, String actor) {
            if (accounts.containsKey(username)) {
                throw new DomainException(Kind.CONFLICT, "a user named '" + username + "' exists already", "username");
            }
            accounts.put(username, new Account(username, displayName, roles, accessEndDate, false));
            calls.add("create " + username + " " + roles + " " + accessEndDate + " by " + actor);
            return new Created(accounts.get(username), "One-Time-Secret-42");
        }

        @Override
        public Optional<Account> find(String username) {
            return Optional.ofNullable(accounts.get(username));
        }

        @Override
        public Account setAccessEnd(String username, LocalDate accessEndDate, String actor) {
            Account a = accounts.get(username);
            accounts.put(username, new Account(username, a.displayName(), a.roles(), accessEndDate, a.locked()));
            calls.add("access " + username + " " + accessEndDate);
            return accounts.get(username);
        }

        @Override
        public Account disable(String username, String actor) {
            Account a = accounts.get(username);
            accounts.put(username, new Account(username, a.displayName(), a.roles(), a.accessEndDate(), true));
            calls.add("disable " + username);
            return accounts.get(username);
        }
    }

    /** The platform's outbox, keeping what is queued (and refusing a key twice, as it does). */
    static class Outbox implements Mailer {
        final List<Mail> queued = new ArrayList<>();

        @Override
        public boolean queue(EntityManager em, Mail mail) {
            if (!em.getTransaction().isActive()) {
                throw new IllegalStateException("not in a transaction");
            }
            if (queued.stream().anyMatch(m -> m.key().equals(mail.key()))) {
                return false;
            }
            return queued.add(mail);
        }
    }

    private Contracts contracts(PlatformAccounts accounts, Mailer mailer) {
        return new Contracts(module.database.factory(), module.profile, new Notices(module.profile, mailer), accounts, module.clock);
    }

    private Experts.View consultant(String name, String email, String language) {
        return module.experts.create(new Experts.Input(null, name, email, null, List.of("Victim assistance"), List.of("fr", "en"), List.of("AFRICA"),
                List.of("ADVICE"), language, null, TODAY, null, null));
    }

    private static Contracts.Input contract(long expertId, LocalDate end, boolean account, Integer version, Contracts.DeliverableInput... deliverables) {
        return new Contracts.Input(expertId, null, "Draft the national victim assistance plan", TODAY.minusDays(10), end, new BigDecimal("12000.50"),
                null, "3.1", null, List.of(deliverables), account, null, version);
    }

    @Test
    void aConsultantGetsAnAccountUntilTheContractsEndAndThePasswordByMailOnly() {
        PlatformAccounts accounts = new PlatformAccounts();
        Outbox outbox = new Outbox();
        Contracts contracts = contracts(accounts, outbox);
        Experts.View expert = consultant("Awa Ndiaye", "Awa.Ndiaye+cv@example.org", "fr");

        Contracts.View made = contracts.create(contract(expert.id(), TODAY.plusMonths(2), true, null,
                new Contracts.DeliverableInput("Inception report", TODAY.plusDays(5)),
                new Contracts.DeliverableInput("Draft plan", TODAY.plusMonths(1))), "specialist", "https://isu.example.org/app/");

        assertEquals(List.of("create awa.ndiaye-cv [CONSULTANT] " + TODAY.plusMonths(2) + " by specialist"), accounts.calls);
        assertEquals("awa.ndiaye-cv", made.account().username());
        assertTrue(made.account().usableToday());
        assertEquals("CHF", made.currency());
        assertEquals(new BigDecimal("12000.50"), made.fee());
        assertEquals("Awa Ndiaye", made.consultantName());
        assertFalse(made.toString().contains("One-Time-Secret-42"), "the password is in no answer");
        assertEquals(1, outbox.queued.size());
        Mail mail = outbox.queued.get(0);
        assertEquals("Awa.Ndiaye+cv@example.org", mail.to());
        assertEquals("fr", mail.language());
        assertEquals("consultant-account", mail.template());
        assertTrue(mail.text().contains("One-Time-Secret-42"), mail.text());
        assertTrue(mail.text().contains("https://isu.example.org/app/"), mail.text());
        assertTrue(mail.subject().startsWith("Votre compte auprès de l'Unité d'appui à l'application de la Convention on Cluster Munitions"),
                mail.subject());

        Contracts.View extended = contracts.update(made.id(), contract(expert.id(), TODAY.plusMonths(3), true, made.version(),
                new Contracts.DeliverableInput("Inception report", TODAY.plusDays(5))), "director");
        assertEquals("access awa.ndiaye-cv " + TODAY.plusMonths(3), accounts.calls.get(1));
        assertEquals(TODAY.plusMonths(3), extended.account().accessEndDate());
        assertEquals(1, extended.deliverables().size());

        Contracts.View ended = contracts.update(made.id(), contract(expert.id(), TODAY.minusDays(1), true, extended.version(),
                new Contracts.DeliverableInput("Inception report", TODAY.plusDays(5))), "director");
        assertFalse(ended.account().usableToday(), "an end date of yesterday ends the access today");
    }

    @Test
    void noAccountIsMadeThatCouldNotBeToldItsPassword() {
        PlatformAccounts accounts = new PlatformAccounts();
        Experts.View withAddress = consultant("Ousmane Fall", "ousmane@example.org", null);
        Experts.View withoutAddress = consultant("No Address", null, null);

        assertRefused(Kind.CONFLICT, null, "this platform has no mail service: the account's password could not be sent, so no account is made",
                () -> contracts(accounts, null).create(contract(withAddress.id(), TODAY.plusMonths(1), true, null), "specialist", "x"));
        assertRefused(Kind.INVALID, "account", "expert " + withoutAddress.id() + " has no e-mail address to send the account's password to",
                () -> contracts(accounts, new Outbox()).create(contract(withoutAddress.id(), TODAY.plusMonths(1), true, null), "specialist", "x"));
        assertEquals(List.of(), accounts.calls);
        assertRefused(Kind.CONFLICT, null, "this platform makes no accounts for modules (platform-api Accounts is missing)",
                () -> contracts(null, new Outbox()).create(contract(withAddress.id(), TODAY.plusMonths(1), true, null), "specialist", "x"));

        Contracts.View plain = contracts(null, null).create(contract(withoutAddress.id(), TODAY.plusMonths(1), false, null), "specialist", "x");
        assertNull(plain.account(), "a contract without an account needs neither");

        // the contract's transaction fails after the account was made: the account is disabled again
        Outbox refusing = new Outbox() {
            @Override
            public boolean queue(EntityManager em, Mail mail) {
                return false;
            }
        };
        int before = contracts(null, null).list(null).size();
        assertThrows(IllegalStateException.class,
                () -> contracts(accounts, refusing).create(contract(withAddress.id(), TODAY.plusMonths(1), true, null), "specialist", "x"));
        assertEquals(List.of("create ousmane [CONSULTANT] " + TODAY.plusMonths(1) + " by specialist", "disable ousmane"), accounts.calls);
        assertEquals(before, contracts(null, null).list(null).size(), "no contract half-made");
    }

    @Test
    void deliverablesAreDueUntilAccepted() {
        Contracts contracts = contracts(null, null);
        Experts.View expert = consultant("Deliverable Holder", null, null);
        Contracts.View made = contracts.create(contract(expert.id(), TODAY.plusMonths(2), false, null,
                new Contracts.DeliverableInput("Late report", TODAY.minusDays(2)),
                new Contracts.DeliverableInput("Next report", TODAY.plusDays(20)),
                new Contracts.DeliverableInput("Final report", TODAY.plusMonths(2))), "specialist", "x");
        assertTrue(made.deliverables().get(0).overdue());

        List<String> due = contracts.due(TODAY.plusDays(30)).stream().filter(d -> d.contractId() == made.id()).map(Contracts.Due::title)
                .collect(Collectors.toList());
        assertEquals(List.of("Late report", "Next report"), due);

        long late = made.deliverables().get(0).id();
        Contracts.View accepted = contracts.accept(made.id(), late, null, "specialist");
        assertEquals(TODAY, accepted.deliverables().get(0).acceptedOn());
        assertFalse(accepted.deliverables().get(0).overdue());
        assertRefused(Kind.CONFLICT, null, "Deliverable " + late + " was accepted on " + TODAY + " already",
                () -> contracts.accept(made.id(), late, null, "specialist"));
        assertEquals(List.of("Next report"), contracts.due(TODAY.plusDays(30)).stream().filter(d -> d.contractId() == made.id())
                .map(Contracts.Due::title).collect(Collectors.toList()));
        assertRefused(Kind.INVALID, "deliverables", "deliverable 'Late report' was accepted: it stays on the contract",
                () -> contracts.update(made.id(), contract(expert.id(), TODAY.plusMonths(2), false, accepted.version()), "specialist"));

        assertRefused(Kind.INVALID, "endDate", "endDate is before startDate",
                () -> contracts.create(contract(expert.id(), TODAY.minusMonths(1), false, null), "specialist", "x"));
        assertRefused(Kind.INVALID, "fee", "fee has more decimals than CHF's 2", () -> contracts.create(new Contracts.Input(expert.id(), null, "ToR",
                TODAY, TODAY, new BigDecimal("1.001"), "chf", null, null, null, false, null, null), "specialist", "x"));
    }
}
