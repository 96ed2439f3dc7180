package dev.flowcost.core.asl;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A Distributed Map's ItemBatcher: groups items so one child execution processes a batch.
 * A batcher with only MaxInputBytesPerBatch cannot be counted from the definition alone; the byte bound is
 * applied when the workload gives an item size.
 */
public record ItemBatcher(OptionalInt maxItemsPerBatch, OptionalLong maxInputBytesPerBatch, boolean fromPath) {

    /** Batches for {@code items} items by count: ceil(items / MaxItemsPerBatch), or one child per item when no count bound is known. */
    public long batches(long items) {
        if (items <= 0) {
            return 0;
        }
        if (maxItemsPerBatch.isEmpty() || maxItemsPerBatch.getAsInt() <= 0) {
            return items;
        }
        long per = maxItemsPerBatch.getAsInt();
        return (items + per - 1) / per;
    }
}
