package dev.flowcost.advisor;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the advise fixtures and builds advisor inputs for tests. */
public final class AdviseFixtures {

    private AdviseFixtures() {
    }

    public static byte[] bytes(String fixture) {
        try (InputStream in = AdviseFixtures.class.getResourceAsStream("/advise/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state machine of a fixture, named {@code name}. */
    public static StateMachineInput machine(String name, String fixture) {
        byte[] b = bytes(fixture);
        AslReadResult r = new AslReader().read(fixture, b);
        if (r.hasErrors() || r.machine().isEmpty()) {
            throw new IllegalStateException(fixture + ": " + r.diagnostics());
        }
        return new StateMachineInput(name, fixture, r.machine().get(), Optional.empty(), b.length, r.definition());
    }

    public static Workload workload(String yaml) {
        WorkloadReadResult r = new WorkloadReader().read("workload.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (r.hasErrors() || r.workload().isEmpty()) {
            throw new IllegalStateException("workload: " + r.diagnostics());
        }
        return r.workload().get();
    }

    public static AdvisorInput input(List<StateMachineInput> machines, List<Dag> dags, Workload workload) {
        return input(machines, dags, workload, PriceBook.bundled());
    }

    public static AdvisorInput input(List<StateMachineInput> machines, List<Dag> dags, Workload workload,
                                     PriceBook prices) {
        return new AdvisorInput(machines, dags, workload, prices, Optional.empty(), List.of(), List.of());
    }

    /** The seed trap's workload: {@code items} orders a run, {@code chargeSeconds} per charge, 720 runs a month. */
    public static String seedTrapWorkload(long items, double chargeSeconds, double executions) {
        return "region: us-east-1\n"
                + "workflows:\n"
                + "  orders:\n"
                + "    workflowType: STANDARD\n"
                + "    executionsPerMonth: " + executions + "\n"
                + "    states:\n"
                + "      ChargeEach:\n"
                + "        items: " + items + "\n"
                + "      ChargeEach/Charge:\n"
                + "        durationSeconds: " + chargeSeconds + "\n"
                + "        memoryMb: 256\n";
    }

    /** A change's whole changed definition (when it has one, else its fragment) reads back with no errors. */
    public static void assertValidChange(dev.flowcost.advisor.analysis.Change change) {
        if (change.definition().isEmpty()) {
            assertValidFragment(change.content());
            return;
        }
        AslReadResult r = new AslReader().read("changed.asl.json",
                change.definition().get().getBytes(StandardCharsets.UTF_8));
        assertThat(r.diagnostics().stream().filter(d -> d.isError()).toList()).as(change.definition().get()).isEmpty();
    }

    /** Wraps a state fragment into a one-state machine and reads it back: it must have no errors. */
    public static void assertValidFragment(String fragment) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode state = (ObjectNode) json.readTree(fragment);
            state.remove("Next");
            state.put("End", true);
            ObjectNode root = json.createObjectNode();
            root.put("StartAt", "X");
            root.putObject("States").set("X", state);
            AslReadResult r = new AslReader().read("fragment.json",
                    json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
            assertThat(r.diagnostics().stream().filter(d -> d.isError()).toList()).as(fragment).isEmpty();
            assertThat(r.machine()).isPresent();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
