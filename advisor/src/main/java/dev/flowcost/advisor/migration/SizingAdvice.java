package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.estate.EnvironmentCosting;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.simulate.dag.SizingVerdict;
import dev.flowcost.core.workload.EnvironmentSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to do about an environment whose simulated month queues work at its maximum workers, in words: the fewest
 * maximum workers that hold it (found by re-simulation) and what they add a month, else the next class, and the
 * poke-mode sensors that could stop holding slots (deferrable).
 */
public final class SizingAdvice {

    private SizingAdvice() {
    }

    /** The action for a month judged too small, e.g. "too small: raise maxWorkers to 7 (+$45.20 a month)". */
    public static String tooSmall(EnvironmentSpec env, EnvironmentMonthResult month, List<Dag> dags,
                                  EnvironmentMonths months, PriceBook book, String region, double hoursPerMonth,
                                  BigDecimal monthlyCost) {
        EnvironmentClass cls = EnvironmentClass.parseOrFallback(env.environmentClass());
        Set<String> all = new LinkedHashSet<>();
        dags.forEach(d -> all.add(d.dagId()));
        List<String> actions = new ArrayList<>();
        if (dags.size() > cls.dagCapacity()) {
            actions.add(dags.size() + " DAGs exceed " + cls.className() + "'s capacity of " + cls.dagCapacity()
                    + ": move to a larger class or split the environment");
        } else {
            Optional<String> raise = raiseWorkers(env, cls, all, months, book, region, hoursPerMonth, monthlyCost);
            raise.ifPresent(actions::add);
            if (raise.isEmpty()) {
                actions.add("even " + cls.maxWorkers() + " workers do not hold the load: move to a larger class"
                        + cls.smaller().map(s -> "").orElse(""));
            }
        }
        List<String> poking = new ArrayList<>();
        for (Dag d : dags) {
            for (DagTask t : d.tasks()) {
                if (t.sensor().isPresent() && t.sensor().get().holdsSlotWhileWaiting()) {
                    poking.add(d.dagId() + "." + t.taskId());
                }
            }
        }
        if (!poking.isEmpty()) {
            actions.add("or make the poke-mode sensors " + String.join(", ", poking.subList(0, Math.min(5, poking.size())))
                    + (poking.size() > 5 ? " and " + (poking.size() - 5) + " more" : "")
                    + " deferrable so they stop holding worker slots while they wait");
        }
        return "too small: " + String.join("; ", actions);
    }

    private static Optional<String> raiseWorkers(EnvironmentSpec env, EnvironmentClass cls, Set<String> all,
                                                 EnvironmentMonths months, PriceBook book, String region,
                                                 double hoursPerMonth, BigDecimal monthlyCost) {
        if (!cls.autoscales() || env.maxWorkers() >= cls.maxWorkers()) {
            return Optional.empty();
        }
        int lo = env.maxWorkers() + 1;
        int hi = cls.maxWorkers();
        Optional<EnvironmentMonthResult> top = months.month(all, cls.className(), env.minWorkers(), hi);
        if (top.isEmpty() || top.get().verdict() == SizingVerdict.TOO_SMALL) {
            return Optional.empty();
        }
        EnvironmentMonthResult best = top.get();
        int bestWorkers = hi;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            Optional<EnvironmentMonthResult> m = months.month(all, cls.className(), env.minWorkers(), mid);
            if (m.isEmpty()) {
                break;
            }
            if (m.get().verdict() != SizingVerdict.TOO_SMALL) {
                hi = mid;
                best = m.get();
                bestWorkers = mid;
            } else {
                lo = mid + 1;
            }
        }
        EnvironmentSpec raised = new EnvironmentSpec(env.name(), env.environmentClass(), env.minWorkers(), bestWorkers,
                env.schedulers(), env.webServers(), env.metadataStorageGb(), env.dags());
        BigDecimal after = CostItems.total(EnvironmentCosting.items(raised, best,
                MwaaCost.Prices.from(book, region, cls.className()), hoursPerMonth, new ArrayList<>()));
        BigDecimal delta = after.subtract(monthlyCost);
        return Optional.of("raise maxWorkers from " + env.maxWorkers() + " to " + bestWorkers + " ("
                + (delta.signum() >= 0 ? "+" + Money.display(delta) : "−" + Money.display(delta.negate()))
                + " a month, by re-simulation)");
    }
}
