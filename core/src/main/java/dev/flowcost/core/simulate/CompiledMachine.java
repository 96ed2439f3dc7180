package dev.flowcost.core.simulate;

import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.FailState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.SucceedState;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine turned into arrays the simulator can walk quickly: states become nodes with integer targets,
 * error names become integer ids, workload values are resolved once. Built single-threaded before any sampling,
 * including the pilot runs that measure the spread of large Maps' iterations, so the plan is deterministic.
 */
final class CompiledMachine {

    /** Target code: the machine ends successfully. Codes ≤ -2 mean "fail with error id −code−2". */
    static final int END = -1;
    /** Items above this are sampled in aggregate (CLT), not iteration by iteration. */
    static final int AGGREGATE_ABOVE = 200;
    static final int PILOT_RUNS = 1_000;
    /** Pilots of iterations that take many steps run fewer times, so the pilot stays within this many steps. */
    static final double PILOT_STEPS = 50_000_000;
    static final int PILOT_MIN_RUNS = 30;

    enum Kind { PASS, WAIT, CHOICE, TASK, SUCCEED, FAIL, MAP, PARALLEL }

    static int failCode(int errorId) {
        return -errorId - 2;
    }

    static int errorOf(int code) {
        return -code - 2;
    }

    /** One scope: the top machine, a Map's ItemProcessor or a Parallel branch. */
    static final class Scope {
        Node[] nodes;
        int start;
        StateCount.Billing billing;
    }

    static final class Node {
        Kind kind;
        String path;
        int next;
        double waitSeconds;
        int failError;
        // Choice
        double[] choiceCum;
        int[] choiceTargets;
        // Task: failure per attempt
        double[] errCum = new double[0];
        int[] errIds = new int[0];
        double meanSeconds;
        double sigma; // lognormal shape; 0 = fixed duration
        double mu;
        Map<String, Integer> scopeIndex = Map.of();
        // Retry and Catch
        Retrier[] retriers = new Retrier[0];
        List<Catcher> catchers = List.of();
        int[] retrierFor;
        int[] catchFor;
        // Map
        Scope inner;
        ItemCount items;
        boolean distributed;
        MapState map;
        /** The Map has a tolerated failure threshold: it fails with the threshold error only when it is exceeded. */
        boolean tolerant;
        int concurrency;
        ExactAnalyzer.Scope innerMean;
        double innerTransitionVariance;
        double innerDurationVariance;
        double[] innerErrCum;
        int[] innerErrIds;
        double innerExpressExecs;
        double innerExpressSeconds;
        // Parallel
        Scope[] branches;
        // Task with one retrier for all its retried errors, sampled geometrically (see ExecutionRun)
        int oneRetrier = -1;
        double retriedShare;
        double[] retriedCum = new double[0];
        int[] retriedIds = new int[0];
        double[] restCum = new double[0];
        int[] restIds = new int[0];
    }

    final Scope top;
    final List<String> errorNames = new ArrayList<>();
    private final Map<String, Integer> errorIds = new HashMap<>();
    private final List<Node> all = new ArrayList<>();
    private final ExactAnalyzer analyzer;
    private final long seed;

    CompiledMachine(StateMachine machine, ExactAnalyzer analyzer, long seed) {
        this.analyzer = analyzer;
        this.seed = seed;
        error(ExactAnalyzer.RUNTIME);
        this.top = scope(machine, "", StateCount.Billing.PARENT);
        for (Node n : all) {
            if (n.kind == Kind.TASK) {
                oneRetrier(n);
            }
        }
    }

