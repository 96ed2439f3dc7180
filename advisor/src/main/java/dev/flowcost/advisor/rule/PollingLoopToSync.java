package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.Flow;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.TaskResource;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import dev.flowcost.core.asl.write.AslWriter;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Polling loop → {@code .sync} or callback: a Choice → Wait → Task → Choice cycle whose Task asks a job's status
 * (an aws-sdk get or describe call on Glue, EMR, Batch, ECS, Athena, SageMaker or CodeBuild, or a Lambda) bills three
 * transitions (and a Lambda invocation) per poll. The service's {@code .sync} integration (or
 * {@code .waitForTaskToken} for Lambda-polled jobs) waits in one Task state: counted here as one transition per time
 * the loop is entered (retries not modelled). Fires on STANDARD workflows (Express cannot wait) when cheaper.
 */
public final class PollingLoopToSync implements StateMachineRule {

    public static final String RULE = "polling-loop-to-sync";

    /** aws-sdk service name → the optimised integration that starts its job and waits for it. */
    static final Map<String, String> SYNC_RESOURCE = Map.of(
            "glue", "arn:aws:states:::glue:startJobRun.sync",
            "emr", "arn:aws:states:::elasticmapreduce:addStep.sync",
            "batch", "arn:aws:states:::batch:submitJob.sync",
            "ecs", "arn:aws:states:::ecs:runTask.sync",
            "athena", "arn:aws:states:::athena:startQueryExecution.sync",
            "sagemaker", "arn:aws:states:::sagemaker:createTrainingJob.sync",
            "codebuild", "arn:aws:states:::codebuild:startBuild.sync",
            "lambda", "arn:aws:states:::lambda:invoke.waitForTaskToken");

    /** One polling loop: its three states by path, the Task, and the states that enter it. */
    record Loop(String prefix, ChoiceState choice, WaitState await, TaskState poll, List<String> entrances,
                boolean startsAtLoop) {
        List<String> paths() {
            return List.of(prefix + choice.name(), prefix + await.name(), prefix + poll.name());
        }
    }

