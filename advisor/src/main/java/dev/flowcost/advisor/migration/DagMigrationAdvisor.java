package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.cost.MwaaServerlessCost;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.rule.Rules;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslValidator;
import dev.flowcost.core.convert.ConversionNote;
import dev.flowcost.core.convert.ConversionResult;
import dev.flowcost.core.count.Counting;
import dev.flowcost.core.count.DraftCounts;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Advises one Airflow DAG on where to run: prices it on MWAA (its whole environment when alone on it, its marginal
 * cost when shared), on Step Functions (the converted machine's transitions plus compute for worker tasks) and on
 * MWAA Serverless, and, when it has a mapped task, as a hybrid (MWAA for the rest, a Step Functions Distributed Map for
 * the fan-out: see {@link AlternativePricing#hybrid}); reads the blockers from the DAG, and gives a verdict, the sensor
 * findings and the break-even curve. The hybrid is priced for the {@link DagMigration#HYBRID} verdict's reasons but is
 * no move, so the rule below never picks it as the cheapest alternative, and the curve never draws it.
 *
 * <p>Verdict rule, in order:
 * <ol>
 *   <li>When the DAG relies on a feature only Airflow has (a sensor on external state with no event to replace it,
 *       a cross-DAG dependency, a dataset schedule): {@link DagMigration#HYBRID} when its mapped tasks hold at least
 *       {@link MigrationDefaults#HYBRID_MIN_MAPPED_SLOT_SHARE} of its worker slot-seconds (the fan-out moves to a
 *       Step Functions Map started from Airflow, the rest stays), else {@link DagMigration#KEEP}.</li>
 *   <li>Otherwise the cheapest unblocked alternative (Step Functions on a tie) when its saving against the DAG's
 *       MWAA cost (the whole environment when alone, else its re-simulated marginal cost) pays back the work its
 *       move takes ({@link DagWork}, at the workload's hourly rate) within the horizon
 *       ({@link dev.flowcost.core.workload.MigrationSettings}, 12 months by default).</li>
 *   <li>Otherwise {@link DagMigration#KEEP}.</li>
 * </ol>
 */
public final class DagMigrationAdvisor {

    private DagMigrationAdvisor() {
    }

    /** The advice for one DAG; a pure function of its input. */
    public static DagMigration assess(DagMigrationInput in) {
        List<TaskProfile> profiles = TaskProfile.of(in.dag(), in.workload(), in.run());
        List<Blocker> blockers = Blockers.of(in.dag(), profiles);
        DagWork work = DagWork.of(in.dag(), profiles, blockers, in.migration(), in.inputs());
        // the draft is counted by the counting stage; an input without it (a law, a test) asks the stage here
        DraftCounts draft = in.draft().orElseGet(() -> Counting.draft(in.dag(), in.workload(),
                in.runsPerMonth().doubleValue()));
        ConversionResult conversion = draft.conversion();
        ExactResult exact = draft.exact();

        Alternative mwaa = AlternativePricing.mwaa(in);
        Alternative stepFunctions = AlternativePricing.stepFunctions(in, exact, profiles);
        boolean serverlessBlocked = blockers.stream().anyMatch(b -> b.kind() == Blocker.Kind.LONGER_THAN_SERVERLESS);
        List<Alternative> alternatives = new ArrayList<>(List.of(mwaa, stepFunctions));
        boolean serverlessOffered = MwaaServerlessCost.offeredIn(in.prices(), in.region());
        if (!serverlessBlocked && serverlessOffered) {
            alternatives.add(AlternativePricing.serverless(in, profiles));
        }
        Alternative best = alternatives.stream().filter(a -> !a.platform().equals(DagMigration.MWAA))
                .min(Comparator.comparing(Alternative::monthlyCost)).orElseThrow();
        // Priced after the best is chosen: the hybrid is no move, so the verdict rule never weighs it.
        Optional<Alternative> hybrid = AlternativePricing.hybrid(in, profiles);
        hybrid.ifPresent(alternatives::add);

        List<String> reasons = new ArrayList<>();
        String verdict = verdict(in, mwaa, best, blockers, profiles, serverlessBlocked, work, reasons);
        if (!serverlessOffered) {
            reasons.add("MWAA Serverless not priced: it is not offered in " + in.region());
        }
        if (verdict.equals(DagMigration.HYBRID) && hybrid.isPresent()) {
            reasons.add(hybridReason(mwaa, hybrid.get(), profiles));
        }
        conversionReasons(in, conversion, exact, reasons);
        List<String> defaulted = profiles.stream().filter(p -> !p.durationFromWorkload()
                && p.family() != dev.flowcost.core.dag.OperatorFamily.EMPTY).map(TaskProfile::taskId).collect(Collectors.toList());
        if (!defaulted.isEmpty()) {
            reasons.add("durations assumed from operator-family defaults (worker code 60 s, AWS service 300 s, sensor wait"
                    + " 600 s, ...) for " + defaulted.size() + " task(s): " + String.join(", ", defaulted)
                    + "; give durationSeconds in the workload to sharpen the numbers");
        }

        CostCurve curve = curve(in, mwaa, best, exact, profiles);
        reasons.add(breakEvenReason(in, curve));
        List<Finding> findings = Rules.apply(DagRuleContexts.of(in, profiles, verdict));
        return new DagMigration(alternatives, verdict, reasons,
                blockers.stream().map(Blocker::sentence).collect(Collectors.toList()), findings, Optional.of(curve),
                Optional.of(conversion), Optional.of(work));
    }

    /** The verdict by the rule in the class comment, with its reasons appended to {@code reasons}. */
    static String verdict(DagMigrationInput in, Alternative mwaa, Alternative best, List<Blocker> blockers,
                          List<TaskProfile> profiles, boolean serverlessBlocked, DagWork work, List<String> reasons) {
        EnvironmentShare env = in.environment();
        BigDecimal saving = mwaa.monthlyCost().subtract(best.monthlyCost());
        double hours = work.hours() + (env.alone() ? in.migration().hours("decommission") : 0);
        BigDecimal effort = BigDecimal.valueOf(hours).multiply(BigDecimal.valueOf(in.migration().rate()));
        BigDecimal horizon = BigDecimal.valueOf(in.migration().horizon());
        Optional<BigDecimal> payback = saving.signum() > 0
                ? Optional.of(effort.divide(saving, 2, java.math.RoundingMode.HALF_UP)) : Optional.empty();
        boolean paysBack = payback.isPresent() && payback.get().compareTo(horizon) <= 0;
        if (env.alone()) {
            reasons.add("alone on environment " + env.environmentName() + ": on MWAA it costs the whole environment, "
                    + Money.display(mwaa.monthlyCost()) + " a month, and moving it lets the environment go");
        } else {
            reasons.add("shares environment " + env.environmentName() + " with " + (env.dagsOnEnvironment() - 1)
                    + " other DAG(s): moving it saves only its marginal cost, " + Money.display(mwaa.monthlyCost())
                    + " a month (" + env.marginalBasis() + "); the " + Money.display(env.environmentMonthlyCost())
                    + " environment stays for the others (the environment plan weighs moving them together)");
        }
        reasons.add("cheapest alternative: " + best.platform() + " at " + Money.displayPrecise(best.monthlyCost()) + " a month ("
                + (saving.signum() >= 0 ? "saves " + Money.displayPrecise(saving) : "costs " + Money.displayPrecise(saving.negate()) + " more")
                + "); its move takes " + WorkItem.trim(hours) + " h of work (" + Money.display(effort) + " at "
                + Money.display(BigDecimal.valueOf(in.migration().rate())) + " an hour, " + in.migration().source("hourlyRate")
                + "), " + payback.map(m -> "paid back in " + m.toPlainString() + " months").orElse("never paid back")
                + "; a move must pay back within " + WorkItem.trim(in.migration().horizon()) + " months ("
                + in.migration().source("horizonMonths") + ")");
        if (serverlessBlocked) {
            reasons.add("MWAA Serverless not priced: a task runs longer than its 60-minute limit");
        }
        List<Blocker> airflowOnly = blockers.stream().filter(b -> b.kind().airflowOnly()).collect(Collectors.toList());
        if (!airflowOnly.isEmpty()) {
            String what = airflowOnly.stream().map(b -> b.taskId().isEmpty() ? b.kind().name().toLowerCase(java.util.Locale.ROOT) : b.taskId())
                    .collect(Collectors.joining(", "));
            double mappedShare = mappedSlotShare(profiles);
            if (mappedShare >= MigrationDefaults.HYBRID_MIN_MAPPED_SLOT_SHARE) {
                reasons.add("relies on Airflow-only features (" + what + ") but its mapped fan-out holds "
                        + String.format(java.util.Locale.ROOT, "%.0f %%", mappedShare * 100) + " of its worker slot-seconds:"
                        + " keep the outer loop in Airflow and run the fan-out as a Step Functions Map started from Airflow"
                        + " (StepFunctionStartExecutionOperator, deferrable)");
                return DagMigration.HYBRID;
            }
            reasons.add("relies on Airflow-only features (" + what + "), and no mapped fan-out worth moving on its own:"
                    + " it stays on Airflow");
            return DagMigration.KEEP;
        }
        if (paysBack) {
            return best.platform().equals(DagMigration.MWAA_SERVERLESS) ? DagMigration.MOVE_TO_SERVERLESS
                    : DagMigration.MOVE_TO_STEP_FUNCTIONS;
        }
        reasons.add(env.alone() ? "the saving does not pay back the work within the horizon: keep it on MWAA"
                : "its marginal cost on the shared environment is too small for its own move to pay back: keep it on"
                + " MWAA unless the environment plan moves it with others");
        return DagMigration.KEEP;
    }

    /** The hybrid's cost against MWAA, in a sentence. */
    static String hybridReason(Alternative mwaa, Alternative hybrid, List<TaskProfile> profiles) {
        BigDecimal diff = mwaa.monthlyCost().subtract(hybrid.monthlyCost());
        return "hybrid costs " + Money.displayPrecise(hybrid.monthlyCost()) + " a month against "
                + Money.displayPrecise(mwaa.monthlyCost()) + " on MWAA ("
                + (diff.signum() >= 0 ? "saves " + Money.displayPrecise(diff) : "costs " + Money.displayPrecise(diff.negate()) + " more")
                + "): MWAA kept for the " + String.format(java.util.Locale.ROOT, "%.0f %%", (1 - mappedSlotShare(profiles)) * 100)
                + " of slot-seconds outside mapped tasks, plus the Distributed Map and its compute";
    }

    /** Share of the DAG's slot-seconds held by mapped tasks (0 when it holds none). */
    static double mappedSlotShare(List<TaskProfile> profiles) {
        double all = profiles.stream().mapToDouble(TaskProfile::slotSecondsPerRun).sum();
        double mapped = profiles.stream().filter(p -> p.task().mapped()).mapToDouble(TaskProfile::slotSecondsPerRun).sum();
        return all <= 0 ? 0 : mapped / all;
    }

    private static void conversionReasons(DagMigrationInput in, ConversionResult conversion, ExactResult exact,
                                          List<String> reasons) {
        List<Diagnostic> problems = AslValidator.validate(in.dag().dagId() + ".asl.json", conversion.machine()).stream()
                .filter(Diagnostic::isError).collect(Collectors.toList());
        if (!problems.isEmpty()) {
            reasons.add("the converted draft does not validate (" + problems.size() + " error(s)); its price is indicative");
        }
        if (exact.hasErrors()) {
            reasons.add("the transition count of the draft is uncertain: the analyzer reported errors");
        }
        List<ConversionNote> rewrite = conversion.notes().stream().filter(n -> !n.faithful()).collect(Collectors.toList());
        if (!rewrite.isEmpty()) {
            reasons.add("the draft needs rewriting where it does not behave as the DAG: " + rewrite.stream()
                    .map(n -> n.taskId().isEmpty() ? "the DAG" : n.taskId()).distinct().collect(Collectors.joining(", ")));
        }
    }

    /**
     * MWAA against the best alternative over runs a month. Each side's cost at another volume is its own CostItems
     * recomputed by their formula with the per-run quantities scaled to that volume (fixed-monthly items, such as the
     * environment of a DAG alone on it, stay flat; per-run items, such as a shared DAG's extra-worker hours or the
     * transitions, grow in proportion).
     */
    static CostCurve curve(DagMigrationInput in, Alternative mwaa, Alternative best, ExactResult exact,
                           List<TaskProfile> profiles) {
        BigDecimal runs = in.runsPerMonth();
        Function<BigDecimal, BigDecimal> mwaaCost;
        Function<BigDecimal, BigDecimal> bestCost;
        if (runs.signum() > 0) {
            mwaaCost = mwaa.costItems().isEmpty() ? r -> mwaa.monthlyCost() : costAt(mwaa.costItems(), runs);
            bestCost = costAt(best.costItems(), runs);
        } else {
            mwaaCost = r -> mwaa.monthlyCost();
            bestCost = best.platform().equals(DagMigration.STEP_FUNCTIONS)
                    ? r -> AlternativePricing.stepFunctions(in.withRunsPerMonth(r), exact, profiles).monthlyCost()
                    : r -> AlternativePricing.serverless(in.withRunsPerMonth(r), profiles).monthlyCost();
        }
        return VolumeCurve.curve("runs per month", DagMigration.MWAA, best.platform(), runs, mwaaCost, bestCost);
    }

    /**
     * The items' total as a function of runs a month (they were computed at {@code runsNow}), by CostItem's formula:
     * monthly quantity = (monthlyQuantity − fixedMonthlyQuantity) / runsNow × runs + fixedMonthlyQuantity, then the
     * item's tier.
     */
    static Function<BigDecimal, BigDecimal> costAt(List<CostItem> items, BigDecimal runsNow) {
        int n = items.size();
        BigDecimal[] perRun = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            CostItem i = items.get(k);
            perRun[k] = i.executionsKey().isEmpty() ? BigDecimal.ZERO
                    : i.monthlyQuantity().subtract(i.fixedMonthlyQuantity()).divide(runsNow, Money.DIVISION);
        }
        return runs -> {
            BigDecimal total = BigDecimal.ZERO;
            for (int k = 0; k < n; k++) {
                CostItem i = items.get(k);
                BigDecimal q = perRun[k].multiply(runs).add(i.fixedMonthlyQuantity());
                BigDecimal above = q.subtract(i.tierStart()).max(BigDecimal.ZERO);
                BigDecimal billed = i.tierEnd().map(e -> above.min(e.subtract(i.tierStart()))).orElse(above);
                total = total.add(billed.multiply(i.unitPrice()));
            }
            return total;
        };
    }

    private static String breakEvenReason(DagMigrationInput in, CostCurve curve) {
        if (curve.breakEvenVolume().isPresent()) {
            BigDecimal be = curve.breakEvenVolume().get();
            return "break-even: at " + be.toPlainString() + " runs a month " + curve.optionA() + " and " + curve.optionB()
                    + " cost the same (now " + in.runsPerMonth().stripTrailingZeros().toPlainString() + " runs)";
        }
        return "no break-even between 1 and " + VolumeCurve.SEARCH_MULTIPLE + " × the current runs: "
                + (curve.points().get(0).costA().compareTo(curve.points().get(0).costB()) <= 0 ? curve.optionA()
                : curve.optionB()) + " stays cheaper throughout";
    }
}
