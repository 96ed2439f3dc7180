package dev.flowcost.report.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.simulate.Distribution;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.ExpressChildGroup;
import dev.flowcost.core.simulate.MonteCarloResult;
import dev.flowcost.core.simulate.StateCount;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code flowcost simulate} prints for a state machine: the exact counts per state and the Monte Carlo
 * distributions, as a table for people or as JSON (the field names are a public contract, see README).
 */
public final class StateMachineSimulationView {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String file;
    private final Map<String, State> statesByPath;
    private final ExactResult exact;
    private final MonteCarloResult monteCarlo;

    public StateMachineSimulationView(String file, StateMachine machine, ExactResult exact, MonteCarloResult monteCarlo) {
        this.file = file;
        this.statesByPath = StatePaths.of(machine);
        this.exact = exact;
        this.monteCarlo = monteCarlo;
    }

    /** Defaults used by either engine, each once, in the order first seen. */
    public Set<String> defaultsUsed() {
        Set<String> all = new LinkedHashSet<>(exact.defaultsUsed());
        all.addAll(monteCarlo.defaultsUsed());
        return all;
    }

    public String json() {
        Map<String, StateJson> states = new LinkedHashMap<>();
        for (StateCount c : exact.states().values()) {
            State st = statesByPath.get(c.path());
            states.put(c.path(), new StateJson(st == null ? null : st.type(), Rounding.of(c.entries()),
                    Rounding.of(c.attempts()), Rounding.of(c.retries()), Rounding.of(c.transitions()),
                    c.billing().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        Json json = new Json(file, "state-machine",
                new ExactJson(Rounding.of(exact.transitionsPerExecution()), Rounding.of(exact.standardChildTransitions()),
                        Rounding.of(exact.expectedDurationSeconds()), Rounding.of(exact.successProbability()), states),
                new MonteCarloJson(monteCarlo.executions(), monteCarlo.seed(), DistributionJson.of(monteCarlo.transitions()),
                        DistributionJson.of(monteCarlo.durationSeconds()), Rounding.of(monteCarlo.successRate())),
                new ChildrenJson(Rounding.of(exact.standardChildExecutions()), Rounding.of(exact.expressChildExecutions()),
                        Rounding.of(exact.standardChildTransitions()), exact.expressChildren().stream()
                        .map(g -> new ExpressGroupJson(g.path(), Rounding.of(g.executions()),
                                Rounding.of(g.durationSecondsPerChild()))).toList()),
                defaultsUsed());
        try {
            return MAPPER.writeValueAsString(json) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of {@code simulate} for a state machine, field by field (the README's contract). */
    record Json(String file, String type, ExactJson exact, MonteCarloJson monteCarlo, ChildrenJson childExecutions,
                Set<String> defaultsUsed) {
    }

    record ExactJson(BigDecimal transitionsPerExecution, BigDecimal standardChildTransitionsPerExecution,
                     BigDecimal expectedDurationSeconds, BigDecimal successProbability, Map<String, StateJson> states) {
    }

    /** One state's exact counts; {@code type} is left out for a path the machine does not name. */
    record StateJson(@JsonInclude(JsonInclude.Include.NON_NULL) String type, BigDecimal entries, BigDecimal attempts,
                     BigDecimal retries, BigDecimal transitions, String billedAs) {
    }

    record MonteCarloJson(long executions, long seed, DistributionJson transitions, DistributionJson durationSeconds,
                          BigDecimal successRate) {
    }

    record DistributionJson(BigDecimal mean, BigDecimal p50, BigDecimal p95, BigDecimal p99, BigDecimal max) {
        static DistributionJson of(Distribution d) {
            return new DistributionJson(Rounding.of(d.mean()), Rounding.of(d.p50()), Rounding.of(d.p95()),
                    Rounding.of(d.p99()), Rounding.of(d.max()));
        }
    }

    record ChildrenJson(BigDecimal standard, BigDecimal express, BigDecimal standardTransitions,
                        List<ExpressGroupJson> expressGroups) {
    }

    record ExpressGroupJson(String map, BigDecimal executions, BigDecimal durationSecondsPerChild) {
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(file).append(" — state machine\n\n");
        int w = Math.max(5, exact.states().keySet().stream().mapToInt(String::length).max().orElse(5));
        b.append(String.format(Locale.ROOT, "%-" + w + "s  %-8s %14s %12s %14s  %s%n", "State", "Type", "Entries",
                "Retries", "Transitions", "Billed as"));
        for (StateCount c : exact.states().values()) {
            State st = statesByPath.get(c.path());
            b.append(String.format(Locale.ROOT, "%-" + w + "s  %-8s %,14.2f %,12.2f %,14.2f  %s%n", c.path(),
                    st == null ? "" : st.type(), c.entries(), c.retries(), c.transitions(),
                    c.billing().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "Standard transitions per execution (exact): %,.2f%n", exact.transitionsPerExecution()));
        if (exact.standardChildExecutions() > 0) {
            b.append(String.format(Locale.ROOT, "Standard child executions: %,.2f with %,.2f transitions%n",
                    exact.standardChildExecutions(), exact.standardChildTransitions()));
        }
        for (ExpressChildGroup g : exact.expressChildren()) {
            b.append(String.format(Locale.ROOT, "Express child executions of %s: %,.2f, %.2f s each%n", g.path(),
                    g.executions(), g.durationSecondsPerChild()));
        }
        b.append(String.format(Locale.ROOT, "Success probability: %.4f%n%n", exact.successProbability()));
        b.append(String.format(Locale.ROOT, "Monte Carlo, %,d executions, seed %d:%n", monteCarlo.executions(), monteCarlo.seed()));
        b.append(String.format(Locale.ROOT, "  %-12s %14s %14s %14s %14s %14s%n", "", "mean", "p50", "p95", "p99", "max"));
        row(b, "transitions", monteCarlo.transitions());
        row(b, "duration (s)", monteCarlo.durationSeconds());
        Set<String> defaults = defaultsUsed();
        if (!defaults.isEmpty()) {
            b.append("\nDefaults used (give these in a workload file to change them):\n");
            defaults.forEach(d -> b.append("  - ").append(d).append('\n'));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Distribution d) {
        b.append(String.format(Locale.ROOT, "  %-12s %,14.2f %,14.2f %,14.2f %,14.2f %,14.2f%n", label, d.mean(), d.p50(),
                d.p95(), d.p99(), d.max()));
    }
}
