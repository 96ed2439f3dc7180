package dev.flowcost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.simulate.ExactAnalyzer;
import dev.flowcost.core.simulate.ExactResult;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AslGeneratorTest {

    @Test
    void nestedMachineHas200StatesAndMapsThreeDeep() {
        StateMachine m = BenchWorkloads.machine("nested.asl.json", AslGenerator.nestedMachine(200));

        assertThat(StatePaths.of(m)).hasSize(200);
        // segment S3 is the first Map; its inner Map S3I and innermost S3II sit three levels down
        assertThat(StatePaths.of(m).get("S3Map/S3IMap/S3IIMap")).isInstanceOf(MapState.class);
        assertThat(StatePaths.of(m)).containsKey("S3Map/S3IMap/S3IIMap/S3IIWork");
    }

    @Test
    void exactTransitionsGrowWithItemsOnEveryMap() {
        StateMachine m = BenchWorkloads.machine("nested.asl.json", AslGenerator.nestedMachine(200));

        // no failures: a failing iteration stops its Map (no iteration starts after it), which would cap the growth
        ExactResult few = ExactAnalyzer.analyze(m, BenchWorkloads.forMachine(m, 10, 0.0));
        ExactResult many = ExactAnalyzer.analyze(m, BenchWorkloads.forMachine(m, 1_000, 0.0));

        assertThat(few.hasErrors()).isFalse();
        // three nested Maps: 100 times the items gives far more than 100 times the transitions
        assertThat(many.transitionsPerExecution()).isGreaterThan(1_000 * few.transitionsPerExecution());
    }

    @Test
    void mapIterationMachineRunsThreeStatesPerItem() {
        StateMachine m = BenchWorkloads.machine("fan.asl.json", AslGenerator.mapIterationMachine());

        ExactResult r = ExactAnalyzer.analyze(m, BenchWorkloads.forMachine(m, 10_000, 0.0));

        assertThat(r.states().get("Fan/Call").entries()).isEqualTo(10_000.0);
        assertThat(r.states().get("Fan/Check").entries()).isEqualTo(10_000.0);
        assertThat(r.states().get("Fan/Save").entries()).isEqualTo(10_000.0);
    }

    @Test
    void realisticDefinitionsReadWithoutErrorsAndHave10To40States() {
        AslReader reader = new AslReader();
        IntStream.range(0, 60).forEach(i -> {
            AslReadResult r = reader.read("def-" + i + ".asl.json", AslGenerator.realistic(i));
            assertThat(r.hasErrors()).as("definition %d: %s", i, r.diagnostics()).isFalse();
            assertThat(StatePaths.of(r.machine().orElseThrow()).size()).as("definition %d", i).isBetween(10, 40);
        });
    }
}
