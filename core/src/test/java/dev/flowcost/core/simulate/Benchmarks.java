package dev.flowcost.core.simulate;

import static dev.flowcost.core.simulate.Machines.inlineMap;
import static dev.flowcost.core.simulate.Machines.task;

import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import java.util.ArrayList;
import java.util.List;

/** Larger machines for timing checks. */
final class Benchmarks {
    private Benchmarks() {
    }

    /** 4 Maps in sequence, each with 49 Tasks inside, some with a nested Map: 200 states in all. */
    static StateMachine twoHundredStates() {
        List<State> top = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            List<State> inner = new ArrayList<>();
            for (int t = 0; t < 47; t++) {
                inner.add(task("T" + m + "_" + t, "T" + m + "_" + (t + 1)));
            }
            inner.add(inlineMap("T" + m + "_47", null, Machines.sequence(task("N" + m, null))));
            String next = m < 3 ? "M" + (m + 1) : null;
            top.add(inlineMap("M" + m, next, Machines.sequence(inner.toArray(new State[0]))));
        }
        return Machines.sequence(top.toArray(new State[0]));
    }
}
