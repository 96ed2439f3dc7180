package dev.flowcost.advisor.estate;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.cost.MwaaUsage;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.workload.EnvironmentSpec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An MWAA environment's month as fixed monthly {@link CostItem}s (environment hours, extra worker-hours from the
 * simulated autoscaling plus workers kept above one, extra schedulers and web servers, metadata storage), and each
 * DAG's share of them by worker-slot seconds. DAG shares are a view of the environment's bill, never added to it.
 */
public final class EnvironmentCosting {

    private EnvironmentCosting() {
    }

    /** The environment's items for a simulated month. */
    public static List<CostItem> items(EnvironmentSpec env, EnvironmentMonthResult month, MwaaCost.Prices prices,
                                       double hoursPerMonth, List<String> notes) {
        BigDecimal hours = BigDecimal.valueOf(hoursPerMonth);
        List<CostItem> items = new ArrayList<>();
        items.add(CostItems.fixedMonthly(env.environmentClass() + " environment", hours, prices.environment()));
        BigDecimal workerHours = BigDecimal.valueOf(Math.max(0, month.workerHoursAboveMinimum()))
                .add(BigDecimal.valueOf(env.minWorkers() - (long) MwaaUsage.INCLUDED_WORKERS).multiply(hours));
        extra(items, "extra worker-hours", workerHours, prices.worker().orElse(null), env, notes);
        extra(items, "extra scheduler-hours", MwaaUsage.extraSchedulerHours(env.schedulers(), hours),
                prices.scheduler().orElse(null), env, notes);
        extra(items, "extra web server-hours", MwaaUsage.extraWebServerHours(env.webServers(), hours),
                prices.webServer().orElse(null), env, notes);
        if (env.metadataStorageGb() > 0) {
            items.add(CostItems.fixedMonthly("metadata storage", BigDecimal.valueOf(env.metadataStorageGb()),
                    prices.metadataStorage()));
        }
        return items;
    }

    private static void extra(List<CostItem> items, String component, BigDecimal quantity, Rate rate,
                              EnvironmentSpec env, List<String> notes) {
        if (quantity.signum() <= 0) {
            return;
        }
        if (rate == null) {
            notes.add(env.environmentClass() + " has no price for " + component + " (it cannot scale them): "
                    + quantity.stripTrailingZeros().toPlainString() + " left out");
            return;
        }
        items.add(CostItems.fixedMonthly(env.environmentClass() + " " + component, quantity, rate));
    }

    /** Each DAG's share of the environment: its worker-slot seconds over all (equal shares when none ran). */
    public static BigDecimal share(String dagId, List<String> dagIds, Map<String, Double> slotSecondsByDag) {
        double total = dagIds.stream().mapToDouble(d -> slotSecondsByDag.getOrDefault(d, 0.0)).sum();
        if (total <= 0) {
            return BigDecimal.ONE.divide(BigDecimal.valueOf(Math.max(1, dagIds.size())), MathContext.DECIMAL64);
        }
        return BigDecimal.valueOf(slotSecondsByDag.getOrDefault(dagId, 0.0))
                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    }

    /** The environment items scaled by a share, each still a fixed monthly item at its own price. */
    public static List<CostItem> shareOf(List<CostItem> environmentItems, BigDecimal share) {
        List<CostItem> out = new ArrayList<>();
        for (CostItem i : environmentItems) {
            out.add(CostItems.fixedMonthly(i.component() + " (share)", i.fixedMonthlyQuantity().multiply(share),
                    new Rate(i.unitPrice(), i.unit(), i.priceKey())));
        }
        return out;
    }

    /** The sizing verdict in words. */
    public static String verdict(EnvironmentMonthResult month, EnvironmentSpec env) {
        switch (month.verdict()) {
            case TOO_SMALL:
                return "too small";
            case LARGER_THAN_NEEDED:
                return dev.flowcost.core.dag.EnvironmentClass.parse(env.environmentClass())
                        .flatMap(dev.flowcost.core.dag.EnvironmentClass::smaller)
                        .map(c -> "larger than needed: consider " + c.className())
                        .orElse("larger than needed");
            default:
                return "keep";
        }
    }

    /** The analysis of one environment (monthlyCostAfter = monthlyCost until a planner moves DAGs out). */
    public static EnvironmentAnalysis analysis(EnvironmentSpec env, List<String> dagIds, List<CostItem> items,
                                               EnvironmentMonthResult month, List<String> notes) {
        BigDecimal total = CostItems.total(items);
        List<String> all = new ArrayList<>(notes);
        all.add(month.verdictReason());
        return new EnvironmentAnalysis(env.name(), env.environmentClass(), dagIds, items, total, total,
                verdict(month, env), all);
    }
}
