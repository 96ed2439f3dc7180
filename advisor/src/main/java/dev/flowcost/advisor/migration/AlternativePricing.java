package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.ExpressWorkflowCost;
import dev.flowcost.advisor.cost.FargateCost;
import dev.flowcost.advisor.cost.LambdaCost;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.cost.MwaaServerlessCost;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.cost.TieredRate;
import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.usage.UsageDefaults;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.ExpressChildGroup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prices one DAG on each platform as CostItems driven by its runs a month: MWAA (the whole environment when the DAG
 * is alone on it, else its marginal extra-worker cost), Step Functions (the converted machine's transitions plus
 * Lambda or Fargate for work that runs on the Airflow workers today) and MWAA Serverless (task-seconds with a
 * one-minute minimum) and the hybrid (MWAA for the non-mapped slot share, a Distributed Map for the mapped tasks).
 * Account-wide free tiers are not applied here: they belong to the whole estate.
 */
final class AlternativePricing {

    private static final BigDecimal FARGATE_VCPU = BigDecimal.valueOf(UsageDefaults.CONVERTED_FARGATE_VCPU.intValue());
    private static final BigDecimal FARGATE_MEMORY_GB =
            BigDecimal.valueOf(UsageDefaults.CONVERTED_FARGATE_MEMORY_GB.intValue());

    private AlternativePricing() {
    }

    /** What the DAG costs on MWAA now, as this rule counts it. */
    static Alternative mwaa(DagMigrationInput in) {
        EnvironmentShare env = in.environment();
        List<String> notes = new ArrayList<>();
        notes.add("slot share: " + percent(env.slotShare()) + " of the worker slot-seconds of environment "
                + env.environmentName() + " (" + env.environmentClass() + ", " + Money.display(env.environmentMonthlyCost())
                + " a month, " + env.dagsOnEnvironment() + " DAG" + (env.dagsOnEnvironment() == 1 ? "" : "s") + ")"
                + " = " + Money.display(env.environmentMonthlyCost().multiply(env.slotShare())) + " by usage");
        if (env.alone()) {
            notes.add("the DAG is alone on " + env.environmentName() + ": moving it removes the whole environment");
            return new Alternative(DagMigration.MWAA, env.environmentMonthlyCost(), env.environmentItems(), notes);
        }
        notes.add("shared with " + (env.dagsOnEnvironment() - 1) + " other DAG(s): removing it saves only its marginal"
                + " cost (" + env.marginalBasis() + "); the base fee, schedulers, web servers and storage stay");
        List<CostItem> items = new ArrayList<>();
        Optional<Rate> worker = workerRate(in.prices(), in.region(), env.environmentClass());
        if (worker.isPresent() && env.marginalMonthlyCost().signum() > 0 && in.runsPerMonth().signum() > 0) {
            BigDecimal hoursPerRun = env.marginalMonthlyCost().divide(worker.get().price(), Money.DIVISION)
                    .divide(in.runsPerMonth(), Money.DIVISION);
            items.add(CostItems.perExecution(env.environmentClass() + " extra-worker hours attributable to "
                    + in.dag().dagId(), hoursPerRun, volume(in), worker.get()));
        }
        return new Alternative(DagMigration.MWAA, CostItems.total(items), items, notes);
    }

    /** The converted machine on Step Functions Standard, with compute for worker tasks. */
    static Alternative stepFunctions(DagMigrationInput in, ExactResult exact, List<TaskProfile> profiles) {
        PriceBook book = in.prices();
        String region = in.region();
        CostItems.Volume vol = volume(in);
        List<CostItem> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        items.add(CostItems.perExecution("Standard state transitions of the converted machine",
                decimal(exact.transitionsPerExecution()), vol,
                Rate.from(book, region, Services.STATES_STANDARD, Services.TRANSITION)));
        notes.add(String.format(Locale.ROOT, "%.1f state transitions per run (exact analysis of the converted machine)",
                exact.transitionsPerExecution()));
        if (exact.expressChildExecutions() > 0) {
            expressChildren(book, region, vol, decimal(exact.expressChildExecutions()), exact.expressChildren(), items, notes);
        }
        List<String> excluded = new ArrayList<>();
        for (TaskProfile p : profiles) {
            if (p.family() == OperatorFamily.AWS_SERVICE) {
                excluded.add(p.taskId());
            }
        }
        workerCompute(in, profiles, vol, items, notes);
        if (!excluded.isEmpty()) {
            notes.add("tasks driving AWS services " + excluded + " cost the same on both platforms (the service bills"
                    + " them); excluded from both sides");
        }
        notes.add("account-wide free tiers (4,000 transitions, Lambda's 1M requests and 400,000 GB-s) not applied per DAG");
        return new Alternative(DagMigration.STEP_FUNCTIONS, CostItems.total(items), items, notes);
    }

