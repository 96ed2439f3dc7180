package dev.flowcost.advisor.rule;

import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.simulate.StateCount;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inline Maps of a workflow that its parent execution bills, with what one iteration does: the facts the Map
 * rules share (items, inner transitions per item, mean iteration seconds including retries).
 */
final class InlineMaps {

    /**
     * @param path                  the Map's path
     * @param map                   the state
     * @param items                 mean items per Map entry
     * @param entries               Map entries per execution
     * @param innerTransitions      transitions of the iterations per execution
     * @param transitionsPerItem    innerTransitions / (entries × items)
     * @param iterationSeconds      mean seconds of one iteration: Σ inner Task attempts × duration, per item
     */
    record InlineMap(String path, MapState map, BigDecimal items, double entries, double innerTransitions,
                     BigDecimal transitionsPerItem, double iterationSeconds) {
    }

    private InlineMaps() {
    }

    static List<InlineMap> of(StateMachineContext ctx) {
        List<InlineMap> out = new ArrayList<>();
        Map<String, State> states = ctx.statesByPath();
        for (Map.Entry<String, State> e : states.entrySet()) {
            if (!(e.getValue() instanceof MapState m) || m.isDistributed()) {
                continue;
            }
            String path = e.getKey();
            StateCount c = ctx.count(path);
            if (c.billing() != StateCount.Billing.PARENT || c.entries() <= 0) {
                continue;
            }
            BigDecimal items = ctx.items(path);
            double inner = ctx.innerParentTransitions(path);
            double perItemUnits = c.entries() * items.doubleValue();
            if (perItemUnits <= 0) {
                continue;
            }
            double taskSeconds = 0;
            String prefix = path + "/";
            for (Map.Entry<String, State> inside : states.entrySet()) {
                if (inside.getKey().startsWith(prefix) && inside.getValue() instanceof TaskState) {
                    taskSeconds += ctx.count(inside.getKey()).attempts() * ctx.durationSeconds(inside.getKey());
                }
            }
            BigDecimal perItem = BigDecimal.valueOf(inner).divide(BigDecimal.valueOf(perItemUnits), MathContext.DECIMAL64);
            out.add(new InlineMap(path, m, items, c.entries(), inner, perItem, taskSeconds / perItemUnits));
        }
        return out;
    }
}
