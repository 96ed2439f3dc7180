package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A DAG's place on its MWAA environment: what the environment costs, the DAG's share of its worker slot-seconds,
 * and what removing the DAG would save. A DAG alone on its environment carries the whole environment; a shared one
 * carries only its marginal cost (the extra-worker hours its work causes, none of the base fee).
 *
 * @param environmentName        the environment's name
 * @param environmentClass       its class ("mw1.small")
 * @param environmentMonthlyCost what the whole environment costs a month
 * @param environmentItems       the environment's cost items
 * @param slotShare              this DAG's share of the environment's slot-seconds, 0..1
 * @param dagsOnEnvironment      DAGs the environment hosts, this one included
 * @param alone                  whether this DAG is the only one
 * @param marginalMonthlyCost    what removing this DAG would save a month
 * @param marginalBasis          how that was found ("re-simulated: $381.13 − $379.02 ..." or the slot-share formula)
 */
public record EnvironmentShare(String environmentName, String environmentClass, BigDecimal environmentMonthlyCost,
                               List<CostItem> environmentItems, BigDecimal slotShare, int dagsOnEnvironment,
                               boolean alone, BigDecimal marginalMonthlyCost, String marginalBasis) {

    public EnvironmentShare {
        Objects.requireNonNull(environmentName, "environmentName");
        Objects.requireNonNull(environmentClass, "environmentClass");
        Objects.requireNonNull(environmentMonthlyCost, "environmentMonthlyCost");
        environmentItems = List.copyOf(environmentItems);
        Objects.requireNonNull(slotShare, "slotShare");
        Objects.requireNonNull(marginalMonthlyCost, "marginalMonthlyCost");
        marginalBasis = marginalBasis == null ? "" : marginalBasis;
    }

    /**
     * The DAG shares the environment and its marginal cost is the difference of two simulated months: the environment
     * with all its DAGs and without this one (never below 0: a lower month with the DAG is simulation noise).
     */
    public static EnvironmentShare resimulated(String name, String environmentClass, BigDecimal monthlyCost,
                                               List<CostItem> items, BigDecimal slotShare, int dagsOnEnvironment,
                                               BigDecimal withDag, BigDecimal withoutDag) {
        BigDecimal marginal = withDag.subtract(withoutDag).max(BigDecimal.ZERO);
        return new EnvironmentShare(name, environmentClass, monthlyCost, items, slotShare, dagsOnEnvironment, false,
                marginal, "re-simulated: the environment's month with it " + dev.flowcost.advisor.cost.Money.display(withDag)
                + ", without it " + dev.flowcost.advisor.cost.Money.display(withoutDag));
    }

    /** The DAG is the only one on the environment: removing it removes the environment, so its marginal cost is all of it. */
    public static EnvironmentShare alone(String name, String environmentClass, BigDecimal monthlyCost, List<CostItem> items) {
        return new EnvironmentShare(name, environmentClass, monthlyCost, items, BigDecimal.ONE, 1, true, monthlyCost,
                "alone: the whole environment");
    }

    /**
     * The DAG shares the environment. Its marginal cost is the extra-worker hours of the month attributed to it by its
     * slot-second share, at the class's extra-worker price:
     * {@code marginal = extraWorkerHoursPerMonth × slotShare × workerHourlyPrice}. The base fee, schedulers, web
     * servers and storage stay when it leaves, so none of them is in it.
     */
    public static EnvironmentShare shared(String name, String environmentClass, BigDecimal monthlyCost, List<CostItem> items,
                                          BigDecimal slotShare, int dagsOnEnvironment, BigDecimal extraWorkerHoursPerMonth,
                                          BigDecimal workerHourlyPrice) {
        BigDecimal marginal = extraWorkerHoursPerMonth.multiply(slotShare).multiply(workerHourlyPrice);
        return new EnvironmentShare(name, environmentClass, monthlyCost, items, slotShare, dagsOnEnvironment,
                dagsOnEnvironment <= 1, dagsOnEnvironment <= 1 ? monthlyCost : marginal,
                "estimated, not re-simulated: extra-worker hours by its slot share");
    }
}