    /** Express children of Distributed Maps: a request each, and GB-hours at the billed memory of a child. */
    private static void expressChildren(PriceBook book, String region, CostItems.Volume vol, BigDecimal children,
                                        List<ExpressChildGroup> groups, List<CostItem> items, List<String> notes) {
        BigDecimal gbHours = BigDecimal.ZERO;
        for (ExpressChildGroup g : groups) {
            gbHours = gbHours.add(ExpressWorkflowCost.gbHours(decimal(g.executions()), decimal(g.durationSecondsPerChild()),
                    BigDecimal.valueOf(UsageDefaults.EXPRESS_CHILD_MEMORY_MB.intValue())));
        }
        items.add(CostItems.perExecution("Express child executions (requests)", children, vol,
                Rate.from(book, region, Services.STATES_EXPRESS, Services.REQUEST)));
        items.addAll(CostItems.perExecutionTiered("Express child duration", gbHours, BigDecimal.ZERO, vol,
                TieredRate.fromRows(book.tiers(region, Services.STATES_EXPRESS, Services.DURATION))));
        notes.add("Express children billed at " + UsageDefaults.EXPRESS_CHILD_MEMORY_MB.intValue() + " MB");
    }

    /** Lambda (or Fargate, past Lambda's 15 minutes) for the profiles' work that runs on the Airflow workers today. */
    private static void workerCompute(DagMigrationInput in, List<TaskProfile> profiles, CostItems.Volume vol,
                                      List<CostItem> items, List<String> notes) {
        PriceBook book = in.prices();
        String region = in.region();
        for (TaskProfile p : profiles) {
            if (!p.runsOnWorker() || p.instancesPerRun() <= 0) {
                continue;
            }
            BigDecimal instances = decimal(p.instancesPerRun());
            if (p.longestSeconds() <= MigrationDefaults.LAMBDA_MAX_SECONDS) {
                int memoryMb = WorkflowUsage.of(in.workload()).convertedLambdaMemoryMb(p.taskId()).intValue();
                BigDecimal gbSeconds = instances.multiply(LambdaCost.billedGbSeconds(decimal(p.durationSeconds()),
                        BigDecimal.valueOf(memoryMb)));
                items.add(CostItems.perExecution("Lambda requests: " + p.taskId(), instances, vol,
                        Rate.from(book, region, Services.LAMBDA, Services.REQUEST)));
                items.addAll(CostItems.perExecutionTiered("Lambda duration: " + p.taskId(), gbSeconds, BigDecimal.ZERO, vol,
                        TieredRate.fromRows(book.tiers(region, Services.LAMBDA, Services.lambdaDuration(Architecture.X86)))));
                notes.add("task " + p.taskId() + " → Lambda, " + memoryMb + " MB x86, "
                        + TaskProfile.minutes(p.durationSeconds()) + " min per attempt");
            } else {
                BigDecimal taskHours = FargateCost.taskHours(instances, decimal(p.durationSeconds()));
                items.add(CostItems.perExecution("Fargate vCPU-hours: " + p.taskId(),
                        taskHours.multiply(FARGATE_VCPU), vol,
                        Rate.from(book, region, Services.FARGATE, Services.fargateVcpu(Architecture.X86))));
                items.add(CostItems.perExecution("Fargate GB-hours: " + p.taskId(),
                        taskHours.multiply(FARGATE_MEMORY_GB), vol,
                        Rate.from(book, region, Services.FARGATE, Services.fargateMemory(Architecture.X86))));
                notes.add("task " + p.taskId() + " → Fargate (longer than Lambda's 15 minutes), "
                        + FARGATE_VCPU + " vCPU / " + FARGATE_MEMORY_GB + " GB x86");
            }
        }
    }

