package org.secretariat.finance.impl.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.finance.api.CostSharingFormula;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The cost-sharing formulas installed now: every {@link CostSharingFormula} service, as formula
 * modules come and go, and the default one of the configuration ({@code org.secretariat.finance},
 * {@code defaultFormula}, {@value #DEFAULT}) when a request names none.
 */
@Component(service = Formulas.class, configurationPid = Formulas.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Formulas {

    public static final String PID = "org.secretariat.finance";
    public static final String DEFAULT = "scale";

    /** A formula as the API lists it. */
    public record View(String name, String version, String description, boolean defaultFormula) {
    }

    private final List<CostSharingFormula> installed = new CopyOnWriteArrayList<>();
    private volatile String defaultFormula;

    @Activate
    public Formulas(Map<String, Object> configuration) {
        modified(configuration);
    }

    /** With these formulas installed, as a test wants. */
    Formulas(String defaultFormula, CostSharingFormula... formulas) {
        this.defaultFormula = defaultFormula;
        installed.addAll(List.of(formulas));
    }

    @Modified
    void modified(Map<String, Object> configuration) {
        Object configured = configuration == null ? null : configuration.get("defaultFormula");
        defaultFormula = configured == null || configured.toString().isBlank() ? DEFAULT : configured.toString().trim();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addFormula(CostSharingFormula formula) {
        installed.add(formula);
    }

    void removeFormula(CostSharingFormula formula) {
        installed.remove(formula);
    }

    /** The installed formulas by name. */
    public List<View> list() {
        String preferred = defaultFormula;
        return installed.stream().sorted(Comparator.comparing(CostSharingFormula::name))
                .map(f -> new View(f.name(), f.version(), f.description(), f.name().equals(preferred))).collect(Collectors.toList());
    }

    public String defaultName() {
        return defaultFormula;
    }

    /** The installed formula of that name (the default one for none), or refused naming the installed ones. */
    public CostSharingFormula require(String name) {
        String wanted = name == null || name.isBlank() ? defaultFormula : name.trim();
        for (CostSharingFormula formula : installed) {
            if (formula.name().equals(wanted)) {
                return formula;
            }
        }
        String names = installed.stream().map(CostSharingFormula::name).sorted().collect(Collectors.joining(", "));
        throw DomainException.invalid("formula", "no formula '" + wanted + "' is installed" + (name == null || name.isBlank() ? " (the default)" : "")
                + "; installed: " + (names.isEmpty() ? "none" : names));
    }
}
