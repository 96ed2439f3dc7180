package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.CostBreakdown;
import dev.flowcost.advisor.cost.CostLine;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.cost.MwaaUsage;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.workload.EnvironmentSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans one MWAA environment once the DAGs advised to leave MWAA have left. An environment with no DAG left costs
 * nothing (decommission). Otherwise the remaining work is estimated from the simulated month:
 * <ul>
 *   <li>extra-worker hours above the minimum scale with the remaining DAGs' share of slot-seconds;</li>
 *   <li>peak running tasks become min(peak now, Σ the remaining DAGs' own peak concurrency) — an upper bound, as if
 *       their peaks coincided;</li>
 *   <li>the smallest class (stepping down with {@link EnvironmentClass#smaller()}) whose slots at the minimum workers
 *       hold that peak, whose DAG capacity holds the remaining DAGs, and which can bill the workers, schedulers and
 *       web servers the spec asks for; extra-worker hours on it scale by the ratio of tasks per worker;</li>
 *   <li>the maximum workers the peak needs: ceil(peak / tasks per worker), within [min workers, max workers].</li>
 * </ul>
 * The estate-level finding weighs the environment's saving against what the moved DAGs cost on their new platforms.
 * DAGs advised "hybrid" stay on the environment.
 */
public final class EnvironmentPlanner {

    static final String RULE = "environment-after-migration";

    private EnvironmentPlanner() {
    }

    /** The plan for one environment; a pure function of its input. */
    public static EnvironmentPlan plan(EnvironmentPlanInput in) {
        EnvironmentSpec spec = in.spec();
        EnvironmentMonthResult month = in.month();
        List<String> all = in.dags().stream().map(EnvironmentPlanInput.PlannedDag::dagId).collect(Collectors.toList());
        List<EnvironmentPlanInput.PlannedDag> moving = in.dags().stream().filter(d -> d.migration().leavesMwaa())
                .collect(Collectors.toList());
        List<EnvironmentPlanInput.PlannedDag> staying = in.dags().stream().filter(d -> !d.migration().leavesMwaa())
                .collect(Collectors.toList());
        List<String> movingIds = moving.stream().map(EnvironmentPlanInput.PlannedDag::dagId).collect(Collectors.toList());
        List<String> notes = new ArrayList<>();
        notes.add("sizing of the simulated month: " + month.verdict() + " (" + month.verdictReason() + ")");
        if (moving.isEmpty()) {
            notes.add("no DAG is advised to leave MWAA: the environment stays as it is");
            return new EnvironmentPlan(spec.name(), spec.environmentClass(), all, movingIds, in.monthlyCost(), in.costItems(),
                    in.monthlyCost(), in.costItems(), spec.environmentClass(), spec.maxWorkers(), EnvironmentPlan.KEEP,
                    notes, Optional.empty());
        }
        notes.add("leaving MWAA: " + moving.stream().map(d -> d.dagId() + " (" + d.migration().verdict() + ")")
                .collect(Collectors.joining(", ")));
        if (staying.isEmpty()) {
            notes.add("no DAG is left on " + spec.name() + ": decommission it, it then costs nothing");
            return withFinding(in, all, movingIds, moving, List.of(), "", 0, EnvironmentPlan.DECOMMISSION, notes);
        }

        double total = month.totalSlotSeconds();
        double remaining = staying.stream().mapToDouble(d -> month.slotSecondsByDag().getOrDefault(d.dagId(), 0.0)).sum();
        double share = total > 0 ? remaining / total : staying.size() / (double) all.size();
        int peakAfter = Math.min(month.peakRunningTasks(),
                staying.stream().mapToInt(d -> d.run().peakConcurrentTasks()).sum());
        double extraAboveMin = month.workerHoursAboveMinimum() * share;
        notes.add(String.format(Locale.ROOT, "the %d remaining DAG(s) hold %.1f %% of the slot-seconds; their peak is at"
                + " most %d running tasks (now %d); extra-worker hours above the minimum scale to %.1f (now %.1f)",
                staying.size(), share * 100, peakAfter, month.peakRunningTasks(), extraAboveMin,
                month.workerHoursAboveMinimum()));

        EnvironmentClass now = EnvironmentClass.parse(spec.environmentClass()).orElse(EnvironmentClass.MW1_SMALL);
        EnvironmentClass target = now;
        for (Optional<EnvironmentClass> s = now.smaller(); s.isPresent(); s = s.get().smaller()) {
            double extraOnSmaller = extraAboveMin * now.tasksPerWorker() / s.get().tasksPerWorker();
            if (!fits(s.get(), spec, staying.size(), peakAfter, extraOnSmaller, in)) {
                break;
            }
            target = s.get();
        }
        double extraAfter = extraAboveMin * now.tasksPerWorker() / target.tasksPerWorker();
        int maxWorkersAfter = Math.max(spec.minWorkers(), Math.min(target.autoscales() ? spec.maxWorkers() : 1,
                (int) Math.ceil(peakAfter / (double) target.tasksPerWorker())));
        if (target != now) {
            notes.add(peakAfter + " running tasks fit " + target.className() + " (" + target.tasksPerWorker()
                    + " tasks per worker × " + spec.minWorkers() + " minimum worker(s)) and its DAG capacity of "
                    + target.dagCapacity());
        }
        if (maxWorkersAfter < spec.maxWorkers()) {
            notes.add("maxWorkers can drop from " + spec.maxWorkers() + " to " + maxWorkersAfter);
        }
        List<CostItem> itemsAfter = itemsFor(target, spec, month, extraAfter, in);
        String verdict = target != now ? EnvironmentPlan.DOWNSIZE_PREFIX + target.className() : EnvironmentPlan.KEEP;
        return withFinding(in, all, movingIds, moving, itemsAfter, target.className(), maxWorkersAfter, verdict, notes);
    }

    private static boolean fits(EnvironmentClass c, EnvironmentSpec spec, int dags, int peak, double extraWorkerHours,
                                EnvironmentPlanInput in) {
        if (dags > c.dagCapacity() || peak > c.slots(spec.minWorkers())) {
            return false;
        }
        if (!c.autoscales() && (spec.minWorkers() > 1 || extraWorkerHours > 0)) {
            return false;
        }
        try {
            MwaaCost.Prices p = MwaaCost.Prices.from(in.prices(), in.region(), c.className());
            return (spec.schedulers() <= MwaaUsage.INCLUDED_SCHEDULERS || p.scheduler().isPresent())
                    && (spec.webServers() <= MwaaUsage.INCLUDED_WEB_SERVERS || p.webServer().isPresent());
        } catch (RuntimeException missingPrice) {
            return false;
        }
    }

    /** The environment's items on {@code c} with the given extra-worker hours above the minimum. */
    static List<CostItem> itemsFor(EnvironmentClass c, EnvironmentSpec spec, EnvironmentMonthResult month,
                                   double extraAboveMin, EnvironmentPlanInput in) {
        BigDecimal hours = BigDecimal.valueOf(month.hoursPerMonth());
        BigDecimal extraWorkers = BigDecimal.valueOf(spec.minWorkers() - MwaaUsage.INCLUDED_WORKERS).multiply(hours)
                .add(AlternativePricing.decimal(extraAboveMin));
        MwaaUsage usage = new MwaaUsage(c.className(), hours, extraWorkers,
                MwaaUsage.extraSchedulerHours(spec.schedulers(), hours),
                MwaaUsage.extraWebServerHours(spec.webServers(), hours),
                AlternativePricing.decimal(spec.metadataStorageGb()));
        CostBreakdown bill = MwaaCost.monthly(usage, MwaaCost.Prices.from(in.prices(), in.region(), c.className()));
        List<CostItem> items = new ArrayList<>();
        for (CostLine l : bill.lines()) {
            items.add(CostItems.fixedMonthly(l.component(), l.quantity(), new Rate(l.unitPrice(), l.unit(), l.priceKey())));
        }
        return items;
    }

    private static EnvironmentPlan withFinding(EnvironmentPlanInput in, List<String> all, List<String> movingIds,
                                               List<EnvironmentPlanInput.PlannedDag> moving, List<CostItem> envAfter,
                                               String classAfter, int maxWorkersAfter, String verdict, List<String> notes) {
        BigDecimal envCostAfter = CostItems.total(envAfter);
        List<CostItem> after = new ArrayList<>(envAfter);
        List<String> assumptions = new ArrayList<>();
        for (EnvironmentPlanInput.PlannedDag d : moving) {
            Optional<Alternative> a = d.migration().alternative(d.migration().targetPlatform());
            if (a.isPresent()) {
                after.addAll(a.get().costItems());
                assumptions.add(d.dagId() + " on " + a.get().platform() + ": " + Money.display(a.get().monthlyCost())
                        + " a month");
            } else {
                assumptions.add(d.dagId() + ": no " + d.migration().targetPlatform() + " alternative was priced; its new"
                        + " cost is missing from the estate total");
            }
        }
        BigDecimal afterTotal = CostItems.total(after);
        BigDecimal saving = in.monthlyCost().subtract(afterTotal);
        notes.add("environment " + Money.display(in.monthlyCost()) + " → " + Money.display(envCostAfter)
                + "; with the moved DAGs on their new platforms the estate saves " + Money.display(saving) + " a month");
        String title = "Environment " + in.spec().name() + ": " + verdict + " once " + movingIds.size() + " DAG(s) move";
        Change change = new Change(Change.Kind.TEXT, verdict + " " + in.spec().name(), String.join("\n", notes));
        Finding finding = dev.flowcost.advisor.rule.Findings.priced(RULE, in.spec().name(), movingIds, title,
                in.costItems(), after, Finding.Confidence.MEDIUM, assumptions, List.of(), change, Optional.empty());
        return new EnvironmentPlan(in.spec().name(), in.spec().environmentClass(), all, movingIds, in.monthlyCost(),
                in.costItems(), envCostAfter, envAfter, classAfter, maxWorkersAfter, verdict, notes, Optional.of(finding));
    }
}