    /**
     * Whether every error of the Task that is retried is retried by the same retrier; if so, the shares the
     * geometric sampling needs: the retried errors' total, which of them exhausts the retries, and the outcome of the
     * attempt that ends the run of failures (success, or an error no retrier takes).
     */
    private static void oneRetrier(Node n) {
        int r = -1;
        double retried = 0;
        double prev = 0;
        List<double[]> ret = new ArrayList<>();
        List<double[]> rest = new ArrayList<>();
        for (int i = 0; i < n.errIds.length; i++) {
            double p = n.errCum[i] - prev;
            prev = n.errCum[i];
            int ri = n.retrierFor[n.errIds[i]];
            if (ri >= 0) {
                if (r >= 0 && ri != r) {
                    return;
                }
                r = ri;
                retried += p;
                ret.add(new double[] {p, n.errIds[i]});
            } else {
                rest.add(new double[] {p, n.errIds[i]});
            }
        }
        if (r < 0) {
            return;
        }
        n.oneRetrier = r;
        n.retriedShare = Math.min(1, retried);
        n.retriedCum = new double[ret.size()];
        n.retriedIds = new int[ret.size()];
        double c = 0;
        for (int i = 0; i < ret.size(); i++) {
            c += ret.get(i)[0] / retried;
            n.retriedCum[i] = i == ret.size() - 1 ? Double.MAX_VALUE : c;
            n.retriedIds[i] = (int) ret.get(i)[1];
        }
        double others = 1 - retried;
        n.restCum = new double[rest.size()];
        n.restIds = new int[rest.size()];
        c = 0;
        for (int i = 0; i < rest.size(); i++) {
            c += others > 0 ? rest.get(i)[0] / others : 0;
            n.restCum[i] = c;
            n.restIds[i] = (int) rest.get(i)[1];
        }
    }

    int error(String name) {
        Integer id = errorIds.get(name);
        if (id == null) {
            id = errorNames.size();
            errorNames.add(name);
            errorIds.put(name, id);
            for (Node n : all) {
                resolveHandlers(n);
            }
        }
        return id;
    }

    private Scope scope(StateMachine m, String prefix, StateCount.Billing billing) {
        Scope s = new Scope();
        s.billing = billing;
        List<String> names = new ArrayList<>(m.states().keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        s.nodes = new Node[names.size()];
        s.start = index.getOrDefault(m.startAt(), failCode(0));
        for (int i = 0; i < names.size(); i++) {
            State st = m.states().get(names.get(i));
            s.nodes[i] = node(st, ExactAnalyzer.path(prefix, st.name()), index, billing);
        }
        return s;
    }

    private int target(Optional<String> next, Map<String, Integer> index) {
        if (next.isEmpty()) {
            return END;
        }
        return index.getOrDefault(next.get(), failCode(0));
    }

    private Node node(State st, String path, Map<String, Integer> index, StateCount.Billing billing) {
        Node n = new Node();
        n.path = path;
        n.next = target(st.next(), index);
        StepWorkload w = analyzer.step(path);
        n.retriers = st.retry().toArray(new Retrier[0]);
        n.catchers = st.catchers();
        n.scopeIndex = index;
        if (st instanceof ChoiceState c) {
            n.kind = Kind.CHOICE;
            double[] p = analyzer.choiceWeights(c, path, w);
            int k = c.choices().size();
            n.choiceCum = new double[k + 1];
            n.choiceTargets = new int[k + 1];
            double cum = 0;
            int last = -1;
            for (int i = 0; i <= k; i++) {
                double pi = p == null ? 0 : p[i];
                cum += pi;
                last = pi > 0 ? i : last;
                n.choiceCum[i] = cum;
                n.choiceTargets[i] = i < k ? target(Optional.of(c.choices().get(i).next()), index)
                        : target(c.defaultNext(), index);
            }
            if (last < 0) {
                n.kind = Kind.FAIL;
                n.failError = 0;
            } else {
                n.choiceCum[last] = Double.MAX_VALUE; // rounding: the last branch with weight takes the rest
            }
        } else if (st instanceof FailState f) {
            n.kind = Kind.FAIL;
            n.failError = error(f.error().orElse("States.Fail"));
        } else if (st instanceof SucceedState) {
            n.kind = Kind.SUCCEED;
            n.next = END;
        } else if (st instanceof WaitState wt) {
            n.kind = Kind.WAIT;
            n.waitSeconds = analyzer.waitSeconds(wt, path, w);
        } else if (st instanceof TaskState) {
            n.kind = Kind.TASK;
            failures(n, w.errors());
            n.meanSeconds = analyzer.taskSeconds(path, w);
            if (w.p95Seconds().isPresent()) {
                lognormal(n, n.meanSeconds, w.p95Seconds().getAsDouble());
            }
        } else if (st instanceof MapState m) {
            map(n, m, path, w, billing);
        } else if (st instanceof ParallelState p) {
            n.kind = Kind.PARALLEL;
            n.branches = new Scope[p.branches().size()];
            Map<String, Double> weights = new java.util.LinkedHashMap<>();
            for (int i = 0; i < n.branches.length; i++) {
                n.branches[i] = scope(p.branches().get(i), path, billing);
                analyzer.scope(p.branches().get(i), path, billing).failures
                        .forEach((e, f) -> weights.merge(e, f, Double::sum));
            }
            innerErrors(n, weights);
        } else {
            n.kind = Kind.PASS;
        }
        all.add(n);
        resolveHandlers(n);
        return n;
    }

    private void failures(Node n, Map<String, Double> errors) {
        List<Double> cum = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        double c = 0;
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            if (e.getValue() > 0) {
                c += e.getValue();
                cum.add(c);
                ids.add(error(e.getKey()));
            }
        }
        n.errCum = cum.stream().mapToDouble(Double::doubleValue).toArray();
        n.errIds = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private void innerErrors(Node n, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Double> cum = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        double c = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() > 0) {
                c += e.getValue() / total;
                cum.add(c);
                ids.add(error(e.getKey()));
            }
        }
        n.innerErrCum = cum.stream().mapToDouble(Double::doubleValue).toArray();
        n.innerErrIds = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Lognormal with the given mean and 95th percentile; a p95 at or below the mean keeps the duration fixed. */
    static void lognormal(Node n, double mean, double p95) {
        double z = 1.6448536269514722;
        if (mean <= 0 || p95 <= mean) {
            return;
        }
        double gap = Math.log(p95) - Math.log(mean);
        double disc = z * z - 2 * gap;
        double sigma = disc >= 0 ? z - Math.sqrt(disc) : z;
        n.sigma = sigma;
        n.mu = Math.log(mean) - sigma * sigma / 2;
    }

