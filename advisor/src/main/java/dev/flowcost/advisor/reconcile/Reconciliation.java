package dev.flowcost.advisor.reconcile;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.core.calibrate.Arns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The model set against the bill: per month, per state machine (Step Functions lines whose resource id is its ARN)
 * and per MWAA environment (lines whose resource id is the environment's ARN), modelled vs billed cost and the gap.
 * Step Functions and MWAA lines without a resource id are compared with the model's account-wide total for that
 * service (less its free-tier credits). Lines the model does not explain — a state machine or environment that was
 * not modelled, a usage type the model does not price (data transfer, say) — are listed, never dropped; other
 * products are summed per product code as out of scope.
 *
 * <p>Usage types are told apart by AWS's names ({@link UsageTypes}); a name matched only by AWS's pattern or by words
 * (usage type or operation), a Step Functions or MWAA usage type the model does not price, and an environment billed
 * in another class than modelled are each named in {@code warnings}.
 *
 * <p>The modelled amount is the model's steady monthly cost; a partial month in the bill shows as a gap.
 */
public record Reconciliation(List<Row> rows, List<BillLine> unexplained, Map<String, BigDecimal> otherProducts,
                             List<String> warnings) {

    /** One comparison. {@code kind} is "state machine", "environment" or "account". */
    public record Row(String month, String kind, String name, BigDecimal modelled, BigDecimal billed,
                      Optional<BigDecimal> gapPercent) {
    }

    public Reconciliation {
        rows = List.copyOf(rows);
        unexplained = List.copyOf(unexplained);
        otherProducts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherProducts));
        warnings = List.copyOf(warnings);
    }

    static final String STATES = "states";
    static final String MWAA = "mwaa";

    public static Reconciliation of(Analysis analysis, List<BillLine> bill) {
        Map<String, BigDecimal> machineModel = new LinkedHashMap<>();
        for (WorkflowAnalysis w : analysis.workflows()) {
            if (w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE) {
                machineModel.put(w.name(), sum(w.costItems(), STATES));
            }
        }
        Map<String, BigDecimal> envModel = new LinkedHashMap<>();
        Map<String, String> envClass = new LinkedHashMap<>();
        for (EnvironmentAnalysis e : analysis.environments()) {
            envModel.put(e.name(), e.monthlyCost());
            envClass.put(e.name(), e.environmentClass());
        }
        Map<String, String> unpriced = new java.util.TreeMap<>();
        Map<String, String> uncertain = new java.util.TreeMap<>();
        Map<String, String> otherClass = new java.util.TreeMap<>();
        BigDecimal credits = BigDecimal.ZERO;
        for (FreeTierCredit c : analysis.credits()) {
            if (c.priceKey().contains("/" + dev.flowcost.advisor.price.Services.STATES_STANDARD + "/")) {
                credits = credits.add(c.amount());
            }
        }
        TreeSet<String> months = new TreeSet<>();
        Map<String, BigDecimal> billed = new LinkedHashMap<>();
        List<BillLine> unexplained = new ArrayList<>();
        Map<String, BigDecimal> other = new LinkedHashMap<>();
        for (BillLine l : bill) {
            String service = service(l);
            if (service == null) {
                other.merge(l.productCode().isEmpty() ? "(no product code)" : l.productCode(), l.cost(), BigDecimal::add);
                continue;
            }
            months.add(l.month());
            Optional<UsageTypes.Match> match = UsageTypes.of(service, l.usageType(), l.operation());
            if (match.isEmpty()) {
                unpriced.put(l.productCode() + " " + l.usageType(), l.productCode() + " " + l.usageType()
                        + (l.operation().isEmpty() ? "" : " (operation " + l.operation() + ")"));
                unexplained.add(l);
                continue;
            }
            if (match.get().basis() != UsageTypes.Basis.CONFIRMED) {
                uncertain.put(l.usageType() + "\u0000" + l.operation(), "usage type " + l.usageType()
                        + (l.operation().isEmpty() ? "" : " (operation " + l.operation() + ")") + " counted as "
                        + match.get().component().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " by "
                        + (match.get().basis() == UsageTypes.Basis.PATTERN ? "AWS's naming pattern" : "its words")
                        + "; the name is not confirmed against AWS's price list");
            }
            String key;
            if (l.resourceId().isEmpty()) {
                key = "account\u0000" + service;
            } else if (service.equals(STATES)) {
                Optional<String> m = Arns.stateMachine(l.resourceId()).filter(machineModel::containsKey);
                if (m.isEmpty()) {
                    unexplained.add(l);
                    continue;
                }
                key = "state machine\u0000" + m.get();
            } else {
                Optional<String> e = Arns.environment(l.resourceId()).or(() -> Optional.of(l.resourceId()))
                        .filter(envModel::containsKey);
                if (e.isEmpty()) {
                    unexplained.add(l);
                    continue;
                }
                key = "environment\u0000" + e.get();
                String modelledClass = envClass.get(e.get());
                match.get().environmentClass().filter(c -> !c.equalsIgnoreCase(modelledClass)).ifPresent(c ->
                        otherClass.put(e.get() + "\u0000" + c, "environment " + e.get() + " is billed as " + c + " ("
                                + l.usageType() + ") but modelled as " + modelledClass));
            }
            billed.merge(l.month() + "\u0000" + key, l.cost(), BigDecimal::add);
        }
        List<Row> rows = new ArrayList<>();
        for (String month : months) {
            BigDecimal attributedStates = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> m : machineModel.entrySet()) {
                String k = month + "\u0000state machine\u0000" + m.getKey();
                if (billed.containsKey(k)) {
                    attributedStates = attributedStates.add(m.getValue());
                    rows.add(row(month, "state machine", m.getKey(), m.getValue(), billed.get(k)));
                }
            }
            BigDecimal attributedEnv = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : envModel.entrySet()) {
                String k = month + "\u0000environment\u0000" + e.getKey();
                if (billed.containsKey(k)) {
                    attributedEnv = attributedEnv.add(e.getValue());
                    rows.add(row(month, "environment", e.getKey(), e.getValue(), billed.get(k)));
                }
            }
            BigDecimal statesRest = machineModel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .subtract(attributedStates).add(credits);
            BigDecimal accountStates = billed.get(month + "\u0000account\u0000" + STATES);
            if (accountStates != null || statesRest.signum() != 0) {
                rows.add(row(month, "account", "Step Functions (lines without a state machine ARN)", statesRest,
                        accountStates == null ? BigDecimal.ZERO : accountStates));
            }
            BigDecimal envRest = envModel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(attributedEnv);
            BigDecimal accountEnv = billed.get(month + "\u0000account\u0000" + MWAA);
            if (accountEnv != null || envRest.signum() != 0) {
                rows.add(row(month, "account", "MWAA (lines without an environment ARN)", envRest,
                        accountEnv == null ? BigDecimal.ZERO : accountEnv));
            }
        }
        List<String> warnings = new ArrayList<>(uncertain.values());
        if (!unpriced.isEmpty()) {
            warnings.add(unpriced.size() + " Step Functions/MWAA usage type(s) the model does not price, listed as "
                    + "unexplained: " + String.join(", ", unpriced.values()));
        }
        warnings.addAll(otherClass.values());
        return new Reconciliation(rows, unexplained, other, warnings);
    }

    private static Row row(String month, String kind, String name, BigDecimal modelled, BigDecimal billed) {
        Optional<BigDecimal> gap = modelled.signum() == 0 ? Optional.empty() : Optional.of(
                billed.subtract(modelled).multiply(BigDecimal.valueOf(100)).divide(modelled.abs(), 1, RoundingMode.HALF_UP));
        return new Row(month, kind, name, modelled.setScale(2, RoundingMode.HALF_UP), billed.setScale(2,
                RoundingMode.HALF_UP), gap);
    }

    private static BigDecimal sum(List<CostItem> items, String serviceWord) {
        BigDecimal s = BigDecimal.ZERO;
        for (CostItem i : items) {
            if (i.priceKey().contains("/" + serviceWord)) {
                s = s.add(i.monthlyAmount());
            }
        }
        return s;
    }

    /** "states" for Step Functions lines (product code AmazonStates), "mwaa" for AmazonMWAA, else null. */
    static String service(BillLine l) {
        String p = l.productCode().toLowerCase(Locale.ROOT);
        if (p.equals("amazonstates") || p.equals("awsstepfunctions")) {
            return STATES;
        }
        if (p.equals("amazonmwaa")) {
            return MWAA;
        }
        return null;
    }
}
