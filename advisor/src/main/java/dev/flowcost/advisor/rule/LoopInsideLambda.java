package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostCurves;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.LambdaCost;
import dev.flowcost.core.usage.UsageDefaults;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Iteration inside one Lambda: an inline Map whose iteration is a chain of at most {@value #MAX_CHAIN} Lambda Tasks
 * costs a transition per state per item and a Lambda request per item; one invocation that loops over the whole list
 * costs one transition and one request. Fires on STANDARD workflows when the whole loop (items × mean iteration time,
 * retries included) fits in 80% of Lambda's 900 s timeout, and when that is cheaper. When it does not fit one
 * invocation but fits {@value #MAX_CHUNKS} (one wave of an inline Map), the advice is a Map over that many chunks,
 * each one invocation looping over its chunk. Comparison: now the iterations' transitions and their Lambda requests
 * and GB-seconds; after one transition and one invocation per chunk whose GB-seconds are the same work at the
 * chain's largest memory.
 */
public final class LoopInsideLambda implements StateMachineRule {

    public static final String RULE = "loop-inside-lambda";
    static final RuleInfo INFO = new RuleInfo(RULE, "Inline Map of Lambda tasks → one Lambda invocation looping over the items",
            RuleInfo.Subject.STATE_MACHINE,
            "An inline Map whose iteration is a short chain of Lambda Tasks costs a transition per state per "
                    + "item and a Lambda request per item; one invocation that loops over the whole list costs one "
                    + "transition and one request. The rule fires on Standard workflows when the whole loop (items × "
                    + "mean iteration time, retries included) fits in 80 % of Lambda's 900 s timeout on the simulated "
                    + "tail, and when that is cheaper. When the loop does not fit one invocation but fits one wave of "
                    + "an inline Map, the advice is a Map over chunks, each one invocation looping over its chunk. The "
                    + "GB-seconds after are the same work at the chain's largest memory.",
            List.of(new Fact("Standard workflows bill each state transition.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("Lambda bills each request and the duration in GB-seconds, per 1 ms.",
                            "https://aws.amazon.com/lambda/pricing/"),
                    new Fact("A Lambda invocation runs at most 900 seconds.",
                            "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html")));
    public static final int MAX_CHAIN = 3;
    public static final double LAMBDA_TIMEOUT_SECONDS = 900;
    public static final double SAFETY_SHARE = 0.8;
    public static final int MAX_MEMORY_MB = 10_240;
    public static final int MAX_CHUNKS = 40;

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
        for (InlineMaps.InlineMap m : InlineMaps.of(ctx)) {
            List<String> chain = lambdaChain(m.path(), m.map().processor());
            if (chain.isEmpty()) {
                continue;
            }
            double loopSeconds = m.items().doubleValue() * m.iterationSeconds();
            long chunks = chunks(loopSeconds);
            TailLimits.Check tail = chunkCheck(ctx, m, chunks);
            while (tail.blocks() && chunks < MAX_CHUNKS) {
                tail = chunkCheck(ctx, m, ++chunks);
            }
            if (chunks > MAX_CHUNKS || tail.stops()) {
                continue;
            }
            int memory = chain.stream().mapToInt(ctx::memoryMb).max()
                    .orElse(UsageDefaults.LAMBDA_MEMORY_MB.intValue());
            if (memory > MAX_MEMORY_MB) {
                continue;
            }
            Finding f = finding(ctx, m, chain, memory, loopSeconds, chunks, tail);
            if (f.isSaving()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Invocations needed so that each loops for at most 80% of Lambda's timeout (at least 1). */
    public static long chunks(double loopSeconds) {
        return Math.max(1, (long) Math.ceil(loopSeconds / (SAFETY_SHARE * LAMBDA_TIMEOUT_SECONDS)));
    }

    /** The share of simulated invocations looping over one chunk of the items that pass Lambda's 900 s. */
    static TailLimits.Check chunkCheck(StateMachineContext ctx, InlineMaps.InlineMap m, long chunks) {
        long perChunk = m.items().divide(BigDecimal.valueOf(chunks), 0, java.math.RoundingMode.CEILING).longValue();
        return ctx.limits().iterationsOver(m.path(), Math.max(1, perChunk), LAMBDA_TIMEOUT_SECONDS,
                "invocations looping over " + perChunk + " items", "Lambda's 15-minute timeout");
    }

    /** The paths of the iteration's states when they are a chain of ≤ 3 Lambda Tasks from StartAt; else empty. */
    static List<String> lambdaChain(String mapPath, StateMachine processor) {
        List<String> chain = new ArrayList<>();
        String at = processor.startAt();
        while (at != null && chain.size() <= MAX_CHAIN) {
            State s = processor.states().get(at);
            if (!(s instanceof TaskState t) || !t.resource().invokesLambda() || !t.catchers().isEmpty()) {
                return List.of();
            }
            chain.add(mapPath + "/" + at);
            at = t.next().orElse(null);
        }
        if (chain.size() > MAX_CHAIN || chain.size() != processor.states().size()) {
            return List.of();
        }
        return chain;
    }

    private Finding finding(StateMachineContext ctx, InlineMaps.InlineMap m, List<String> chain, int memory,
                            double loopSeconds, long chunks, TailLimits.Check tail) {
        Rates rates = Rates.of(ctx);
        CostItems.Volume volume = ctx.volumeWithItems(m.path());
        BigDecimal entries = BigDecimal.valueOf(m.entries());
        Function<CostItems.Volume, List<CostItem>> now = v -> {
            List<CostItem> items = new ArrayList<>();
            items.add(BilledItems.transitions("state transitions (" + m.path() + " iterations)", BigDecimal.ZERO,
                    m.transitionsPerItem().multiply(entries), v, rates.standard()));
            for (String path : chain) {
                BigDecimal attemptsPerItem = BigDecimal.valueOf(ctx.count(path).attempts())
                        .divide(entries.multiply(m.items()), java.math.MathContext.DECIMAL64).multiply(entries);
                items.addAll(BilledItems.lambda(path, BigDecimal.ZERO, attemptsPerItem, ctx.durationSeconds(path),
                        ctx.memoryMb(path), v, rates.lambda(ctx.architecture(path))));
            }
            return items;
        };
        // After: one invocation per Map run doing the same work (iterationSeconds per item) at the largest memory,
        // on the architecture of the chain's first Task.
        LambdaCost.Prices looping = rates.lambda(ctx.architecture(chain.get(0)));
        Function<CostItems.Volume, List<CostItem>> after = v -> {
            List<CostItem> items = new ArrayList<>();
            BigDecimal gbSecondsPerItem = BigDecimal.valueOf(m.iterationSeconds()).multiply(BigDecimal.valueOf(memory))
                    .divide(BigDecimal.valueOf(1024), java.math.MathContext.DECIMAL64).multiply(entries);
            BigDecimal invocations = entries.multiply(BigDecimal.valueOf(chunks));
            if (chunks > 1) {
                items.add(BilledItems.transitions("state transitions (" + m.path() + " chunks)", invocations,
                        BigDecimal.ZERO, v, rates.standard()));
            }
            items.add(CostItems.perExecution(m.path() + " Lambda requests (looping)", invocations, v,
                    looping.request()));
            items.addAll(CostItems.perExecutionTiered(m.path() + " Lambda duration (looping)", BigDecimal.ZERO,
                    gbSecondsPerItem, v, looping.duration()));
            return items;
        };
        List<CostItem> itemsNow = now.apply(volume);
        List<CostItem> itemsAfter = after.apply(volume);
        CostCurve curve = CostCurves.aroundCurrent("executions per month", "inline Map of Lambda tasks",
                "one Lambda looping over the items", ctx.executionsPerMonth(),
                Volumes.atExecutions(volume, now), Volumes.atExecutions(volume, after));
        ChangeEdits edits = ChangeEdits.of(ctx);
        List<String> lost = LoopEdits.loopInLambda(edits, m.path(), chain.get(0), chunks, MAX_CHUNKS,
                (int) LAMBDA_TIMEOUT_SECONDS);
        String note = "Write one function (from " + String.join(", ", chain) + ") that takes "
                + (chunks == 1 ? "the whole item list (" + m.map().itemsPath().orElse("$") + ")"
                        : "one chunk of about " + m.items().divide(BigDecimal.valueOf(chunks), 0, java.math.RoundingMode.CEILING)
                        + " items (have the state before the Map return the items split into " + chunks
                        + " chunks under $.chunks)")
                + " and loops over it, retrying an item in code; give it " + memory
                + " MB and a 900 s timeout; set the Task's Parameters to {\"FunctionName\": ..., \"Payload.$\": \"$\"}.";
        return Findings.priced(RULE, ctx.name(), List.of(m.path()),
                chunks == 1 ? "Loop over " + m.path() + "'s items inside one Lambda invocation"
                        : "Loop over " + m.path() + "'s items inside Lambda, in " + chunks + " invocations of a chunk each",
                itemsNow, itemsAfter, Finding.Confidence.MEDIUM,
                List.of("items per Map run: " + m.items().stripTrailingZeros().toPlainString()
                                + " (key " + ctx.itemsKey(m.path()) + ")",
                        "the whole loop takes " + InlineMapToDistributedMap.fmt(loopSeconds) + " s: " + chunks
                                + " invocation(s) of at most " + (int) (SAFETY_SHARE * LAMBDA_TIMEOUT_SECONDS)
                                + " s (80% of Lambda's 900 s timeout)",
                        "the function runs at " + memory + " MB, the largest of the chain",
                        tail.describe(),
                        "code change: " + note,
                        "costs before the account's free tiers"),
                blockers(tail, lost),
                edits.change(chunks == 1
                        ? "Replace " + m.path() + " by one Lambda Task that loops over the items"
                        : "Make " + m.path() + " iterate over " + chunks + " chunks, one looping Lambda each",
                        List.of(m.path())),
                Optional.of(curve));
    }

    private static List<String> blockers(TailLimits.Check tail, List<String> lost) {
        List<String> out = new ArrayList<>(List.of(
                "code change: the function must loop over the list it is given (its FunctionName is the chain's"
                        + " first Task's: point it at the looping function)",
                "lost: per-item retries, catches and backoff of Step Functions (retry in code instead)",
                "lost: per-item visibility in the execution history",
                "lost: partial failure handling: one failing item fails (or must be handled inside) the invocation",
                "the items must fit Lambda's 256 KiB asynchronous / 6 MB synchronous payload, or be read from S3",
                "no concurrency across items unless the code adds it: the loop runs serially by default"));
        out.addAll(lost);
        tail.blocker().ifPresent(out::add);
        return out;
    }

}
