package dev.flowcost.core.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout as version 0.1 computed it (recursive, with every task's descendant set): the reference the bounded
 * {@link DagLayout} must agree with on every DAG small enough for it.
 */
final class RecursiveDagLayout {

    private final List<String> order;
    private final Map<String, Set<String>> downstream = new HashMap<>();
    private final Map<String, Set<String>> upstream = new HashMap<>();
    private final Map<String, Set<String>> descendants = new HashMap<>();
    private final List<Set<String>> layeredParts = new ArrayList<>();

    /**
     * @param order tasks in a topological order (every edge goes from an earlier to a later task)
     * @param edges upstream → downstream pairs among those tasks
     */
    RecursiveDagLayout(List<String> order, List<Map.Entry<String, String>> edges) {
        this.order = List.copyOf(order);
        for (String t : order) {
            downstream.put(t, new LinkedHashSet<>());
            upstream.put(t, new LinkedHashSet<>());
        }
        for (Map.Entry<String, String> e : edges) {
            downstream.get(e.getKey()).add(e.getValue());
            upstream.get(e.getValue()).add(e.getKey());
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            String t = order.get(i);
            Set<String> d = new HashSet<>();
            for (String c : downstream.get(t)) {
                d.add(c);
                d.addAll(descendants.get(c));
            }
            descendants.put(t, d);
        }
    }

    /** The whole DAG as one block. */
    Block layout() {
        return decompose(new LinkedHashSet<>(order));
    }

    /** The groups of tasks that had to be laid out by level because they are not series-parallel. */
    List<Set<String>> layered() {
        return List.copyOf(layeredParts);
    }

    private Block decompose(Set<String> part) {
        if (part.size() == 1) {
            return new Block.Task(part.iterator().next());
        }
        List<Set<String>> components = components(part);
        if (components.size() > 1) {
            List<Block> branches = new ArrayList<>();
            for (Set<String> c : components) {
                branches.add(decompose(c));
            }
            return new Block.Fork(branches);
        }
        Set<String> head = seriesHead(part);
        if (head.size() < part.size()) {
            Set<String> tail = ordered(part);
            tail.removeAll(head);
            List<Block> stages = new ArrayList<>();
            addStage(stages, decompose(head));
            addStage(stages, decompose(tail));
            return new Block.Sequence(stages);
        }
        layeredParts.add(part);
        return byLevel(part);
    }

    private static void addStage(List<Block> stages, Block b) {
        if (b instanceof Block.Sequence s) {
            stages.addAll(s.stages());
        } else {
            stages.add(b);
        }
    }

    /**
     * The smallest set A holding the part's sources such that every other task of the part descends from every
     * task of A; the whole part when there is no such split.
     */
    private Set<String> seriesHead(Set<String> part) {
        Set<String> head = new LinkedHashSet<>();
        for (String t : part) {
            if (upstream.get(t).stream().noneMatch(part::contains)) {
                head.add(t);
            }
        }
        while (true) {
            Set<String> common = new HashSet<>(part);
            for (String a : head) {
                common.retainAll(descendants.get(a));
            }
            Set<String> next = ordered(part);
            next.removeAll(common);
            if (next.equals(head) || next.size() == part.size()) {
                return next;
            }
            head = next;
        }
    }

    /** Weakly connected components of the part, each in topological order, ordered by their first task. */
    private List<Set<String>> components(Set<String> part) {
        List<Set<String>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String start : ordered(part)) {
            if (!seen.add(start)) {
                continue;
            }
            Set<String> comp = new HashSet<>(List.of(start));
            List<String> stack = new ArrayList<>(List.of(start));
            while (!stack.isEmpty()) {
                String t = stack.remove(stack.size() - 1);
                for (Set<String> nbrs : List.of(downstream.get(t), upstream.get(t))) {
                    for (String n : nbrs) {
                        if (part.contains(n) && seen.add(n)) {
                            comp.add(n);
                            stack.add(n);
                        }
                    }
                }
            }
            Set<String> sorted = ordered(part);
            sorted.retainAll(comp);
            out.add(sorted);
        }
        return out;
    }

    /** Topological levels (longest path from the part's sources): each level a fan-out of its tasks. */
    private Block byLevel(Set<String> part) {
        Map<String, Integer> level = new HashMap<>();
        List<List<String>> levels = new ArrayList<>();
        for (String t : ordered(part)) {
            int l = 0;
            for (String u : upstream.get(t)) {
                if (part.contains(u)) {
                    l = Math.max(l, level.get(u) + 1);
                }
            }
            level.put(t, l);
            while (levels.size() <= l) {
                levels.add(new ArrayList<>());
            }
            levels.get(l).add(t);
        }
        List<Block> stages = new ArrayList<>();
        for (List<String> lv : levels) {
            if (lv.size() == 1) {
                stages.add(new Block.Task(lv.get(0)));
            } else {
                List<Block> branches = new ArrayList<>();
                lv.forEach(t -> branches.add(new Block.Task(t)));
                stages.add(new Block.Fork(branches));
            }
        }
        return new Block.Sequence(stages);
    }

    /** The part's tasks in the DAG's topological order (a fresh, mutable set). */
    private Set<String> ordered(Set<String> part) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : order) {
            if (part.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
