package dev.flowcost.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded layout against the 0.1 recursive one, and the shapes that used to overflow the stack. */
class DagLayoutTest {

    private static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("t" + i);
        }
        return out;
    }

    private static Map.Entry<String, String> edge(int a, int b) {
        return new AbstractMap.SimpleEntry<>("t" + a, "t" + b);
    }

    /** Random DAGs over n tasks: each forward pair an edge with the given density, sometimes series-parallel-ish. */
    private static List<Map.Entry<String, String>> randomEdges(int n, long seed) {
        Random r = new Random(seed);
        double density = 0.05 + r.nextDouble() * 0.5;
        List<Map.Entry<String, String>> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (r.nextDouble() < density / Math.max(1, (b - a) / 2.0)) {
                    edges.add(edge(a, b));
                }
            }
        }
        return edges;
    }

    @Test
    void agreesWithTheRecursiveLayoutOnRandomDags() {
        qt().withFixedSeed(1515L).withExamples(3000).forAll(integers().between(1, 14), longs().all())
                .checkAssert((n, seed) -> {
                    List<Map.Entry<String, String>> edges = randomEdges(n, seed);
                    DagLayout bounded = new DagLayout(ids(n), edges);
                    RecursiveDagLayout reference = new RecursiveDagLayout(ids(n), edges);
                    assertThat(bounded.layout()).as("n=%s edges=%s", n, edges).isEqualTo(reference.layout());
                    assertThat(bounded.layered()).isEqualTo(reference.layered());
                    assertThat(bounded.tooDeep()).isEmpty();
                });
    }

    @Test
    void aChainOfTwentyThousandTasksIsOneSequence() {
        int n = 20_000;
        List<Map.Entry<String, String>> edges = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            edges.add(edge(i - 1, i));
        }
        Block b = new DagLayout(ids(n), edges).layout();
        assertThat(b).isInstanceOf(Block.Sequence.class);
        assertThat(((Block.Sequence) b).stages()).hasSize(n).allMatch(s -> s instanceof Block.Task);
    }

    @Test
    void fanOutsNestedDeeperThanTheLimitAreLaidOutByLevel() {
        // t0 -> (t1 || (t2 -> (t3 || (t4 -> ...)))): each odd task a lone branch beside the rest of the chain
        int depth = 200;
        List<Map.Entry<String, String>> edges = new ArrayList<>();
        int n = 2 * depth + 1;
        for (int i = 0; i + 2 < n; i += 2) {
            edges.add(edge(i, i + 1));
            edges.add(edge(i, i + 2));
        }
        DagLayout layout = new DagLayout(ids(n), edges);
        Block b = layout.layout();
        assertThat(nesting(b)).isLessThanOrEqualTo(DagLayout.MAX_NESTING + 1);
        assertThat(layout.tooDeep()).hasSize(1);
        assertThat(b.taskIds()).containsExactlyInAnyOrderElementsOf(ids(n));
    }

    /** How many Forks nest inside each other at the deepest point. */
    private static int nesting(Block b) {
        int deepest = 0;
        java.util.Deque<Map.Entry<Block, Integer>> todo = new java.util.ArrayDeque<>();
        todo.push(new AbstractMap.SimpleEntry<>(b, 0));
        while (!todo.isEmpty()) {
            Map.Entry<Block, Integer> e = todo.pop();
            Block x = e.getKey();
            int d = e.getValue();
            deepest = Math.max(deepest, d);
            if (x instanceof Block.Fork f) {
                f.branches().forEach(c -> todo.push(new AbstractMap.SimpleEntry<>(c, d + 1)));
            } else if (x instanceof Block.Sequence s) {
                s.stages().forEach(c -> todo.push(new AbstractMap.SimpleEntry<>(c, d)));
            }
        }
        return deepest;
    }
}
