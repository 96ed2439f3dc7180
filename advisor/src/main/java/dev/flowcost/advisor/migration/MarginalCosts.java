package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.estate.EnvironmentCosting;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.workload.EnvironmentSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each DAG's place on its environment with its marginal cost found as the difference of two simulated months (the
 * environment with all its DAGs and without this one, same class, workers, fidelity and seed). The bound on
 * re-simulations goes to the DAGs with the most slot-seconds, whose marginal costs can matter; the others get the
 * slot-share estimate, labelled as such in their reasons.
 */
public final class MarginalCosts {

    private MarginalCosts() {
    }

    /**
     * The shares of every DAG of {@code env}.
     *
     * @param month       the environment's month with all its DAGs (full fidelity)
     * @param items       its cost items
     * @param monthlyCost its cost
     */
    public static Map<String, EnvironmentShare> of(EnvironmentSpec env, List<String> dagIds, EnvironmentMonthResult month,
                                                   List<CostItem> items, BigDecimal monthlyCost, EnvironmentMonths months,
                                                   MwaaCost.Prices prices, double hoursPerMonth) {
        Map<String, EnvironmentShare> out = new LinkedHashMap<>();
        if (dagIds.size() == 1) {
            out.put(dagIds.get(0), EnvironmentShare.alone(env.name(), env.environmentClass(), monthlyCost, items));
            return out;
        }
        Set<String> all = new LinkedHashSet<>(dagIds);
        Optional<BigDecimal> with = cost(all, env, months, prices, hoursPerMonth);
        List<String> ranked = new ArrayList<>(dagIds);
        ranked.sort(Comparator.comparingDouble((String d) -> -month.slotSecondsByDag().getOrDefault(d, 0.0)));
        Set<String> resimulate = new LinkedHashSet<>(ranked.subList(0,
                Math.min(ranked.size(), EnvironmentPlanner.MAX_MARGINAL_RESIMULATIONS)));
        BigDecimal workerPrice = prices.worker().map(r -> r.price()).orElse(BigDecimal.ZERO);
        for (String d : dagIds) {
            BigDecimal share = EnvironmentCosting.share(d, dagIds, month.slotSecondsByDag());
            Optional<BigDecimal> without = Optional.empty();
            if (with.isPresent() && resimulate.contains(d)) {
                Set<String> rest = new LinkedHashSet<>(all);
                rest.remove(d);
                without = cost(rest, env, months, prices, hoursPerMonth);
            }
            if (without.isPresent()) {
                out.put(d, EnvironmentShare.resimulated(env.name(), env.environmentClass(), monthlyCost, items, share,
                        dagIds.size(), with.get(), without.get()));
            } else {
                out.put(d, EnvironmentShare.shared(env.name(), env.environmentClass(), monthlyCost, items, share,
                        dagIds.size(), BigDecimal.valueOf(month.workerHoursAboveMinimum()), workerPrice));
            }
        }
        return out;
    }

    private static Optional<BigDecimal> cost(Set<String> staying, EnvironmentSpec env, EnvironmentMonths months,
                                             MwaaCost.Prices prices, double hoursPerMonth) {
        return months.month(staying, env.environmentClass(), env.minWorkers(), env.maxWorkers())
                .map(m -> CostItems.total(EnvironmentCosting.items(env, m, prices, hoursPerMonth, new ArrayList<>())));
    }
}
