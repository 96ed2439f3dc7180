package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A Map: runs its inner machine ({@code ItemProcessor}, or the older {@code Iterator}) once per item.
 * INLINE runs every iteration inside the parent execution, so every inner state is a parent transition.
 * DISTRIBUTED starts one child execution per item (or per batch with an ItemBatcher), each billed by its
 * ExecutionType: STANDARD children by their own transitions, EXPRESS children as Express executions.
 */
public record MapState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                       Flow flow, StateMachine processor, Mode mode, ExecutionType executionType,
                       Optional<JsonNode> itemReader, Optional<ItemBatcher> itemBatcher, Optional<String> itemsPath,
                       Optional<JsonNode> items, OptionalInt maxConcurrency, OptionalDouble toleratedFailurePercentage,
                       OptionalInt toleratedFailureCount, Optional<JsonNode> resultWriter, Optional<String> label,
                       List<Retrier> retry, List<Catcher> catchers) implements State {

    public enum Mode { INLINE, DISTRIBUTED }

    /**
     * Iterations an inline Map runs at once at most, whatever its MaxConcurrency says (the service's limit for Inline
     * mode: https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html).
     */
    public static final int INLINE_MAX_CONCURRENCY = 40;

    /**
     * Child executions a Distributed Map runs at once when MaxConcurrency is not given (or 0): the service then runs
     * up to 10,000 of them in parallel (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html).
     */
    public static final int DISTRIBUTED_DEFAULT_CONCURRENCY = 10_000;

    /** Child execution type of a DISTRIBUTED map (ignored for INLINE). */
    public enum ExecutionType { STANDARD, EXPRESS }

    public MapState {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    public boolean isDistributed() {
        return mode == Mode.DISTRIBUTED;
    }

    /**
     * Iterations (children, for a Distributed Map) that run at once: MaxConcurrency when it is above 0, else the
     * service's default ({@value #DISTRIBUTED_DEFAULT_CONCURRENCY} children, {@value #INLINE_MAX_CONCURRENCY}
     * iterations); an inline Map never runs more than {@value #INLINE_MAX_CONCURRENCY}.
     */
    public int concurrency() {
        int given = maxConcurrency().orElse(0);
        if (isDistributed()) {
            return given > 0 ? given : DISTRIBUTED_DEFAULT_CONCURRENCY;
        }
        return given > 0 ? Math.min(given, INLINE_MAX_CONCURRENCY) : INLINE_MAX_CONCURRENCY;
    }

    /**
     * Child executions for {@code items} items: one per item, or ceil(items / MaxItemsPerBatch) with a batcher.
     * Inline maps start no child executions.
     */
    public long childExecutions(long items) {
        if (!isDistributed() || items <= 0) {
            return 0;
        }
        return itemBatcher.map(b -> b.batches(items)).orElse(items);
    }

    @Override public Optional<String> next() { return flow.next(); }

    @Override public boolean isEnd() { return flow.end(); }

    @Override public List<String> successors() { return Successors.of(flow, catchers); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitMap(this); }

    @Override public String type() { return "Map"; }
}
