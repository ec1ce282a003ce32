package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * What the unit configures about its budgets (configuration {@code org.secretariat.finance}):
 * {@code defaultLines}, the lines a new budget starts from when it names none, each {@code CODE=Title}
 * (an array, or one text with the entries separated by {@code |}); and {@code transferApprovalShare},
 * the share of a line's approved amount (per cent, default {@value #DEFAULT_TRANSFER_SHARE}) up to
 * which a transfer from it applies at once; a larger one waits for the Director.
 */
@Component(service = BudgetSettings.class, configurationPid = Formulas.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class BudgetSettings {

    /** A default budget line: its code and title. */
    public record DefaultLine(String code, String title) {
    }

    static final String DEFAULT_TRANSFER_SHARE = "10";
    static final List<DefaultLine> DEFAULT_LINES = List.of(new DefaultLine("STAFF", "Staff"), new DefaultLine("TRAVEL", "Travel"),
            new DefaultLine("MEETINGS", "Meetings"), new DefaultLine("IT", "IT and website"), new DefaultLine("OVERHEAD", "Host overhead"),
            new DefaultLine("RESERVE", "Reserve"));

    private volatile List<DefaultLine> defaultLines = DEFAULT_LINES;
    private volatile BigDecimal transferApprovalShare = new BigDecimal(DEFAULT_TRANSFER_SHARE);

    @Activate
    public BudgetSettings(Map<String, Object> configuration) {
        modified(configuration);
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        Object lines = configuration == null ? null : configuration.get("defaultLines");
        Object share = configuration == null ? null : configuration.get("transferApprovalShare");
        List<DefaultLine> parsed = lines == null ? DEFAULT_LINES : lines(lines);
        BigDecimal percent = share == null || share.toString().isBlank() ? new BigDecimal(DEFAULT_TRANSFER_SHARE) : share(share.toString());
        defaultLines = parsed;
        transferApprovalShare = percent;
    }

    public List<DefaultLine> defaultLines() {
        return defaultLines;
    }

    /** Per cent of the source line's approved amount. */
    public BigDecimal transferApprovalShare() {
        return transferApprovalShare;
    }

    private static List<DefaultLine> lines(Object configured) {
        List<String> entries = new ArrayList<>();
        if (configured instanceof String[] array) {
            entries.addAll(Arrays.asList(array));
        } else if (configured instanceof Collection<?> collection) {
            collection.forEach(entry -> entries.add(String.valueOf(entry)));
        } else {
            entries.addAll(Arrays.asList(configured.toString().split("\\|")));
        }
        List<DefaultLine> lines = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String code = equals < 0 ? "" : entry.substring(0, equals).trim();
            String title = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (code.isEmpty() || code.length() > 20 || title.isEmpty() || title.length() > 300) {
                // A configuration mistake must show at once, not as budgets with odd lines.
                throw new IllegalArgumentException("org.secretariat.finance defaultLines: '" + entry + "' is not CODE=Title (code up to 20 characters)");
            }
            if (lines.stream().anyMatch(line -> line.code().equals(code))) {
                throw new IllegalArgumentException("org.secretariat.finance defaultLines: " + code + " is named twice");
            }
            lines.add(new DefaultLine(code, title));
        }
        return List.copyOf(lines);
    }

    private static BigDecimal share(String configured) {
        try {
            BigDecimal share = new BigDecimal(configured.trim());
            if (share.signum() >= 0 && share.compareTo(BigDecimal.valueOf(100)) <= 0) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("org.secretariat.finance transferApprovalShare: '" + configured + "' is not a percentage from 0 to 100");
    }
}
