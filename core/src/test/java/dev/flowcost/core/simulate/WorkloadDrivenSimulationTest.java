package dev.flowcost.core.simulate;

import static dev.flowcost.core.simulate.Machines.choice;
import static dev.flowcost.core.simulate.Machines.machine;
import static dev.flowcost.core.simulate.Machines.pass;
import static dev.flowcost.core.simulate.Machines.retry;
import static dev.flowcost.core.simulate.Machines.task;
import static dev.flowcost.core.simulate.Machines.waitSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A workload file read by the reader drives both engines. */
class WorkloadDrivenSimulationTest {

    @Test
    void pollingLoopFromAWorkloadFile() throws Exception {
        WorkloadReadResult read = new WorkloadReader().read(
                Paths.get(getClass().getResource("/simulate/polling-loop.workload.yaml").toURI()));
        assertThat(read.diagnostics()).isEmpty();
        WorkflowWorkload w = read.workload().orElseThrow().workflowOrDefault("polling-loop");
        StateMachine m = machine("Wait", waitSeconds("Wait", 10, "Check"),
                task("Check", "IsDone", List.of(retry(1)), List.of()), choice("IsDone", "Wait", "Done"),
                pass("Done", null));
        ExactResult exact = ExactAnalyzer.analyze(m, w);
        // Check: attempts 1 + 0.1 = 1.1, success 1 − 0.01 = 0.99; a round continues with 0.99 × 3/4 = 0.7425,
        // so rounds = 1 / (1 − 0.7425); each round: Wait 1 + Check 1.1 + IsDone 0.99; Done with 0.99 × 1/4 per round.
        double rounds = 1 / (1 - 0.7425);
        assertThat(exact.states().get("Wait").entries()).isCloseTo(rounds, within(1e-9));
        assertThat(exact.transitionsPerExecution()).isCloseTo(rounds * (1 + 1.1 + 0.99 + 0.2475), within(1e-9));
        assertThat(exact.successProbability()).isCloseTo(rounds * 0.2475, within(1e-9));
        // duration: Wait 10 s + Check 1.1 × 2 s + retry delay 0.1 × 1 s, per round
        assertThat(exact.expectedDurationSeconds()).isCloseTo(rounds * (10 + 2.2 + 0.1), within(1e-9));

        MonteCarloResult mc = MonteCarloSimulator.simulate(m, w, 100_000, 99);
        assertThat(Math.abs(mc.transitions().mean() - exact.transitionsPerExecution()))
                .isLessThan(4 * mc.transitionsStandardError());
        assertThat(mc.successRate()).isCloseTo(exact.successProbability(), within(0.01));
    }
}
