package org.secretariat.finance.impl.service;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.api.earmarks.EarmarkedFunds;
import org.secretariat.finance.api.earmarks.EarmarkedReceipt;
import org.secretariat.finance.impl.domain.Contribution;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.finance.impl.domain.Receipt;
import org.secretariat.platform.api.persistence.Transactions;

/** The receipts of earmarked contributions by purpose, for a module that keeps a fund of its own (finance-api 1.2). */
@Component(service = EarmarkedFunds.class)
public class Earmarks implements EarmarkedFunds {

    private final EntityManagerFactory factory;

    @Activate
    public Earmarks(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public List<String> purposes() {
        return Transactions.read(factory, em -> em.createQuery("SELECT DISTINCT c.purpose FROM Contribution c WHERE c.kind = :kind"
                + " AND c.purpose IS NOT NULL ORDER BY c.purpose", String.class).setParameter("kind", ContributionKind.EARMARKED).getResultList());
    }

    @Override
    public List<EarmarkedReceipt> receipts(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return List.of();
        }
        String wanted = purpose.strip().toLowerCase(Locale.ROOT);
        return Transactions.read(factory, em -> {
            List<Object[]> rows = em.createQuery("SELECT r, c FROM Receipt r, Contribution c WHERE r.contributionId = c.id AND c.kind = :kind"
                    + " AND LOWER(c.purpose) = :purpose ORDER BY r.receivedOn, r.id", Object[].class)
                    .setParameter("kind", ContributionKind.EARMARKED).setParameter("purpose", wanted).getResultList();
            return rows.stream().map(row -> {
                Receipt receipt = (Receipt) row[0];
                Contribution contribution = (Contribution) row[1];
                return new EarmarkedReceipt(receipt.id, contribution.id, contribution.state != null ? contribution.state : contribution.donor,
                        receipt.receivedOn, receipt.settledAmount(), contribution.currency, receipt.reference);
            }).collect(Collectors.toList());
        });
    }
}