    /**
     * Hybrid: the DAG stays on MWAA but its mapped tasks leave the workers. Empty when the DAG has no mapped task.
     * <ul>
     *   <li>MWAA part: the DAG's MWAA cost now ({@link #mwaa}: the environment when alone, the marginal extra-worker
     *       hours when shared), each item scaled by the share of its slot-seconds NOT in mapped tasks. Assumption:
     *       the worker capacity the DAG needs scales with its slot-seconds (for a DAG alone on its environment this
     *       scales the environment itself, which is optimistic: the smallest class does not shrink further).</li>
     *   <li>Step Functions part, per run and per mapped task: one Standard execution started from Airflow
     *       (StepFunctionStartExecutionOperator, deferrable, so ~0 slot-seconds) holding one Distributed Map state:
     *       1 transition for the Map state + 1 per child started; its EXPRESS children, one per mapped instance,
     *       lasting the task's attempt; and Lambda or Fargate for mapped work that runs on the workers today.</li>
     * </ul>
     */
    static Optional<Alternative> hybrid(DagMigrationInput in, List<TaskProfile> profiles) {
        List<TaskProfile> mapped = new ArrayList<>();
        for (TaskProfile p : profiles) {
            if (p.task().mapped()) {
                mapped.add(p);
            }
        }
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        PriceBook book = in.prices();
        String region = in.region();
        CostItems.Volume vol = volume(in);
        double mappedShare = DagMigrationAdvisor.mappedSlotShare(profiles);
        BigDecimal stays = decimal(1 - Math.min(1, mappedShare));
        List<CostItem> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CostItem i : mwaa(in).costItems()) {
            Rate rate = new Rate(i.unitPrice(), i.unit(), i.priceKey());
            String name = i.component() + " × non-mapped slot share";
            items.add(i.executionsKey().isEmpty() ? CostItems.fixedMonthly(name, i.fixedMonthlyQuantity().multiply(stays), rate)
                    : CostItems.perExecution(name, i.quantityPerExecution().multiply(stays), vol, rate));
        }
        BigDecimal mwaaPart = CostItems.total(items);
        notes.add("MWAA part: the DAG's MWAA cost × " + percent(stays) + " (its slot-seconds not in mapped tasks) = "
                + Money.displayPrecise(mwaaPart) + "; assumes the worker capacity it needs scales with its slot-seconds");
        BigDecimal transitions = BigDecimal.ZERO;
        BigDecimal children = BigDecimal.ZERO;
        List<ExpressChildGroup> groups = new ArrayList<>();
        for (TaskProfile p : mapped) {
            transitions = transitions.add(BigDecimal.ONE).add(decimal(p.instancesPerRun()));
            children = children.add(decimal(p.instancesPerRun()));
            groups.add(new ExpressChildGroup(p.taskId(), p.instancesPerRun(), p.durationSeconds()));
        }
        items.add(CostItems.perExecution("Standard transitions of the Distributed Map started from Airflow", transitions,
                vol, Rate.from(book, region, Services.STATES_STANDARD, Services.TRANSITION)));
        notes.add("per run, per mapped task (" + mapped.stream().map(TaskProfile::taskId).collect(java.util.stream.Collectors
                .joining(", ")) + "): one Standard execution started by StepFunctionStartExecutionOperator (deferrable,"
                + " ~0 worker slot-seconds) with one Distributed Map state: 1 transition + 1 per child");
        expressChildren(book, region, vol, children, groups, items, notes);
        workerCompute(in, mapped, vol, items, notes);
        mapped.stream().filter(p -> p.family() == OperatorFamily.AWS_SERVICE).forEach(p -> notes.add("mapped task "
                + p.taskId() + " drives an AWS service that bills it the same either way; excluded from both sides"));
        notes.add("account-wide free tiers not applied per DAG");
        return Optional.of(new Alternative(DagMigration.HYBRID_PLATFORM, CostItems.total(items), items, notes));
    }

    /** MWAA Serverless: every task instance billed for its run time, at least a minute each. */
    static Alternative serverless(DagMigrationInput in, List<TaskProfile> profiles) {
        Rate taskHour = MwaaServerlessCost.taskHour(in.prices(), in.region());
        CostItems.Volume vol = volume(in);
        List<CostItem> items = new ArrayList<>();
        for (TaskProfile p : profiles) {
            if (p.family() == OperatorFamily.EMPTY || p.instancesPerRun() <= 0) {
                continue;
            }
            BigDecimal hoursPerRun = MwaaServerlessCost.taskHours(decimal(p.instancesPerRun()),
                    decimal(p.durationSeconds()));
            items.add(CostItems.perExecution("MWAA Serverless task-hours: " + p.taskId(), hoursPerRun, vol, taskHour));
        }
        List<String> notes = List.of("each task instance billed per second with a one-minute minimum; EmptyOperators"
                        + " run no task; sensors billed for their whole wait",
                "no environment fee; Airflow 3 with DAG Factory YAML, no web UI");
        return new Alternative(DagMigration.MWAA_SERVERLESS, CostItems.total(items), items, notes);
    }

    static Optional<Rate> workerRate(PriceBook book, String region, String environmentClass) {
        try {
            return MwaaCost.Prices.from(book, region, environmentClass).worker();
        } catch (RuntimeException missing) {
            return Optional.empty();
        }
    }

    static CostItems.Volume volume(DagMigrationInput in) {
        return CostItems.Volume.of(in.runsKey(), in.runsPerMonth());
    }

    /** A count or duration from the engines as a decimal, to 12 significant digits (doubles carry noise below that). */
    static BigDecimal decimal(double v) {
        return Money.quantity(v);
    }

    static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
