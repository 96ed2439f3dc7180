package dev.flowcost.advisor.migration;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.MigrationSettings;
import dev.flowcost.core.workload.WorkflowWorkload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.flowcost.advisor.migration.MigrationFixtures.readDag;
import static dev.flowcost.advisor.migration.MigrationFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Links between real DAG files: an ExternalTaskSensor and a dataset schedule resolve to the DAG on the other end. */
class DagWorkTest {

    private static final String DIR = "src/test/resources/migration/links/";
    private static final Dag PRODUCER = readDag(DIR + "orders_load.py");
    private static final Dag SENSOR = readDag(DIR + "downstream_marts.py");
    private static final Dag DATASET = readDag(DIR + "orders_report.py");

    private static DagWork work(Dag d, List<Dag> inputs) {
        List<TaskProfile> profiles = TaskProfile.of(d, WorkflowWorkload.defaults(), run(d, WorkflowWorkload.defaults()));
        return DagWork.of(d, profiles, Blockers.of(d, profiles), MigrationSettings.NONE, inputs);
    }

    @Test
    void anExternalTaskSensorLinksToTheDagItWaitsOn() {
        DagWork w = work(SENSOR, List.of(PRODUCER, SENSOR));
        assertThat(w.links()).containsOnlyKeys("orders_load");
        assertThat(w.movable()).isTrue();
        assertThat(w.items()).anyMatch(i -> i.kind().equals("dependency") && i.count() == 1);
        assertThat(w.blockedBy(Set.of("downstream_marts"))).singleElement().asString().contains("orders_load stays");
        assertThat(w.blockedBy(Set.of("downstream_marts", "orders_load"))).isEmpty();
    }

    @Test
    void withoutTheOtherDagTheLinkIsAHardBlocker() {
        DagWork w = work(SENSOR, List.of(SENSOR));
        assertThat(w.movable()).isFalse();
        assertThat(w.hardBlockers()).singleElement().asString().contains("orders_load").contains("not among the inputs");
    }

    @Test
    void aDatasetScheduleLinksToTheDagWhoseTaskProducesIt() {
        DagWork w = work(DATASET, List.of(PRODUCER, DATASET));
        assertThat(w.links()).containsOnlyKeys("orders_load");
        assertThat(work(DATASET, List.of(DATASET)).movable()).isFalse();
        assertThat(w.items()).noneMatch(i -> i.kind().equals("schedule"));
        assertThat(work(PRODUCER, List.of(PRODUCER)).items()).anyMatch(i -> i.kind().equals("schedule"));
    }
}
