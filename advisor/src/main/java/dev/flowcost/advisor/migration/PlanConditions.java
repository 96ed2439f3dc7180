package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.EnvironmentConditions;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.core.dag.EnvironmentClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The conditions under which an environment's answer flips, by scaling every DAG's runs together by a factor k.
 * Approximation (stated in the summary): an environment's fixed items (hours, minimum workers, schedulers, web
 * servers, storage) stay, its extra-worker hours above the minimum grow in proportion to k; a moved DAG's cost items
 * are recomputed at k × its runs by their own formula ({@link DagMigrationAdvisor#costAt}).
 */
final class PlanConditions {

    private static final int GRID = 60;
    private static final double MAX_FACTOR = 1000;

    private PlanConditions() {
    }

    static EnvironmentConditions of(EnvironmentPlanInput in, List<PlanOption> plans, PlanOption chosen,
                                    Map<String, EnvironmentPlanInput.PlannedDag> dags, EnvironmentClass now) {
        BigDecimal runs = dags.values().stream().map(EnvironmentPlanInput.PlannedDag::runsPerMonth)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        double threshold = 0;
        boolean keep = chosen.name().equals(PlanOption.KEEP);
        Optional<PlanOption> compared = keep
                ? plans.stream().filter(p -> !p.name().equals(PlanOption.KEEP))
                .max(Comparator.comparing(PlanOption::monthlySaving))
                : Optional.of(chosen);
        List<String> features = new ArrayList<>();
        for (EnvironmentPlanInput.PlannedDag d : dags.values()) {
            if (!chosen.dagsMoving().contains(d.dagId())) {
                d.work().hardBlockers().stream().limit(2).forEach(b -> features.add("DAG " + d.dagId() + " stays: " + b));
            }
            if (d.run().successProbability() < 0.5) {
                features.add(String.format(java.util.Locale.ROOT, "DAG %s succeeds in only %.0f %% of simulated runs:"
                        + " its cost is uncertain (see its warning)", d.dagId(), d.run().successProbability() * 100));
            }
        }
        if (compared.isEmpty() || runs.signum() <= 0) {
            String why = compared.isEmpty() ? "no other plan could be weighed" : "the DAGs have no runs a month";
            return new EnvironmentConditions(runs, Optional.empty(), "", features,
                    "Keep " + in.spec().name() + " as it is: " + why + ".", rate(in), horizon(in));
        }
        PlanOption p = compared.get();
        biggestNewCost(p, dags).ifPresent(features::add);
        double effort = p.effortCost().doubleValue();
        double horizon = in.migration().horizon();
        DoubleUnaryOperator saving = savingAt(in, p, dags);
        // the plan pays back at factor k when saving(k) × horizon ≥ effort and saving(k) > 0
        java.util.function.DoublePredicate pays = k -> {
            double s = saving.applyAsDouble(k);
            return s > 0 && s * horizon >= effort;
        };
        Optional<Double> flip = Optional.empty();
        String direction = "";
        double best = Double.MAX_VALUE;
        boolean atOne = pays.test(1);
        for (int i = -GRID; i <= GRID; i++) {
            if (i == 0) {
                continue;
            }
            double k = Math.pow(MAX_FACTOR, i / (double) GRID);
            double inner = Math.pow(MAX_FACTOR, (i - Integer.signum(i)) / (double) GRID);
            if (pays.test(k) != atOne && pays.test(inner) == atOne) {
                double f = refine(pays, Math.min(inner, k), Math.max(inner, k));
                double distance = Math.abs(Math.log(f));
                if (distance < best) {
                    best = distance;
                    flip = Optional.of(f);
                    direction = f > 1 ? "above" : "below";
                }
            }
        }
        Optional<BigDecimal> breakEven = flip.map(f -> BigDecimal.valueOf(f).multiply(runs).setScale(0, RoundingMode.HALF_UP));
        String name = in.spec().name();
        StringBuilder summary = new StringBuilder();
        if (!keep) {
            summary.append(capital(p.description())).append(": saves ").append(Money.display(p.monthlySaving()))
                    .append(" a month; ").append(WorkItem.trim(p.effortHours())).append(" h of work (")
                    .append(Money.display(p.effortCost())).append(") pay back in ")
                    .append(p.paybackMonths().map(BigDecimal::toPlainString).orElse("—")).append(" months.");
            if (breakEven.isPresent()) {
                summary.append(" Keep MWAA instead if the DAGs' runs ").append(direction.equals("above") ? "grow past "
                        : "fall below ").append(String.format(java.util.Locale.ROOT, "%,d", breakEven.get().longValue()))
                        .append(" a month (now ").append(String.format(java.util.Locale.ROOT, "%,d", runs.longValue()))
                        .append(")");
            } else {
                summary.append(" No volume between 1/1000 and 1000 × today's runs makes keeping MWAA cheaper");
            }
        } else {
            summary.append("Keep ").append(name).append(": the best move, ").append(p.name()).append(" (")
                    .append(p.description()).append("), ");
            if (p.monthlySaving().signum() <= 0) {
                summary.append("costs ").append(Money.display(p.monthlySaving().negate())).append(" more a month");
            } else {
                summary.append("saves ").append(Money.display(p.monthlySaving())).append(" a month against ")
                        .append(WorkItem.trim(p.effortHours())).append(" h of work (").append(Money.display(p.effortCost()))
                        .append("), paid back only after ").append(p.paybackMonths().map(BigDecimal::toPlainString)
                        .orElse("—")).append(" months, beyond the ").append(WorkItem.trim(horizon)).append("-month horizon");
            }
            summary.append(".");
            if (breakEven.isEmpty()) {
                summary.append(" No volume between 1/1000 and 1000 × today's runs makes it pay back");
            } else {
                summary.append(" It would pay back if the DAGs' runs ").append(direction.equals("above") ? "grew past "
                        : "fell below ").append(String.format(java.util.Locale.ROOT, "%,d", breakEven.get().longValue()))
                        .append(" a month (now ").append(String.format(java.util.Locale.ROOT, "%,d", runs.longValue()))
                        .append(")");
            }
        }
        if (!features.isEmpty() && features.stream().anyMatch(f -> f.contains(" stays: "))) {
            summary.append(", or as long as the hard blockers named below cannot be replaced");
        }
        summary.append(". (Runs of all DAGs scaled together; extra-worker hours taken as growing in proportion.)");
        return new EnvironmentConditions(runs, breakEven, direction, features, summary.toString().replace("..", "."),
                rate(in), horizon(in));
    }

    private static BigDecimal rate(EnvironmentPlanInput in) {
        return BigDecimal.valueOf(in.migration().rate());
    }

    private static BigDecimal horizon(EnvironmentPlanInput in) {
        return BigDecimal.valueOf(in.migration().horizon());
    }

    /** Bisection between lo and hi for the factor where {@code pays} changes. */
    private static double refine(java.util.function.DoublePredicate pays, double lo, double hi) {
        boolean atLo = pays.test(lo);
        for (int i = 0; i < 40; i++) {
            double mid = Math.sqrt(lo * hi);
            if (pays.test(mid) == atLo) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** keep(k) − plan(k), in dollars a month. */
    private static DoubleUnaryOperator savingAt(EnvironmentPlanInput in, PlanOption p,
                                                Map<String, EnvironmentPlanInput.PlannedDag> dags) {
        double keepFixed = fixed(in.costItems());
        double keepVariable = CostItems.total(in.costItems()).doubleValue() - keepFixed;
        double envFixed = fixed(p.environmentItemsAfter());
        double envVariable = p.environmentCostAfter().doubleValue() - envFixed;
        List<java.util.function.Function<BigDecimal, BigDecimal>> moved = new ArrayList<>();
        List<BigDecimal> runsNow = new ArrayList<>();
        for (String d : p.dagsMoving()) {
            EnvironmentPlanInput.PlannedDag dag = dags.get(d);
            Optional<Alternative> a = EnvironmentPlanner.target(dag);
            List<CostItem> items = new ArrayList<>(a.map(Alternative::costItems).orElse(List.of()));
            // the schedule item of the plan, if any, belongs to this DAG's runs key too
            p.itemsAfter().stream().filter(i -> i.component().endsWith("starting " + d)).forEach(items::add);
            if (dag.runsPerMonth().signum() > 0) {
                moved.add(DagMigrationAdvisor.costAt(items, dag.runsPerMonth()));
                runsNow.add(dag.runsPerMonth());
            } else {
                BigDecimal flat = CostItems.total(items);
                moved.add(r -> flat);
                runsNow.add(BigDecimal.ZERO);
            }
        }
        return k -> {
            double keep = keepFixed + keepVariable * k;
            double plan = envFixed + envVariable * k;
            for (int i = 0; i < moved.size(); i++) {
                plan += moved.get(i).apply(runsNow.get(i).multiply(BigDecimal.valueOf(k))).doubleValue();
            }
            return keep - plan;
        };
    }

    /** The environment's items that do not grow with runs: all but the extra-worker hours above the minimum. */
    private static double fixed(List<CostItem> items) {
        double total = 0;
        for (CostItem i : items) {
            if (!i.component().endsWith("extra worker-hours")) {
                total += i.monthlyAmount().doubleValue();
            }
        }
        return total;
    }

    private static Optional<String> biggestNewCost(PlanOption p, Map<String, EnvironmentPlanInput.PlannedDag> dags) {
        CostItem top = null;
        String owner = "";
        for (String d : p.dagsMoving()) {
            Optional<Alternative> a = EnvironmentPlanner.target(dags.get(d));
            if (a.isEmpty()) {
                continue;
            }
            for (CostItem i : a.get().costItems()) {
                if (top == null || i.monthlyAmount().compareTo(top.monthlyAmount()) > 0) {
                    top = i;
                    owner = d;
                }
            }
        }
        if (top == null || top.monthlyAmount().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of("the largest new cost of the move: " + top.component() + " of DAG " + owner + ", "
                + Money.display(top.monthlyAmount()) + " a month");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
