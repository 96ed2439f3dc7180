package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostCurves;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.SyncJobs;
import dev.flowcost.core.asl.TaskResource;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Polling loop → {@code .sync} or callback: a Choice → Wait → Task → Choice cycle whose Task asks a job's status
 * bills three transitions (and a Lambda invocation when a Lambda polls) per poll. The job services and their poll
 * calls come from one table, {@link SyncJobs} (Athena, Batch, CodeBuild, ECS, EKS, EMR, EMR on EKS, EMR Serverless,
 * Glue, Glue DataBrew, MediaConvert, SageMaker, Bedrock, Step Functions), and a poll is recognised whether it is
 * written as the optimised integration ({@code arn:aws:states:::athena:getQueryExecution}) or the SDK one
 * ({@code arn:aws:states:::aws-sdk:athena:getQueryExecution}). A poll of a service with no {@code .sync} (the Redshift
 * Data API's describeStatement, Glue's getCrawler) gets no finding: there is nothing true to propose. A Lambda that
 * polls gets the {@code .waitForTaskToken} callback, only when that is cheaper.
 *
 * <p>The change edits the user's definition ({@link PollEdits}): the Task that starts the job becomes the waiting
 * Task and the loop's states go; with no such starter the loop becomes one Task. Counted: the loop's transitions now;
 * after, none when the starter waits, else one per time the loop is entered (retries not modelled). Fires on
 * STANDARD workflows (Express cannot wait) when cheaper.
 */
public final class PollingLoopToSync implements StateMachineRule {

