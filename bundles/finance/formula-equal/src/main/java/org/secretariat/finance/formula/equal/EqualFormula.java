package org.secretariat.finance.formula.equal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.secretariat.finance.api.Assessment;
import org.secretariat.finance.api.CostSharingFormula;
import org.secretariat.finance.api.LargestRemainder;
import org.secretariat.finance.api.Rate;
import org.secretariat.finance.api.Share;
import org.secretariat.platform.api.domain.DomainException;

/**
 * Equal shares: every state assessed pays 1/n of the amount, whatever its rate; the minor units the
 * division leaves go one each to the first states named. It takes no parameters and ignores any given.
 */
@Component(service = CostSharingFormula.class)
public class EqualFormula implements CostSharingFormula {

    public static final String NAME = "equal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Every state assessed pays the same share of the amount";
    }

    @Override
    public List<Share> shares(Assessment input) {
        if (input.amount().signum() <= 0) {
            throw DomainException.invalid("amount", "amount must be more than zero");
        }
        if (input.amount().stripTrailingZeros().scale() > LargestRemainder.minorUnit(input.currency())) {
            throw DomainException.invalid("amount", "amount has more decimals than " + input.currency() + "'s "
                    + LargestRemainder.minorUnit(input.currency()));
        }
        int n = input.rates().size();
        if (n == 0) {
            throw DomainException.invalid("rates", "no states to assess");
        }
        Set<String> seen = new HashSet<>();
        for (Rate rate : input.rates()) {
            if (!seen.add(rate.state())) {
                throw DomainException.invalid("rates", "state " + rate.state() + " is named twice");
            }
        }
        BigDecimal each = input.amount().divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        List<BigDecimal> amounts = LargestRemainder.round(input.amount(), input.currency(), Collections.nCopies(n, each));
        BigDecimal share = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rate rate = input.rates().get(i);
            shares.add(new Share(rate.state(), rate.rate(), share, amounts.get(i), false, "equal share: 1/" + n));
        }
        return shares;
    }
}
