package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.simulate.StateCount;
import dev.flowcost.core.workload.WorkflowType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The quotas an inline Map runs into, raised as notes with no saving: a Standard execution's history holds at most
 * 25,000 events, and an inline Map runs at most {@value MapState#INLINE_MAX_CONCURRENCY} iterations at once. Events per execution are estimated as
 * 2 per state entered (entered, exited) + 3 per Task attempt (scheduled, started, succeeded or failed) + 2 per inline
 * Map iteration (started, succeeded) + 2 for the execution (started, succeeded).
 */
public final class InlineMapQuotaRisks implements StateMachineRule {

    public static final String RULE = "inline-map-quota-risk";
    static final RuleInfo INFO = new RuleInfo(RULE, "Inline Map near a Standard quota: 25,000 history events or "
            + MapState.INLINE_MAX_CONCURRENCY + " concurrent iterations",
            RuleInfo.Subject.STATE_MACHINE,
            "Raises notes with no saving when an inline Map runs into a quota: a Standard execution's "
                    + "history holds at most 25,000 events, and an inline Map runs at most "
                    + MapState.INLINE_MAX_CONCURRENCY + " iterations at once. "
                    + "Events per execution are estimated as 2 per state entered, 3 per Task attempt, 2 per inline Map "
                    + "iteration and 2 for the execution itself. A Distributed Map avoids both, since each child "
                    + "execution has its own history.",
            List.of(new Fact("A Standard execution's history holds at most 25,000 events.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html"),
                    new Fact("An inline Map runs at most " + MapState.INLINE_MAX_CONCURRENCY
                            + " iterations concurrently.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html")));
    public static final long HISTORY_EVENT_LIMIT = 25_000;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> apply(StateMachineContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<InlineMaps.InlineMap> maps = InlineMaps.of(ctx);
        if (ctx.type() != WorkflowType.STANDARD || maps.isEmpty()) {
            return out;
        }
        double events = historyEvents(ctx);
        if (events > HISTORY_EVENT_LIMIT) {
            InlineMaps.InlineMap biggest = maps.stream()
                    .max((a, b) -> Double.compare(a.innerTransitions(), b.innerTransitions())).orElseThrow();
            out.add(Findings.note(RULE, ctx.name(), List.of(biggest.path()),
                    "About " + Math.round(events) + " history events per execution: over the 25,000 a Standard"
                            + " execution may have",
                    Finding.Confidence.MEDIUM,
                    List.of("events ≈ 2 per state entered + 3 per Task attempt + 2 per inline Map iteration + 2"),
                    List.of("the execution fails with States.Runtime once its history is full; a Distributed Map keeps"
                            + " each child's history apart"),
                    new Change(Change.Kind.TEXT, "Move the iterations of " + biggest.path()
                            + " out of the parent history", "Use a Distributed Map (see " + InlineMapToDistributedMap.RULE
                            + ") or a child state machine per batch.")));
        }
        for (InlineMaps.InlineMap m : maps) {
            MapState s = m.map();
            int concurrency = s.maxConcurrency().orElse(0);
            int limit = MapState.INLINE_MAX_CONCURRENCY;
            if (m.items().doubleValue() > limit && (concurrency == 0 || concurrency > limit)) {
                out.add(Findings.note(RULE, ctx.name(), List.of(m.path()),
                        "Inline Map " + m.path() + " runs at most " + limit + " iterations at once"
                                + (concurrency > 0 ? " (MaxConcurrency " + concurrency + " is not reached)" : ""),
                        Finding.Confidence.HIGH,
                        List.of(m.items().stripTrailingZeros().toPlainString() + " items per run"),
                        List.of("the Map takes at least ceil(items / " + limit + ") iteration times"),
                        new Change(Change.Kind.TEXT, "Expect " + limit + " concurrent iterations, or use a Distributed"
                                + " Map", "A Distributed Map runs up to " + String.format(java.util.Locale.ROOT, "%,d",
                                MapState.DISTRIBUTED_DEFAULT_CONCURRENCY) + " children at once.")));
            }
        }
        return out;
    }

    /** Estimated history events of one execution. */
    public static double historyEvents(StateMachineContext ctx) {
        double events = 2;
        for (Map.Entry<String, State> e : ctx.statesByPath().entrySet()) {
            StateCount c = ctx.count(e.getKey());
            if (c.billing() != StateCount.Billing.PARENT) {
                continue;
            }
            events += 2 * c.entries();
            if (e.getValue() instanceof TaskState) {
                events += 3 * c.attempts();
            }
        }
        for (InlineMaps.InlineMap m : InlineMaps.of(ctx)) {
            events += 2 * m.entries() * m.items().doubleValue();
        }
        return events;
    }
}
