package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.python.PythonDagReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** sensor-to-event-trigger on a poke-mode S3 key sensor read from a DAG file. */
class SensorToEventTriggerTest {

    private static final BigDecimal TINY = new BigDecimal("1e-9");
    private static final PriceBook PRICES = PriceBook.bundled();
    private static final Rate EXTRA_WORKER = new Rate(new BigDecimal("0.055"), "hour", "mwaa.mw1.small.worker");

    private static Dag dag() {
        List<Dag> dags = new PythonDagReader().read(Path.of("src/test/resources/rule/s3-key-sensor-poke-mode.py")).dags();
        assertThat(dags).hasSize(1);
        return dags.get(0);
    }

    /** The sensor waits 1,800 s a run (from the workload) and holds its slot for it; the loader holds 60 s. */
    private static DagContext context(boolean onStepFunctions) {
        Dag dag = dag();
        DagTask sensor = dag.task("wait_for_file").orElseThrow();
        DagTask load = dag.task("load_file").orElseThrow();
        return new DagContext(dag.dagId(), List.of(new DagContext.Task(sensor, 1800, 1800, true, true),
                new DagContext.Task(load, 60, 60, true, false)), "mw1.small", Optional.of(EXTRA_WORKER),
                CostItems.Volume.of("s3_landing.runsPerMonth", BigDecimal.valueOf(30)), PRICES, "us-east-1",
                onStepFunctions);
    }

    /*
     * Now: 1,800 slot-seconds × 30 runs / 5 tasks per worker / 3600 × $0.055 = $0.165.
     * Reschedule mode: ceil(1800 / 120) + 1 = 16 pokes of 1 s → 16 × 30 / 5 / 3600 × $0.055 = $0.0014666….
     */
    @Test
    void onAirflowThePokeSensorGetsRescheduleMode() {
        List<Finding> findings = new SensorToEventTrigger().apply(context(false));
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.rule()).isEqualTo(SensorToEventTrigger.RULE);
        assertThat(f.targets()).containsExactly("wait_for_file");
        assertThat(f.monthlyCostNow()).isCloseTo(new BigDecimal("0.165"), within(TINY));
        assertThat(f.monthlyCostAfter()).isCloseTo(new BigDecimal("0.0014666667"), within(TINY));
        assertThat(f.monthlySaving()).isEqualByComparingTo(f.monthlyCostNow().subtract(f.monthlyCostAfter()));
        assertThat(f.change().content()).contains("deferrable=True");
        assertThat(f.confidence()).isEqualTo(Finding.Confidence.MEDIUM);
    }

    /* On Step Functions: one custom event ($1.00/M) and one transition ($0.025/1000) a run → 30 × $0.000026 = $0.00078. */
    @Test
    void onStepFunctionsTheS3SensorBecomesAnEventRule() {
        Finding f = new SensorToEventTrigger().apply(context(true)).get(0);
        assertThat(f.monthlyCostAfter()).isCloseTo(new BigDecimal("0.00078"), within(TINY));
        assertThat(f.change().kind()).isEqualTo(Change.Kind.DAG_NOTE);
        assertThat(f.change().content()).contains("\"name\": [\"landing\"]", "{\"prefix\": \"incoming/\"}");
    }

    @Test
    void noExtraWorkerPriceMeansNoFinding() {
        DagContext c = context(false);
        DagContext noWorker = new DagContext(c.dagId(), c.tasks(), c.environmentClass(), Optional.empty(), c.runs(),
                c.prices(), c.region(), false);
        assertThat(new SensorToEventTrigger().apply(noWorker)).isEmpty();
    }

    @Test
    void isListedOnceInTheCatalogue() {
        assertThat(Rules.dag()).singleElement().isInstanceOf(SensorToEventTrigger.class);
    }
}
