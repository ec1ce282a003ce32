package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * The donor report of a fund: its balance, each award it paid or committed (meeting, state, region,
 * gender, attendance, committed and spent; no name: a donor learns who was funded by state, region and
 * gender, not the people), and the totals by state, region and gender.
 */
@Component(service = DonorReports.class)
public class DonorReports {

    public record Award(String meeting, LocalDate meetingStart, String stateIso2, String state, String region, String gender, String status,
            String attendance, BigDecimal committed, BigDecimal spent) {
    }

    public record Total(String key, int delegates, BigDecimal amount) {
    }

    public record Report(long fundId, String donor, String currency, BigDecimal pledged, Funds.Balance balance, LocalDate asOf, List<Award> awards,
            List<Total> byState, List<Total> byRegion, List<Total> byGender) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public DonorReports(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners) {
        this(factory, partners, Clock.systemUTC());
    }

    DonorReports(EntityManagerFactory factory, Clock clock) {
        this(factory, new Partners(), clock);
    }

    DonorReports(EntityManagerFactory factory, Partners partners, Clock clock) {
        this.factory = factory;
        this.partners = partners;
        this.clock = clock;
    }

    public Report report(long fundId) {
        FinanceReceipts.follow(factory, partners, clock);
        return Transactions.read(factory, em -> {
            Fund fund = Funds.require(em, fundId);
            List<Award> awards = new ArrayList<>();
            for (Programme p : em.createQuery("SELECT p FROM Programme p WHERE p.fundId = :fund ORDER BY p.meetingStart, p.id", Programme.class)
                    .setParameter("fund", fundId).getResultList()) {
                Map<String, String> regions = Applications.regions(em, p.id);
                for (Application a : em.createQuery("SELECT a FROM Application a WHERE a.programmeId = :p ORDER BY a.stateIso2, a.id",
                        Application.class).setParameter("p", p.id).getResultList()) {
                    if (a.committed == null && a.spent == null && a.status != ApplicationStatus.ACCEPTED) {
                        continue;
                    }
                    awards.add(new Award(p.meetingTitle, p.meetingStart, a.stateIso2, a.stateName, regions.get(a.stateIso2),
                            a.gender == null ? "not given" : a.gender.name(), a.status.name(), a.attendance == null ? null : a.attendance.name(),
                            Money.stored(a.committed, fund.currency), Money.stored(a.spent, fund.currency)));
                }
            }
            return new Report(fund.id, fund.donorName, fund.currency, Money.stored(fund.pledged, fund.currency), Funds.balance(em, fund),
                    LocalDate.now(clock), awards, totals(awards, Award::state, fund.currency),
                    totals(awards, a -> a.region() == null ? "no region" : a.region(), fund.currency), totals(awards, Award::gender, fund.currency));
        });
    }

    private static List<Total> totals(List<Award> awards, Function<Award, String> key, String currency) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Award award : awards) {
            counts.computeIfAbsent(key.apply(award), k -> new int[1])[0]++;
            BigDecimal amount = (award.committed() == null ? BigDecimal.ZERO : award.committed())
                    .add(award.spent() == null ? BigDecimal.ZERO : award.spent());
            amounts.merge(key.apply(award), amount, BigDecimal::add);
        }
        List<Total> totals = new ArrayList<>();
        counts.forEach((k, count) -> totals.add(new Total(k, count[0], Money.stored(amounts.get(k), currency))));
        return totals;
    }
}
