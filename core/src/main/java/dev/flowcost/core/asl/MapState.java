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
