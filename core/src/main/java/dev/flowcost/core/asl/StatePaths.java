package dev.flowcost.core.asl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names every state of a machine by its path, the way workload files and results key them: top-level states by
 * name, states inside a Map's processor or a Parallel's branches as {@code Outer/Inner} (nested deeper:
 * {@code A/B/C}).
 */
public final class StatePaths {
    private StatePaths() {
    }

    /** Every state by path, parents before their inner states, in definition order. */
    public static Map<String, State> of(StateMachine machine) {
        Map<String, State> out = new LinkedHashMap<>();
        collect(machine, "", out, 0);
        return out;
    }

    private static void collect(StateMachine machine, String prefix, Map<String, State> out, int depth) {
        if (depth > 64) {
            return;
        }
        for (State s : machine.states().values()) {
            String path = prefix + s.name();
            out.putIfAbsent(path, s);
            if (s instanceof MapState m) {
                collect(m.processor(), path + "/", out, depth + 1);
            } else if (s instanceof ParallelState p) {
                for (StateMachine branch : p.branches()) {
                    collect(branch, path + "/", out, depth + 1);
                }
            }
        }
    }
}