    @Override
    public List<Finding> apply(StateMachineContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.type() != WorkflowType.STANDARD) {
            return out;
        }
        List<Loop> loops = new ArrayList<>();
        find(ctx.machine(), "", loops, 0);
        for (Loop loop : loops) {
            Finding f = finding(ctx, loop);
            if (f.isSaving()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether a Task asks for a job's status: a get/describe SDK call on a job service, or a Lambda. */
    static boolean polls(TaskResource r) {
        if (r.invokesLambda()) {
            return true;
        }
        String action = r.action().toLowerCase(Locale.ROOT);
        return r.kind() == TaskResource.Kind.SDK_INTEGRATION && SYNC_RESOURCE.containsKey(r.service())
                && (action.startsWith("get") || action.startsWith("describe"));
    }

    static void find(StateMachine scope, String prefix, List<Loop> out, int depth) {
        if (depth > 32) {
            return;
        }
        for (State s : scope.states().values()) {
            if (s instanceof ChoiceState c) {
                for (String next : c.successors()) {
                    if (scope.states().get(next) instanceof WaitState w && w.next().isPresent()
                            && scope.states().get(w.next().get()) instanceof TaskState t
                            && t.next().filter(c.name()::equals).isPresent() && polls(t.resource())) {
                        Set<String> members = Set.of(c.name(), w.name(), t.name());
                        List<String> entrances = new ArrayList<>();
                        for (State p : scope.states().values()) {
                            if (!members.contains(p.name()) && p.successors().stream().anyMatch(members::contains)) {
                                entrances.add(prefix + p.name());
                            }
                        }
                        out.add(new Loop(prefix, c, w, t, entrances, members.contains(scope.startAt())));
                    }
                }
            } else if (s instanceof MapState m) {
                find(m.processor(), prefix + m.name() + "/", out, depth + 1);
            } else if (s instanceof ParallelState p) {
                for (StateMachine b : p.branches()) {
                    find(b, prefix + p.name() + "/", out, depth + 1);
                }
            }
        }
    }

    private Finding finding(StateMachineContext ctx, Loop loop) {
        Rates rates = Rates.of(ctx);
        CostItems.Volume v = ctx.volume();
        double loopTransitions = loop.paths().stream().mapToDouble(p -> ctx.count(p).transitions()).sum();
        double entries = loop.entrances().stream().mapToDouble(p -> ctx.count(p).entries()).sum()
                + (loop.startsAtLoop() && loop.prefix().isEmpty() ? 1 : 0);
        String pollPath = loop.prefix() + loop.poll().name();
        boolean lambdaPoll = loop.poll().resource().invokesLambda();
        Function<CostItems.Volume, List<CostItem>> now = x -> {
            List<CostItem> items = new ArrayList<>();
            items.add(BilledItems.transitions("state transitions (polling loop)",
                    StateMachineCosting.bd(loopTransitions), BigDecimal.ZERO, x, rates.standard()));
            if (lambdaPoll) {
                items.addAll(BilledItems.lambda(pollPath, StateMachineCosting.bd(ctx.count(pollPath).attempts()),
                        BigDecimal.ZERO, ctx.durationSeconds(pollPath), ctx.memoryMb(pollPath), x,
                        rates.lambda(ctx.architecture(pollPath))));
            }
            return items;
        };
        Function<CostItems.Volume, List<CostItem>> after = x -> List.of(BilledItems.transitions(
                "state transitions (one waiting Task)", StateMachineCosting.bd(entries), BigDecimal.ZERO, x,
                rates.standard()));
        CostCurve curve = BreakEven.curve("executions per month", "polling loop",
                lambdaPoll ? ".waitForTaskToken" : ".sync", ctx.executionsPerMonth(),
                Volumes.atExecutions(v, now), Volumes.atExecutions(v, after));
        String service = lambdaPoll ? "lambda" : loop.poll().resource().service();
        String resource = SYNC_RESOURCE.get(service);
        State starter = loop.entrances().size() == 1 ? ctx.statesByPath().get(loop.entrances().get(0)) : null;
        String name = starter instanceof TaskState ? starter.name() : loop.poll().name();
        Optional<String> exit = loop.choice().choices().stream().map(ChoiceRule::next)
                .filter(n -> !n.equals(loop.await().name())).findFirst();
        Flow flow = exit.map(Flow::to).orElse(Flow.ending());
        TaskState replacement = new TaskState(name, loop.poll().location(), Optional.empty(),
                loop.poll().queryLanguage(), flow, TaskResource.parse(resource), OptionalInt.empty(),
                OptionalInt.empty(), loop.poll().retry(), loop.poll().catchers());
        List<String> targets = new ArrayList<>(loop.paths());
        if (starter instanceof TaskState) {
            targets.add(0, loop.entrances().get(0));
        }
        return Findings.priced(RULE, ctx.name(), targets,
                "Replace the polling loop " + String.join(" → ", loop.paths()) + " by "
                        + (lambdaPoll ? "a .waitForTaskToken callback" : "the " + service + " .sync integration"),
                now.apply(v), after.apply(v), Finding.Confidence.MEDIUM,
                List.of("the loop makes " + InlineMapToDistributedMap.fmt(loopTransitions)
                                + " transitions per execution (from the Choice's branch weights)",
                        "the waiting Task makes one transition per time the loop is entered ("
                                + InlineMapToDistributedMap.fmt(entries) + " per execution)",
                        "the Task's Next is the Choice's first exit (" + exit.orElse("End")
                                + "): a failed job raises an error to Catch instead of a Choice branch",
                        "costs before the account's free tiers"),
                lambdaPoll
                        ? List.of("the job must call SendTaskSuccess/SendTaskFailure with the task token it is given")
                        : List.of("the Task's Parameters must be those of the job start call (the model keeps none)",
                                "the role needs the permissions the .sync integration uses (events:PutRule etc.)"),
                new Change(Change.Kind.ASL, "Start and wait in one Task: " + resource,
                        AslWriter.pretty(AslWriter.stateToJson(replacement))),
                Optional.of(curve));
    }
}
