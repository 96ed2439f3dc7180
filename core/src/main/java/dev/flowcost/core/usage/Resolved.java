package dev.flowcost.core.usage;

import java.util.Objects;

/**
 * A usage value as resolved for one step, with where it came from, so a report can say "1 s (default)" or
 * "30 s (workload w.yaml:12)" without resolving it again.
 *
 * @param value  the value
 * @param unit   its unit
 * @param source where it came from
 */
public record Resolved(double value, String unit, Provenance source) {

    public Resolved {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    /** The defaults-table value of {@code row}. */
    public static Resolved defaulted(UsageKey row) {
        return new Resolved(row.value(), row.unit(), new Provenance.Default(row));
    }

    /** Whether the value is a default (neither written nor calibrated). */
    public boolean isDefault() {
        return source instanceof Provenance.Default;
    }

    /** The value as an int (memory in MB, counts). */
    public int intValue() {
        return (int) value;
    }
}
