package dev.flowcost.core.dag;

import java.util.OptionalDouble;

/**
 * How a sensor waits. In poke mode it holds a worker slot for its whole wait; reschedule and deferrable modes
 * release it between checks.
 */
public record SensorSettings(Mode mode, OptionalDouble pokeIntervalSeconds, OptionalDouble timeoutSeconds, boolean deferrable) {

    public enum Mode { POKE, RESCHEDULE }

    /** Whether the sensor occupies a worker slot while it waits. */
    public boolean holdsSlotWhileWaiting() {
        return mode == Mode.POKE && !deferrable;
    }
}