    public static final String RULE = "polling-loop-to-sync";
    static final RuleInfo INFO = new RuleInfo(RULE, "Polling loop (Choice → Wait → Task) → .sync or a callback",
            RuleInfo.Subject.STATE_MACHINE,
            "A Choice → Wait → Task → Choice cycle whose Task asks a job's status bills three transitions, "
                    + "and a Lambda invocation when a Lambda polls, per poll. The job services and their poll calls "
                    + "come from one table (Athena, Batch, CodeBuild, ECS, EKS, EMR, EMR on EKS, EMR Serverless, Glue, "
                    + "Glue DataBrew, MediaConvert, SageMaker, Bedrock, Step Functions), recognised as optimised or "
                    + "aws-sdk integrations. The change makes the Task that starts the job wait for it (.sync) and "
                    + "removes the loop; a Lambda that polls gets the .waitForTaskToken callback. A service with no "
                    + ".sync pattern (the Redshift Data API) gets no finding. It fires on Standard workflows, since "
                    + "Express cannot wait, and only when cheaper.",
            List.of(new Fact("Standard workflows bill each state transition, so each poll of a Choice → Wait → Task loop bills three.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("The Run a Job (.sync) pattern waits for a job to complete; Standard workflows support it for the listed services.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html")));

    /** The callback resource a Lambda-polled job is offered. */
    static final String LAMBDA_CALLBACK = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    /** One polling loop: its three states by path, the Task, and the states that enter it. */
    record Loop(String prefix, ChoiceState choice, WaitState await, TaskState poll, List<String> entrances,
                boolean startsAtLoop) {
        List<String> paths() {
            return List.of(prefix + choice.name(), prefix + await.name(), prefix + poll.name());
        }
    }

    @Override
    public RuleInfo info() {
        return INFO;
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
            finding(ctx, loop).filter(Finding::isSaving).ifPresent(out::add);
        }
        return out;
    }

    /** Whether a Task asks for a job's status: a get/describe call of a job with a .sync pattern, or a Lambda. */
    static boolean polls(TaskResource r) {
        return r.invokesLambda() || SyncJobs.polledBy(r).isPresent();
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

    private Optional<Finding> finding(StateMachineContext ctx, Loop loop) {
        Rates rates = Rates.of(ctx);
        CostItems.Volume v = ctx.volume();
        double loopTransitions = loop.paths().stream().mapToDouble(p -> ctx.count(p).transitions()).sum();
        double entries = loop.entrances().stream().mapToDouble(p -> ctx.count(p).entries()).sum()
                + (loop.startsAtLoop() && loop.prefix().isEmpty() ? 1 : 0);
        String pollPath = loop.prefix() + loop.poll().name();
        boolean lambdaPoll = loop.poll().resource().invokesLambda();
        Optional<SyncJobs.Job> job = SyncJobs.polledBy(loop.poll().resource());
        String resource = lambdaPoll ? LAMBDA_CALLBACK : job.orElseThrow().syncResource();
        Optional<String> starter = starter(ctx, loop, job, lambdaPoll);
        Optional<String> exit = loop.choice().choices().stream().map(ChoiceRule::next)
                .filter(n -> !n.equals(loop.await().name())).findFirst()
                .or(() -> loop.choice().defaultNext().filter(n -> !n.equals(loop.await().name())));
        ChangeEdits edits = ChangeEdits.of(ctx);
        Optional<PollEdits.Result> edited = PollEdits.replaceLoop(edits, loop, starter, resource, exit);
        if (edited.isEmpty()) {
            return Optional.empty();
        }
        double afterTransitions = starter.isPresent() ? 0 : entries;
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
                starter.isPresent() ? "state transitions (the starting Task waits: no loop)"
                        : "state transitions (one waiting Task)", StateMachineCosting.bd(afterTransitions),
                BigDecimal.ZERO, x, rates.standard()));
        CostCurve curve = CostCurves.aroundCurrent("executions per month", "polling loop",
                lambdaPoll ? ".waitForTaskToken" : ".sync", ctx.executionsPerMonth(),
                Volumes.atExecutions(v, now), Volumes.atExecutions(v, after));
        String service = lambdaPoll ? "Lambda" : job.get().service();
        List<String> targets = new ArrayList<>(loop.paths());
        starter.ifPresent(p -> targets.add(0, p));
        targets.addAll(edited.get().alsoRemoved());
        List<String> assumptions = new ArrayList<>(List.of(
                "the loop makes " + InlineMapToDistributedMap.fmt(loopTransitions)
                        + " transitions per execution (from the Choice's branch weights)",
                starter.isPresent()
                        ? "the Task that starts the job (" + starter.get() + ") waits for it: its own transition is"
                                + " billed as before, the loop's are gone"
                        : "the waiting Task makes one transition per time the loop is entered ("
                                + InlineMapToDistributedMap.fmt(entries) + " per execution)",
                "the waiting Task's Next is the Choice's first exit (" + exit.orElse("End") + ")"
                        + edited.get().failureExit().map(f -> "; a failed job raises States.TaskFailed, caught to "
                        + f + " (the Choice's other exit)").orElse(": a failed job raises an error to Catch"),
                "costs before the account's free tiers"));
        List<String> blockers = new ArrayList<>();
        if (lambdaPoll) {
            blockers.add("code change: the job must call SendTaskSuccess/SendTaskFailure with the task token"
                    + " ($$.Task.Token) it is given in the Payload");
        } else {
            if (starter.isEmpty()) {
                blockers.add("the Task's Parameters must be those of the job start call (they are the poll's now)");
            } else {
                blockers.add("the waiting Task returns the finished job's description, not the start call's"
                        + " response: check what reads its output (its ResultSelector and ResultPath are kept)");
            }
            blockers.add("the role needs the permissions the .sync integration uses (events:PutRule etc.)");
        }
        edited.get().alsoRemoved().forEach(r -> blockers.add("state " + r + " was reached only from the loop's Choice"
                + " and is removed; a failed job now fails the execution (add a Catch to keep it)"));
        Change change = edits.change("Start and wait in one Task: " + resource, targets);
        return Optional.of(Findings.priced(RULE, ctx.name(), targets,
                "Replace the polling loop " + String.join(" → ", loop.paths()) + " by "
                        + (lambdaPoll ? "a .waitForTaskToken callback" : "the " + service + " .sync integration"),
                now.apply(v), after.apply(v), Finding.Confidence.MEDIUM, assumptions, blockers, change,
                Optional.of(curve)));
    }

    /**
     * The Task that starts the polled job and only enters the loop: its sole entrance, a request-response start
     * call of the same job (or, for a Lambda poll, a Lambda), so it can become the waiting Task.
     */
    private static Optional<String> starter(StateMachineContext ctx, Loop loop, Optional<SyncJobs.Job> job,
                                            boolean lambdaPoll) {
        if (loop.entrances().size() != 1 || loop.startsAtLoop()) {
            return Optional.empty();
        }
        String path = loop.entrances().get(0);
        if (!(ctx.statesByPath().get(path) instanceof TaskState t) || !t.catchers().isEmpty()
                && t.catchers().stream().anyMatch(c -> loop.paths().contains(loop.prefix() + c.next()))) {
            return Optional.empty();
        }
        boolean fits = lambdaPoll ? t.resource().invokesLambda() && !t.resource().waitsForCompletion()
                : job.isPresent() && SyncJobs.starts(t.resource(), job.get());
        return fits ? Optional.of(path) : Optional.empty();
    }
}
