package dev.flowcost.core.simulate;

import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.Catcher;
import dev.flowcost.core.asl.ChoiceRule;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.FailState;
import dev.flowcost.core.asl.Flow;
import dev.flowcost.core.asl.ItemBatcher;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.PassState;
import dev.flowcost.core.asl.QueryLanguage;
import dev.flowcost.core.asl.Retrier;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.SucceedState;
import dev.flowcost.core.asl.TaskResource;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Test-side builders for state machines and workloads, so simulator tests need no ASL reader. */
final class Machines {

    private Machines() {
    }

    static SourceLocation at(String name) {
        return new SourceLocation("/States/" + SourceLocation.escapeToken(name), 0, 0);
    }

    static Flow flow(String next) {
        return next == null ? Flow.ending() : Flow.to(next);
    }

    static StateMachine machine(String startAt, State... states) {
        Map<String, State> m = new LinkedHashMap<>();
        for (State s : states) {
            m.put(s.name(), s);
        }
        return new StateMachine(startAt, m, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                QueryLanguage.JSONPATH, "");
    }

    /** A machine whose states run in the given order, the last one ending it. */
    static StateMachine sequence(State... states) {
        return machine(states[0].name(), states);
    }

    static PassState pass(String name, String next) {
        return new PassState(name, at(name), Optional.empty(), Optional.empty(), flow(next));
    }

    static SucceedState succeed(String name) {
        return new SucceedState(name, at(name), Optional.empty(), Optional.empty());
    }

    static FailState fail(String name, String error) {
        return new FailState(name, at(name), Optional.empty(), Optional.empty(), Optional.of(error), Optional.empty());
    }

    static TaskState task(String name, String next) {
        return task(name, next, List.of(), List.of());
    }

    static TaskState task(String name, String next, List<Retrier> retry, List<Catcher> catchers) {
        return new TaskState(name, at(name), Optional.empty(), Optional.empty(), flow(next),
                TaskResource.parse("arn:aws:states:::lambda:invoke"), OptionalInt.empty(), OptionalInt.empty(),
                retry, catchers);
    }

    static WaitState waitSeconds(String name, double seconds, String next) {
        return new WaitState(name, at(name), Optional.empty(), Optional.empty(), flow(next), OptionalDouble.of(seconds),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Retrier retry(int maxAttempts) {
        return retry(maxAttempts, 1, 2, Retrier.JitterStrategy.NONE, "States.ALL");
    }

    static Retrier retry(int maxAttempts, double interval, double backoff, Retrier.JitterStrategy jitter,
                         String... errors) {
        return new Retrier(List.of(errors), interval, maxAttempts, backoff, OptionalDouble.empty(), jitter,
                SourceLocation.UNKNOWN);
    }

    static Catcher catchAll(String next) {
        return new Catcher(List.of("States.ALL"), next, Optional.empty(), SourceLocation.UNKNOWN);
    }

    /** A Choice whose rules lead to {@code ruleTargets} in order, with an optional Default. */
    static ChoiceState choice(String name, String defaultNext, String... ruleTargets) {
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleTargets.length; i++) {
            rules.add(new ChoiceRule(i, ruleTargets[i], null, SourceLocation.UNKNOWN));
        }
        return new ChoiceState(name, at(name), Optional.empty(), Optional.empty(), rules,
                Optional.ofNullable(defaultNext));
    }

    static MapState inlineMap(String name, String next, StateMachine processor) {
        return inlineMap(name, next, processor, 0, List.of(), List.of());
    }

    static MapState inlineMap(String name, String next, StateMachine processor, int maxConcurrency,
                              List<Retrier> retry, List<Catcher> catchers) {
        return new MapState(name, at(name), Optional.empty(), Optional.empty(), flow(next), processor,
                MapState.Mode.INLINE, MapState.ExecutionType.STANDARD, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), maxConcurrency > 0 ? OptionalInt.of(maxConcurrency) : OptionalInt.empty(),
                OptionalDouble.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), retry, catchers);
    }

    static MapState distributedMap(String name, String next, StateMachine processor, MapState.ExecutionType type,
                                   int maxItemsPerBatch) {
        Optional<ItemBatcher> batcher = maxItemsPerBatch > 0
                ? Optional.of(new ItemBatcher(OptionalInt.of(maxItemsPerBatch), java.util.OptionalLong.empty(), false))
                : Optional.empty();
        return new MapState(name, at(name), Optional.empty(), Optional.empty(), flow(next), processor,
                MapState.Mode.DISTRIBUTED, type, Optional.empty(), batcher, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }

    static ParallelState parallel(String name, String next, StateMachine... branches) {
        return new ParallelState(name, at(name), Optional.empty(), Optional.empty(), flow(next), List.of(branches),
                List.of(), List.of());
    }

    /** Workload builder: {@code Work.of().items("Fan", 10).failure("Fan/Charge", 0.5).build()}. */
    static final class Work {
        private final Map<String, StepWorkload> states = new LinkedHashMap<>();

        static Work of() {
            return new Work();
        }

        private Work put(String path, java.util.function.UnaryOperator<StepWorkload> f) {
            states.put(path, f.apply(states.getOrDefault(path, StepWorkload.empty())));
            return this;
        }

        Work items(String path, long n) {
            return put(path, s -> new StepWorkload(Optional.of(ItemCount.exactly(n)), s.errors(), s.branches(),
                    s.durationSeconds(), s.p95Seconds(), s.memoryMb()));
        }

        Work failure(String path, double p) {
            return put(path, s -> new StepWorkload(s.items(), Map.of("States.TaskFailed", p), s.branches(),
                    s.durationSeconds(), s.p95Seconds(), s.memoryMb()));
        }

        Work duration(String path, double seconds) {
            return put(path, s -> new StepWorkload(s.items(), s.errors(), s.branches(), OptionalDouble.of(seconds),
                    s.p95Seconds(), s.memoryMb()));
        }

        Work branches(String path, Map<String, Double> weights) {
            return put(path, s -> new StepWorkload(s.items(), s.errors(), weights, s.durationSeconds(),
                    s.p95Seconds(), s.memoryMb()));
        }

        WorkflowWorkload build() {
            return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), states, Map.of());
        }
    }
}
