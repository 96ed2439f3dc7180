package dev.flowcost.report.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.simulate.Distribution;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.ExpressChildGroup;
import dev.flowcost.core.simulate.MonteCarloResult;
import dev.flowcost.core.simulate.StateCount;
import java.util.LinkedHashSet;
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
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", file);
        root.put("type", "state-machine");
        ObjectNode ex = root.putObject("exact");
        ex.put("transitionsPerExecution", Rounding.of(exact.transitionsPerExecution()));
        ex.put("standardChildTransitionsPerExecution", Rounding.of(exact.standardChildTransitions()));
        ex.put("expectedDurationSeconds", Rounding.of(exact.expectedDurationSeconds()));
        ex.put("successProbability", Rounding.of(exact.successProbability()));
        ObjectNode states = ex.putObject("states");
        for (StateCount c : exact.states().values()) {
            ObjectNode s = states.putObject(c.path());
            State st = statesByPath.get(c.path());
            if (st != null) {
                s.put("type", st.type());
            }
            s.put("entries", Rounding.of(c.entries()));
            s.put("attempts", Rounding.of(c.attempts()));
            s.put("retries", Rounding.of(c.retries()));
            s.put("transitions", Rounding.of(c.transitions()));
            s.put("billedAs", c.billing().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        ObjectNode mc = root.putObject("monteCarlo");
        mc.put("executions", monteCarlo.executions());
        mc.put("seed", monteCarlo.seed());
        distribution(mc.putObject("transitions"), monteCarlo.transitions());
        distribution(mc.putObject("durationSeconds"), monteCarlo.durationSeconds());
        mc.put("successRate", Rounding.of(monteCarlo.successRate()));
        ObjectNode children = root.putObject("childExecutions");
        children.put("standard", Rounding.of(exact.standardChildExecutions()));
        children.put("express", Rounding.of(exact.expressChildExecutions()));
        children.put("standardTransitions", Rounding.of(exact.standardChildTransitions()));
        var groups = children.putArray("expressGroups");
        for (ExpressChildGroup g : exact.expressChildren()) {
            groups.addObject().put("map", g.path()).put("executions", Rounding.of(g.executions()))
                    .put("durationSecondsPerChild", Rounding.of(g.durationSecondsPerChild()));
        }
        var defaults = root.putArray("defaultsUsed");
        defaultsUsed().forEach(defaults::add);
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void distribution(ObjectNode o, Distribution d) {
        o.put("mean", Rounding.of(d.mean()));
        o.put("p50", Rounding.of(d.p50()));
        o.put("p95", Rounding.of(d.p95()));
        o.put("p99", Rounding.of(d.p99()));
        o.put("max", Rounding.of(d.max()));
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
