package dev.flowcost.advisor;

import dev.flowcost.advisor.migration.DagMigration;
import dev.flowcost.advisor.migration.DagMigrationAdvisor;
import dev.flowcost.advisor.migration.DagMigrationInput;
import dev.flowcost.advisor.migration.EnvironmentPlan;
import dev.flowcost.advisor.migration.EnvironmentPlanInput;
import dev.flowcost.advisor.migration.EnvironmentPlanner;
import dev.flowcost.advisor.migration.EnvironmentShare;
import dev.flowcost.advisor.migration.MarginalCosts;
import dev.flowcost.advisor.migration.SizingAdvice;
import dev.flowcost.advisor.migration.SuccessRate;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.core.usage.Resolved;
import dev.flowcost.core.usage.WorkflowUsage;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.Graph;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.analysis.StepCount;
import dev.flowcost.advisor.analysis.Totals;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.estate.DagPlacement;
import dev.flowcost.advisor.estate.EnvironmentCosting;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceRow;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.advisor.rule.Rules;
import dev.flowcost.advisor.rule.StateMachineContext;
import dev.flowcost.advisor.rule.StateMachineCosting;
import dev.flowcost.advisor.rule.TailLimits;
import dev.flowcost.core.asl.write.AslWriter;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.StateCount;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.DagSchedule;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.count.Counting;
import dev.flowcost.core.count.DagCounts;
import dev.flowcost.core.count.EnvironmentCounts;
import dev.flowcost.core.count.MachineCounts;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.simulate.dag.TaskRunStats;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.WorkflowType;
import dev.flowcost.core.workload.WorkflowWorkload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The advisor's entry point: turns counts into an {@link Analysis}. It prices every state machine (transitions,
 * children, Express requests and duration, Lambda), every MWAA environment (and each DAG's share of it), applies
 * the account's free tiers once, runs the state machine rules, and totals the estate now and after the
 * recommendations without counting two findings on the same states twice. Pure: it reads no files.
 */
public final class Advisor {

    /** Seed of the environment and DAG simulations: the same input gives the same analysis. */
    public static final long SEED = 42;
    /** DAG runs simulated to learn each DAG's per-run steps. */
    public static final int DAG_RUNS = 50;

    /**
     * The free tiers credited once per estate; {@link #pricesUsed} lists the allowance rows behind them. Tiers that
     * share an allowance row share it in this order: Lambda's 400,000 GB-seconds are one allowance per account, not
     * per architecture, so they are credited against x86 duration first (at the x86 first-tier price, the dearer
     * one) and only what x86 leaves unused against Arm duration (at the Arm first-tier price). Each credit keeps
     * one price key, so its spreadsheet formula {@code −min(free, SUM of its items) × price} still holds.
     */
    private static final List<FreeTier> FREE_TIERS = List.of(
            new FreeTier("Standard state transitions free tier", Services.STATES_STANDARD, Services.TRANSITION,
                    Services.FREE_TRANSITIONS),
            new FreeTier("Lambda requests free tier", Services.LAMBDA, Services.REQUEST, Services.FREE_REQUESTS),
            new FreeTier("EventBridge Scheduler free tier", Services.EVENTBRIDGE_SCHEDULER, Services.INVOCATION,
                    Services.FREE_INVOCATIONS),
            new FreeTier("Lambda GB-seconds free tier", Services.LAMBDA,
                    Services.lambdaDuration(dev.flowcost.advisor.price.Architecture.X86), Services.FREE_GB_SECONDS),
            new FreeTier("Lambda GB-seconds free tier (Arm, what x86 leaves)", Services.LAMBDA,
                    Services.lambdaDuration(dev.flowcost.advisor.price.Architecture.ARM), Services.FREE_GB_SECONDS));

    private Advisor() {
    }

    /**
     * Analyses the input.
     *
     * @throws dev.flowcost.advisor.price.UnknownRegionException when the region has no prices (the CLI maps it to exit 3)
     * @throws dev.flowcost.advisor.price.MissingPriceException  when a price a workflow needs is missing
     */
    public static Analysis analyze(AdvisorInput input) {
        return analyze(input, input.stateMachines().iterator(), WorkflowSink.KEEP_ALL);
    }

    /**
     * Receives each workflow's analysis as soon as it is made, in input order, and says what the estate's
     * {@link Analysis} keeps of it: a caller that renders each workflow at once (a large estate's reports) keeps a
     * slimmer copy, so memory holds what totals, rankings and the summary need rather than every workflow whole.
     * What is kept must keep every cost item, saving, target and finding field the totals read.
     */
    @FunctionalInterface
    public interface WorkflowSink {
        /** Keeps everything: {@link #analyze(AdvisorInput)}. */
        WorkflowSink KEEP_ALL = Kept::new;

        /** Called once per workflow, state machines first, with the findings made about it (none for DAGs). */
        Kept accept(WorkflowAnalysis workflow, List<Finding> findings);

        /** What the analysis keeps of one workflow. */
        record Kept(WorkflowAnalysis workflow, List<Finding> findings) {
        }
    }

    /**
     * As {@link #analyze(AdvisorInput)}, taking the state machines from {@code machines} (the input's list is not
     * read) one at a time, so the caller can drop each once it is analysed, and handing every workflow to
     * {@code sink}. State machines are analysed side by side on the available processors; the sink still sees them
     * in order, and the analysis is the same as {@link #analyze(AdvisorInput)}'s.
     */
    public static Analysis analyze(AdvisorInput input, java.util.Iterator<StateMachineInput> machines,
                                   WorkflowSink sink) {
        String region = input.region();
        PriceBook prices = input.prices();
        if (!prices.regions().contains(region)) {
            prices.tiers(region, Services.STATES_STANDARD, Services.TRANSITION); // throws UnknownRegionException
        }
        double hours = input.workload().hoursPerMonth();
        List<Assumption> assumptions = new ArrayList<>();
        assumptions.add(new Assumption("hoursPerMonth", "hours in a billing month", BigDecimal.valueOf(hours), "hour",
                input.workload().hoursPerMonth() == dev.flowcost.core.workload.Workload.DEFAULT_HOURS_PER_MONTH
                        ? "default" : "workload"));
        List<Diagnostic> diagnostics = new ArrayList<>(input.readDiagnostics());
        List<WorkflowAnalysis> workflows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<CostItem> allItems = new ArrayList<>();

        InOrderWork<StateMachineInput, StateMachineResult> stream = new InOrderWork<>(machines,
                sm -> stateMachine(sm, input, region));
        try {
            while (stream.hasNext()) {
                InOrderWork.Done<StateMachineInput, StateMachineResult> done = stream.next();
                StateMachineInput sm = done.input();
                StateMachineResult r = done.result();
                WorkflowSink.Kept kept = sink.accept(r.analysis(), r.findings());
                workflows.add(kept.workflow());
                findings.addAll(kept.findings());
                assumptions.addAll(r.assumptions());
                allItems.addAll(kept.workflow().costItems());
                // the engines know the machine, not its file: name the file so the user can find the place
                r.diagnostics().forEach(d -> diagnostics.add(d.file().isEmpty() ? d.inFile(sm.file()) : d));
            }
        } finally {
            stream.close();
        }

        List<EnvironmentAnalysis> environments = new ArrayList<>();
        Map<String, WorkflowAnalysis> dagAnalyses = new LinkedHashMap<>();
        List<Map.Entry<EnvironmentSpec, List<Dag>>> placed = new ArrayList<>();
        for (Map.Entry<EnvironmentSpec, List<Dag>> e : DagPlacement.place(input.dags(), input.workload()).entrySet()) {
            if (input.dags().isEmpty() && !input.declaredEnvironments().contains(e.getKey().name())) {
                // no DAG among the inputs: the workload's environments are not what this run is about, unless the
                // inputs declare the environment themselves (infrastructure code): then its hours are billed anyway
                continue;
            }
            placed.add(e);
        }
        // environments share nothing: simulated side by side, each into its own lists, and merged in their order
        try (InOrderWork<Map.Entry<EnvironmentSpec, List<Dag>>, EnvironmentResult> work = new InOrderWork<>(
                placed.iterator(), e -> environment(e.getKey(), e.getValue(), input, region))) {
            while (work.hasNext()) {
                EnvironmentResult r = work.next().result();
                assumptions.addAll(r.assumptions());
                diagnostics.addAll(r.diagnostics());
                findings.addAll(r.findings());
                environments.add(r.environment());
                dagAnalyses.putAll(r.dags());
            }
        }
        for (Dag d : input.dags()) {
            WorkflowAnalysis w = dagAnalyses.get(d.dagId());
            if (w != null) {
                WorkflowAnalysis kept = sink.accept(w, List.of()).workflow();
                workflows.add(kept);
                dagAnalyses.put(d.dagId(), kept);
            }
        }
        environments.forEach(env -> allItems.addAll(env.costItems()));

        List<FreeTierCredit> credits = credits(prices, region, CostItems.quantitiesByPriceKey(allItems));
        findings.sort(Finding.BIGGEST_SAVING_FIRST);

        // every workflow's and environment's cost is before the free tiers: the totals add the credits once, to the
        // estate now and again to the estate after the changes, so all three totals are after the free tiers
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        workflows.stream().filter(w -> w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE)
                .forEach(w -> costs.merge(w.name(), w.monthlyCost(), BigDecimal::add));
        environments.forEach(env -> costs.merge(env.name(), env.monthlyCost(), BigDecimal::add));
        Totals totals = EstateTotals.of(costs, allItems, findings, q -> credits(prices, region, q));

        List<CostItem> pricedItems = new ArrayList<>(allItems);
        findings.forEach(f -> {
            pricedItems.addAll(f.itemsNow());
            pricedItems.addAll(f.itemsAfter());
        });
        dagAnalyses.values().forEach(w -> pricedItems.addAll(w.costItems()));
        List<FreeTierCredit> allCredits = new ArrayList<>(credits);
        allCredits.addAll(totals.creditsAfter());
        return new Analysis(Analysis.SCHEMA_VERSION, region, input.inputFiles(), workflows, environments, credits,
                findings, dedupe(assumptions), pricesUsed(prices, pricedItems, allCredits), diagnostics, totals);
    }

    /** The findings of every rule for one state machine (rules can also be run alone, see {@link Rules}). */
    public static List<Finding> stateMachineFindings(StateMachineContext ctx) {
        return Rules.apply(ctx);
    }

    /** The context rules see for one state machine, with its type and executions resolved as the advisor does. */
    public static StateMachineContext context(StateMachineInput sm, dev.flowcost.core.workload.Workload workload,
                                              PriceBook prices, String region) {
        WorkflowWorkload wl = workload.workflowOrDefault(sm.name());
        WorkflowType type = wl.resolvedType(sm.declaredType());
        WorkflowUsage usage = WorkflowUsage.of(sm.name(), workload);
        Resolved perMonth = usage.executionsPerMonth();
        BigDecimal executions = perMonth.isDefault() ? BigDecimal.valueOf(perMonth.intValue())
                : BigDecimal.valueOf(perMonth.value());
        MachineCounts counts = Counting.machine(sm.machine(), wl, SEED);
        ExactResult exact = counts.exact();
        TailLimits limits = TailLimits.of(counts);
        return new StateMachineContext(sm.name(), sm.machine(), type, wl, executions, exact, prices, region,
                sm.definitionBytes(), sm.name() + ".executionsPerMonth",
                sm.definition().orElseGet(() -> AslWriter.toJson(sm.machine())), limits, usage);
    }

    record StateMachineResult(WorkflowAnalysis analysis, List<Finding> findings, List<Assumption> assumptions,
                              List<Diagnostic> diagnostics) {
    }

    private static StateMachineResult stateMachine(StateMachineInput sm, AdvisorInput input, String region) {
        StateMachineContext ctx = context(sm, input.workload(), input.prices(), region);
        List<String> defaults = new ArrayList<>();
        List<Assumption> assumptions = new ArrayList<>();
        boolean executionsGiven = !ctx.usage().executionsPerMonth().isDefault();
        if (!executionsGiven) {
            defaults.add(sm.name() + ": executionsPerMonth " + ctx.executionsPerMonth() + " (default)");
        }
        assumptions.add(new Assumption(ctx.executionsKey(), "executions a month of " + sm.name(),
                ctx.executionsPerMonth(), "execution", ctx.usage().executionsPerMonth().source().describe()));
        Map<String, State> states = ctx.statesByPath();
        for (Map.Entry<String, State> e : states.entrySet()) {
            if (e.getValue() instanceof MapState) {
                assumptions.add(new Assumption(ctx.itemsKey(e.getKey()), "items per run of Map " + e.getKey(),
                        ctx.items(e.getKey()), "item", ctx.itemsGiven(e.getKey())
                        ? ctx.usage().items(e.getKey()).source().describe() : "default"));
            }
        }
        StateMachineCosting.Costed costed = StateMachineCosting.cost(ctx);
        defaults.addAll(ctx.exact().defaultsUsed());
        defaults.addAll(costed.defaultsUsed());
        List<StepCount> steps = new ArrayList<>();
        for (StateCount c : ctx.exact().states().values()) {
            State s = states.get(c.path());
            steps.add(new StepCount(c.path(), s == null ? "" : s.type(), c.entries(), c.transitions()));
        }
        WorkflowAnalysis w = new WorkflowAnalysis(sm.name(), WorkflowAnalysis.Kind.STATE_MACHINE, sm.file(),
                ctx.type().name(), ctx.executionsPerMonth(), ctx.executionsKey(), costed.items(),
                CostItems.total(costed.items()), steps, graph(sm.machine()), List.of(), Optional.empty(), List.of(),
                dedupeStrings(defaults));
        return new StateMachineResult(w, stateMachineFindings(ctx), assumptions, ctx.exact().diagnostics());
    }

    /** What one environment adds to the estate's analysis, in the order the estate lists it. */
    private record EnvironmentResult(EnvironmentAnalysis environment, Map<String, WorkflowAnalysis> dags,
                                     List<Assumption> assumptions, List<Diagnostic> diagnostics,
                                     List<Finding> findings) {
    }

    private static EnvironmentResult environment(EnvironmentSpec env, List<Dag> dags, AdvisorInput input,
                                                 String region) {
        List<Assumption> assumptions = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, WorkflowAnalysis> dagAnalyses = new LinkedHashMap<>();
        double hours = input.workload().hoursPerMonth();
        List<String> notes = new ArrayList<>();
        if (DagPlacement.DEFAULT_NAME.equals(env.name()) && !input.workload().environments().containsKey(env.name())) {
            notes.add("no workload environment hosts these DAGs: assumed an " + env.environmentClass() + " environment"
                    + " with " + env.minWorkers() + " to " + env.maxWorkers() + " workers and " + env.schedulers()
                    + " schedulers");
        }
        List<DagSchedule> schedules = new ArrayList<>();
        Map<String, List<String>> dagDefaults = new LinkedHashMap<>();
        for (Dag d : dags) {
            WorkflowWorkload wl = input.workload().workflowOrDefault(d.dagId());
            List<String> defaults = new ArrayList<>();
            DagRuns perMonth = DagRuns.of(d, wl, hours);
            double runs = perMonth.runsPerMonth().orElse(0);
            String source = perMonth.runsPerMonth().isEmpty() ? "default"
                    : perMonth.source().equals("workload")
                    ? WorkflowUsage.of(d.dagId(), input.workload()).executionsPerMonth().source().describe()
                    : perMonth.source();
            if (perMonth.runsPerMonth().isEmpty()) {
                defaults.add(d.dagId() + ": 0 runs per month (" + perMonth.explanation() + ")");
                diagnostics.add(Diagnostic.warning(DiagnosticCode.ADVICE_INCOMPLETE, d.file(), SourceLocation.ofLine(d.line()),
                        "DAG " + d.dagId() + " has no runs per month"
                        + " from its schedule (" + d.schedule().expression() + "); give executionsPerMonth in the"
                        + " workload file; priced as 0 runs"));
            } else if (perMonth.source().equals("schedule")) {
                defaults.add(d.dagId() + ": runs per month from the schedule: " + perMonth.explanation());
            }
            assumptions.add(new Assumption(d.dagId() + ".executionsPerMonth", "runs a month of DAG " + d.dagId(),
                    BigDecimal.valueOf(runs), "run", source));
            schedules.add(new DagSchedule(d, wl, runs));
            dagDefaults.put(d.dagId(), defaults);
        }
        // every count of the environment (its month, counterfactual months, each DAG's runs and draft) comes from
        // the counting stage
        EnvironmentCounts counted = Counting.environment(env, schedules, hours, SEED, DAG_RUNS,
                EnvironmentPlanner.MAX_RESIMULATIONS, EnvironmentPlanner.PLANNING_TASK_INSTANCES);
        EnvironmentMonthResult month = counted.month();
        diagnostics.addAll(month.diagnostics());
        MwaaCost.Prices prices = MwaaCost.Prices.from(input.prices(), region, env.environmentClass());
        List<CostItem> items = EnvironmentCosting.items(env, month, prices, hours, notes);
        List<String> dagIds = dags.stream().map(Dag::dagId).toList();
        EnvironmentAnalysis costed = EnvironmentCosting.analysis(env, dagIds, items, month, notes);
        // counterfactual months (marginal costs, plans, sizing) come from one memoised, bounded source
        EnvironmentMonths months = counted.months();
        if (month.verdict() == dev.flowcost.core.simulate.dag.SizingVerdict.TOO_SMALL) {
            String action = SizingAdvice.tooSmall(env, month, dags, months, input.prices(), region, hours,
                    costed.monthlyCost());
            costed = new EnvironmentAnalysis(costed.name(), costed.environmentClass(), costed.dags(), costed.costItems(),
                    costed.monthlyCost(), costed.monthlyCostAfter(), action, costed.notes());
        }
        Map<String, EnvironmentShare> shares = dags.isEmpty() ? Map.of()
                : MarginalCosts.of(env, dagIds, month, items, costed.monthlyCost(), months, prices, hours);

        List<EnvironmentPlanInput.PlannedDag> planned = new ArrayList<>();
        Map<String, DagRunResult> runs = new LinkedHashMap<>();
        Map<String, DagMigration> migrations = new LinkedHashMap<>();
        for (DagSchedule s : schedules) {
            Dag d = s.dag();
            DagCounts dagCounts = counted.dags().get(d.dagId());
            DagRunResult run = dagCounts.run();
            runs.put(d.dagId(), run);
            if (run.successProbability() < 0.5) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.ADVICE_UNCERTAIN, d.file(),
                        SourceLocation.ofLine(d.line()), "DAG " + d.dagId() + " succeeds in only "
                        + String.format(java.util.Locale.ROOT, "%.0f %%", run.successProbability() * 100)
                        + " of simulated runs (" + SuccessRate.reason(d, s.workload()) + "); its cost is uncertain"));
            }
            Optional<DagMigration> migration = migration(d, s, dagCounts, shares.get(d.dagId()), input, region,
                    diagnostics);
            migration.ifPresent(m -> {
                migrations.put(d.dagId(), m);
                planned.add(new EnvironmentPlanInput.PlannedDag(d.dagId(), m, run, m.work().orElseThrow(),
                        BigDecimal.valueOf(s.runsPerMonth()), d.dagId() + ".executionsPerMonth"));
            });
        }
        EnvironmentAnalysis result = costed;
        if (!dags.isEmpty() && planned.size() == schedules.size()) {
            EnvironmentPlan plan = EnvironmentPlanner.plan(new EnvironmentPlanInput(env, month, items,
                    costed.monthlyCost(), planned, input.prices(), region, months, input.workload().migration(), hours));
            plan.finding().ifPresent(findings::add);
            PlanOption chosen = plan.options().stream().filter(PlanOption::chosen).findFirst().orElseThrow();
            for (Map.Entry<String, DagMigration> e : migrations.entrySet()) {
                e.setValue(decided(e.getValue(), e.getKey(), chosen));
            }
            List<String> allNotes = new ArrayList<>(costed.notes());
            allNotes.addAll(plan.notes());
            String verdict = EnvironmentPlan.KEEP.equals(plan.verdict()) ? costed.verdict() : plan.verdict();
            result = new EnvironmentAnalysis(costed.name(), costed.environmentClass(), costed.dags(),
                    costed.costItems(), costed.monthlyCost(), plan.monthlyCostAfter(), verdict, dedupeStrings(allNotes),
                    plan.options(), Optional.of(plan.conditions()));
        }
        for (DagSchedule s : schedules) {
            Dag d = s.dag();
            DagRunResult run = runs.get(d.dagId());
            Optional<DagMigration> migration = Optional.ofNullable(migrations.get(d.dagId()));
            migration.ifPresent(m -> findings.addAll(m.findings()));
            BigDecimal share = EnvironmentCosting.share(d.dagId(), dagIds, month.slotSecondsByDag());
            List<CostItem> shareItems = EnvironmentCosting.shareOf(items, share);
            List<StepCount> steps = new ArrayList<>();
            for (DagTask t : d.tasks()) {
                TaskRunStats st = run.perTask().get(t.taskId());
                steps.add(new StepCount(t.taskId(), t.operator(), st == null ? 0 : st.expectedInstances(), 0));
            }
            List<String> defaults = new ArrayList<>(dagDefaults.get(d.dagId()));
            defaults.add(d.dagId() + ": " + share.multiply(BigDecimal.valueOf(100)).round(new java.math.MathContext(4))
                    .stripTrailingZeros().toPlainString() + "% of environment " + env.name()
                    + " by worker-slot seconds (a share of its bill, not added to the total)");
            defaults.addAll(run.defaultsUsed());
            List<String> reasons = new ArrayList<>(migration.map(DagMigration::reasons).orElse(List.of()));
            if (run.successProbability() < 0.5) {
                reasons.add(0, "cost uncertain: only " + String.format(java.util.Locale.ROOT, "%.0f %%",
                        run.successProbability() * 100) + " of simulated runs succeed ("
                        + SuccessRate.reason(d, s.workload()) + ")");
            }
            List<Graph.Node> nodes = d.tasks().stream().map(t -> new Graph.Node(t.taskId(), t.taskId(), t.operator()))
                    .toList();
            List<Graph.Edge> edges = d.edges().stream().map(e -> new Graph.Edge(e.upstream(), e.downstream())).toList();
            dagAnalyses.put(d.dagId(), new WorkflowAnalysis(d.dagId(), WorkflowAnalysis.Kind.DAG, d.file(), "MWAA",
                    BigDecimal.valueOf(s.runsPerMonth()), d.dagId() + ".executionsPerMonth", shareItems,
                    CostItems.total(shareItems), steps, new Graph(nodes, edges),
                    migration.map(DagMigration::alternatives).orElse(List.of()), migration.map(DagMigration::verdict),
                    migration.map(DagMigration::blockers).orElse(List.of()), dedupeStrings(defaults), reasons));
        }
        return new EnvironmentResult(result, dagAnalyses, assumptions, diagnostics, findings);
    }

    /**
     * A DAG's advice once its environment's plan is chosen: a DAG the plan moves goes to the plan's target (its own
     * sensor findings drop: the move replaces them, and the plan's finding holds the saving); a DAG whose own advice
     * moved it but the plan keeps stays, with the reason.
     */
    private static DagMigration decided(DagMigration m, String dagId, PlanOption chosen) {
        if (chosen.dagsMoving().contains(dagId)) {
            String platform = chosen.targets().getOrDefault(dagId, DagMigration.STEP_FUNCTIONS);
            String verdict = platform.equals(DagMigration.MWAA_SERVERLESS) ? DagMigration.MOVE_TO_SERVERLESS
                    : DagMigration.MOVE_TO_STEP_FUNCTIONS;
            return m.decided(verdict, "the environment plan \"" + chosen.name() + "\" moves it: " + chosen.description(),
                    List.of());
        }
        if (m.leavesMwaa()) {
            return m.decided(DagMigration.KEEP, "the environment plan \"" + chosen.name() + "\" keeps it on MWAA: "
                    + chosen.description(), m.findings());
        }
        return m;
    }

    /** The migration verdict of one DAG; a failure to assess it is a diagnostic, never the end of the analysis. */
    private static Optional<DagMigration> migration(Dag d, DagSchedule s, DagCounts counts, EnvironmentShare share,
                                                    AdvisorInput input, String region, List<Diagnostic> diagnostics) {
        if (counts.draft().isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.ADVICE_INCOMPLETE, d.file(), SourceLocation.ofLine(d.line()),
                    "no migration advice for DAG " + d.dagId() + ": it could not be converted: "
                    + counts.draftFailure().orElse("unknown")));
            return Optional.empty();
        }
        try {
            return Optional.of(DagMigrationAdvisor.assess(new DagMigrationInput(d, s.workload(),
                    BigDecimal.valueOf(s.runsPerMonth()), d.dagId() + ".executionsPerMonth", counts.run(), share,
                    input.prices(), region, input.workload().migration(), input.dags(), counts.draft())));
        } catch (RuntimeException e) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.ADVICE_INCOMPLETE, d.file(), SourceLocation.ofLine(d.line()),
                    "no migration advice for DAG " + d.dagId() + ": " + e));
            return Optional.empty();
        }
    }

    /** An account-wide free tier: the allowance row ({@code freeDimension}) that reduces a priced dimension. */
    private record FreeTier(String component, String service, String dimension, String freeDimension) {
    }

    /** The free tiers credited once to an estate whose month bills {@code quantities} (Σ monthly quantity per price key). */
    private static List<FreeTierCredit> credits(PriceBook prices, String region, Map<String, BigDecimal> quantities) {
        List<FreeTierCredit> out = new ArrayList<>();
        Map<String, BigDecimal> used = new HashMap<>();
        for (FreeTier t : FREE_TIERS) {
            credit(out, quantities, t, prices, region, used);
        }
        return out;
    }

    /** Credits one tier with what is left of its allowance ({@code used} holds what earlier tiers took of it). */
    private static void credit(List<FreeTierCredit> out, Map<String, BigDecimal> quantities, FreeTier t,
                               PriceBook prices, String region, Map<String, BigDecimal> used) {
        if (!prices.has(region, t.service(), t.freeDimension())) {
            return;
        }
        // the free tier reduces the first tier: credit the items priced by the first row
        Optional<PriceRow> first = prices.has(region, t.service(), t.dimension())
                ? Optional.of(prices.tiers(region, t.service(), t.dimension()).get(0)) : Optional.empty();
        if (first.isEmpty() || !quantities.containsKey(first.get().key())) {
            return;
        }
        String allowance = t.service() + "/" + t.freeDimension();
        BigDecimal free = prices.row(region, t.service(), t.freeDimension()).price()
                .subtract(used.getOrDefault(allowance, BigDecimal.ZERO));
        if (free.signum() <= 0) {
            return;
        }
        FreeTierCredit c = CostItems.credit(t.component(), first.get().key(), free, first.get().price(),
                quantities.get(first.get().key()));
        used.merge(allowance, c.usedQuantity(), BigDecimal::add);
        out.add(c);
    }

    private static List<PriceUsed> pricesUsed(PriceBook prices, List<CostItem> items, List<FreeTierCredit> credits) {
        Set<String> keys = new LinkedHashSet<>();
        items.forEach(i -> keys.add(i.priceKey()));
        credits.forEach(c -> keys.add(c.priceKey()));
        Set<String> overridden = prices.overriddenKeys();
        List<PriceUsed> out = new ArrayList<>();
        for (String k : keys) {
            prices.byKey(k).ifPresent(r -> out.add(new PriceUsed(k, r.region(), r.service(), r.dimension(), r.unit(),
                    r.price(), r.effectiveDate().toString(), r.source(), overridden.contains(k))));
        }
        // the free-tier rows behind the credits
        for (FreeTierCredit c : credits) {
            prices.byKey(c.priceKey()).ifPresent(r -> {
                Optional<String> free = FREE_TIERS.stream()
                        .filter(t -> t.service().equals(r.service()) && t.dimension().equals(r.dimension()))
                        .map(FreeTier::freeDimension).findFirst();
                if (free.isPresent() && prices.has(r.region(), r.service(), free.get())) {
                    PriceRow f = prices.row(r.region(), r.service(), free.get());
                    if (out.stream().noneMatch(p -> p.key().equals(f.key()))) {
                        out.add(new PriceUsed(f.key(), f.region(), f.service(), f.dimension(), f.unit(), f.price(),
                                f.effectiveDate().toString(), f.source(), overridden.contains(f.key())));
                    }
                }
            });
        }
        return out;
    }

    /** Nodes per state path (nested states under their path) and edges to successors and into Map/Parallel bodies. */
    static Graph graph(StateMachine machine) {
        List<Graph.Node> nodes = new ArrayList<>();
        List<Graph.Edge> edges = new ArrayList<>();
        graph(machine, "", nodes, edges, 0);
        return new Graph(nodes, edges);
    }

    private static void graph(StateMachine m, String prefix, List<Graph.Node> nodes, List<Graph.Edge> edges, int depth) {
        if (depth > 64) {
            return;
        }
        for (State s : m.states().values()) {
            String path = prefix + s.name();
            nodes.add(new Graph.Node(path, s.name(), s.type()));
            for (String next : s.successors()) {
                edges.add(new Graph.Edge(path, prefix + next));
            }
            if (s instanceof MapState map) {
                edges.add(new Graph.Edge(path, path + "/" + map.processor().startAt()));
                graph(map.processor(), path + "/", nodes, edges, depth + 1);
            } else if (s instanceof ParallelState p) {
                for (StateMachine b : p.branches()) {
                    edges.add(new Graph.Edge(path, path + "/" + b.startAt()));
                    graph(b, path + "/", nodes, edges, depth + 1);
                }
            }
        }
    }

    private static List<Assumption> dedupe(List<Assumption> assumptions) {
        Map<String, Assumption> byKey = new LinkedHashMap<>();
        assumptions.forEach(a -> byKey.putIfAbsent(a.key(), a));
        return List.copyOf(byKey.values());
    }

    private static List<String> dedupeStrings(List<String> lines) {
        return List.copyOf(new LinkedHashSet<>(lines));
    }

}