    private void map(Node n, MapState m, String path, StepWorkload w, StateCount.Billing billing) {
        n.kind = Kind.MAP;
        n.map = m;
        n.distributed = m.isDistributed();
        n.concurrency = m.concurrency();
        double mean = analyzer.items(path, w);
        n.items = w.items().orElse(ItemCount.exactly(Math.round(mean)));
        StateCount.Billing ib = ExactAnalyzer.innerBilling(m, billing);
        n.inner = scope(m.processor(), path, ib);
        n.innerMean = analyzer.scope(m.processor(), path, ib);
        n.tolerant = FailureTolerance.applies(m);
        innerErrors(n, n.tolerant ? Map.of(FailureTolerance.EXCEEDED, 1.0) : n.innerMean.failures);
        n.innerMean.express.values().forEach(v -> {
            n.innerExpressExecs += v[0];
            n.innerExpressSeconds += v[1];
        });
        if (n.items.max() > AGGREGATE_ABOVE
                || ExactAnalyzer.childRuns(m, n.items.max()) > AGGREGATE_ABOVE) {
            pilot(n, ib);
        }
    }

    /** Measures the spread of one iteration (transitions in its billing, duration) from a fixed-seed sample. */
    private void pilot(Node n, StateCount.Billing ib) {
        ExecutionRun run = new ExecutionRun(this, new java.util.SplittableRandom(
                MonteCarloSimulator.mix(seed ^ n.path.hashCode() * 0x9E3779B97F4A7C15L)));
        int runs = (int) Math.max(PILOT_MIN_RUNS, Math.min(PILOT_RUNS, PILOT_STEPS / Math.max(1, n.innerMean.steps)));
        double[] t = new double[runs];
        double[] d = new double[runs];
        for (int i = 0; i < runs; i++) {
            run.resetExecution();
            double before = run.billed(ib);
            run.runScope(n.inner);
            t[i] = run.billed(ib) - before;
            d[i] = run.lastDuration;
        }
        n.innerTransitionVariance = variance(t);
        n.innerDurationVariance = variance(d);
    }

    static double variance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return v.length > 1 ? s / (v.length - 1) : 0;
    }

    private void resolveHandlers(Node n) {
        int e = errorNames.size();
        n.retrierFor = new int[e];
        n.catchFor = new int[e];
        for (int id = 0; id < e; id++) {
            String name = errorNames.get(id);
            n.retrierFor[id] = -1;
            for (int r = 0; r < n.retriers.length; r++) {
                if (n.retriers[r].matches(name)) {
                    n.retrierFor[id] = n.retriers[r].maxAttempts() > 0 ? r : -1;
                    break;
                }
            }
            n.catchFor[id] = failCode(id);
            for (Catcher c : n.catchers) {
                if (c.matches(name)) {
                    n.catchFor[id] = n.scopeIndex.getOrDefault(c.next(), failCode(0));
                    break;
                }
            }
        }
    }
}
