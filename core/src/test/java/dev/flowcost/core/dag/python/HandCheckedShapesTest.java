package dev.flowcost.core.dag.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.TriggerRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Five DAG shapes met in public Airflow repositories (a catalog DAG of chained lists, a branching TaskFlow loop
 * with labels, nested task groups, a provider system test, a classic dag=dag file), each rebuilt as our own small
 * fixture. The counts were worked out by hand from Airflow's rules; the reasoning is in the comments.
 */
class HandCheckedShapesTest {

    private final PythonDagReader reader = new PythonDagReader();

    private Dag only(String name) {
        try {
            DagReadResult r = reader.read(Path.of(HandCheckedShapesTest.class
                    .getResource("/dag/real-idioms/" + name).toURI()));
            assertThat(r.hasErrors()).isFalse();
            assertThat(r.dags()).hasSize(1);
            return r.dags().get(0);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Edge e(String up, String down) {
        return new Edge(up, down);
    }

    @Test
    void chainOfLists() {
        Dag d = only("shape-chain-of-lists.py");
        // 3 make + 3 drop + audit + report = 8 tasks
        assertThat(d.tasks()).extracting(DagTask::taskId).containsExactly("make_zone", "make_table", "make_view",
                "drop_view", "drop_table", "drop_zone", "audit", "report");
        // chain(*make) 2 + chain(*drop) 2 + chain(make, audit, drop) 3 + 3 + make_zone>>report once (written
        // twice) + audit>>report = 12 edges
        assertThat(d.edges()).hasSize(12).contains(e("make_zone", "make_table"), e("make_table", "make_view"),
                e("drop_view", "drop_table"), e("drop_table", "drop_zone"), e("make_view", "audit"),
                e("audit", "drop_zone"), e("make_zone", "report"), e("audit", "report"));
    }

    @Test
    void branchLoopWithLabels() {
        Dag d = only("shape-branch-loop-labels.py");
        // kickoff, pick_region, merge, 3 x (process_r, done_r), publish_final = 10 tasks
        assertThat(d.tasks()).hasSize(10);
        // kickoff>>pick 1 + per region pick>>process>>done>>merge 3 x 3 (labels are not nodes)
        // + merge.output feeding publish_final 1 = 11 edges
        assertThat(d.edges()).hasSize(11).contains(e("kickoff", "pick_region"), e("pick_region", "process_west"),
                e("process_west", "done_west"), e("done_west", "merge"), e("merge", "publish_final"));
        assertThat(d.task("pick_region").orElseThrow().family()).isEqualTo(OperatorFamily.BRANCH);
        assertThat(d.task("merge").orElseThrow().triggerRule()).isEqualTo(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS);
    }

    @Test
    void nestedGroups() {
        Dag d = only("shape-nested-groups.py");
        // begin, load.{head,left,right}, check.solo, check.deep.{x,y,z}, finish = 9 tasks
        assertThat(d.tasks()).extracting(DagTask::taskId).containsExactly("begin", "load.head", "load.left",
                "load.right", "check.solo", "check.deep.x", "check.deep.y", "check.deep.z", "finish");
        // inside: head>>left, head>>right, x>>z, y>>z = 4; begin>>load root head = 1;
        // load leaves {left,right} x check roots {solo, deep.x, deep.y} = 6; check leaves {solo, deep.z}>>finish = 2
        assertThat(d.edges()).hasSize(13).contains(e("begin", "load.head"), e("load.right", "check.deep.y"),
                e("load.left", "check.solo"), e("check.deep.z", "finish"), e("check.solo", "finish"));
    }

    @Test
    void providerChainWithOutput() {
        Dag d = only("shape-provider-chain-output.py");
        // make_bucket, run_job, wait_job, drop_job (module-level @task called in the DAG), remove_bucket = 5
        assertThat(d.tasks()).extracting(DagTask::taskId)
                .containsExactlyInAnyOrder("make_bucket", "run_job", "wait_job", "drop_job", "remove_bucket");
        // the chain gives 4 edges; run_job.output feeding wait_job repeats run_job>>wait_job
        assertThat(d.edges()).containsExactlyInAnyOrder(e("make_bucket", "run_job"), e("run_job", "wait_job"),
                e("wait_job", "drop_job"), e("drop_job", "remove_bucket"));
        assertThat(d.task("drop_job").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        assertThat(d.task("remove_bucket").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        assertThat(d.task("run_job").orElseThrow().family()).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(d.task("wait_job").orElseThrow().sensor().orElseThrow().pokeIntervalSeconds())
                .isEqualTo(OptionalDouble.of(30));
    }

    @Test
    void classicDagArgument() {
        Dag d = only("shape-classic-dag-argument.py");
        // last, gather, step_0..step_3, side = 7 tasks
        assertThat(d.tasks()).extracting(DagTask::taskId)
                .containsExactly("last", "gather", "step_0", "step_1", "step_2", "step_3", "side");
        // gather>>last, 4 x step>>gather, side.set_downstream(last) = 6 edges
        assertThat(d.edges()).containsExactlyInAnyOrder(e("gather", "last"), e("step_0", "gather"),
                e("step_1", "gather"), e("step_2", "gather"), e("step_3", "gather"), e("side", "last"));
        assertThat(d.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "15 1 * * *"));
        assertThat(d.tasks()).allSatisfy(t -> assertThat(t.retries()).isEqualTo(1));
        assertThat(d.catchup()).isTrue();
    }
}
