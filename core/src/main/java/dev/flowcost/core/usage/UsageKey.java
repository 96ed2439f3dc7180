package dev.flowcost.core.usage;

import java.util.Objects;

/**
 * One row of the defaults table: a usage key a kind of step declares, the value assumed when neither the workload nor
 * a calibration gives it, its unit, and why that value (the Infracost idea of a usage schema per resource).
 *
 * @param kind  the kind of step the key belongs to
 * @param key   the key as the workload file writes it ("durationSeconds", "items", "memoryMb", ...)
 * @param value the default
 * @param unit  the unit of the value ("s", "MB", "item", ...)
 * @param why   where the default comes from, in one phrase
 */
public record UsageKey(StepKind kind, String key, double value, String unit, String why) {

    public UsageKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(why, "why");
    }

    /** The default as an int (memory in MB, counts). */
    public int intValue() {
        return (int) value;
    }
}
