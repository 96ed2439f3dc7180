package dev.flowcost.core.dag.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.Severity;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagReadResult;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Edge;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.dag.TriggerRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PythonDagReaderTest {

    private final PythonDagReader reader = new PythonDagReader();

    static Path fixture(String name) {
        try {
            return Path.of(PythonDagReaderTest.class.getResource("/dag/python/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private DagReadResult read(String name) {
        return reader.read(fixture(name));
    }

    private static Dag only(DagReadResult r) {
        assertThat(r.dags()).hasSize(1);
        return r.dags().get(0);
    }

    private static List<String> ids(Dag d) {
        return d.tasks().stream().map(DagTask::taskId).toList();
    }

    private static Edge e(String up, String down) {
        return new Edge(up, down);
    }

    private static List<String> messages(DagReadResult r, Severity s) {
        return r.diagnostics().stream().filter(d -> d.severity() == s).map(Diagnostic::message).toList();
    }

    @Test
    void withDagContextReadsSettingsDefaultArgsAndListShifts() {
        DagReadResult r = read("with-dag-context.py");
        assertThat(r.hasErrors()).isFalse();
        Dag d = only(r);
        assertThat(d.dagId()).isEqualTo("with_dag_context");
        assertThat(d.schedule()).isEqualTo(new Schedule(Schedule.Kind.CRON, "0 3 * * *"));
        assertThat(d.catchup()).isFalse();
        assertThat(d.maxActiveRuns()).isEqualTo(OptionalInt.of(1));
        assertThat(d.maxActiveTasks()).isEqualTo(OptionalInt.of(4));
        assertThat(d.tags()).containsExactly("etl", "glue");
        assertThat(d.startDate()).contains("datetime(2024, 1, 1)");
        assertThat(d.defaultArgs()).containsEntry("owner", "'data'").containsEntry("retries", "2");
        assertThat(ids(d)).containsExactly("start", "extract", "clean", "audit", "end");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("start", "extract"), e("extract", "clean"),
                e("extract", "audit"), e("clean", "end"), e("audit", "end"));
        DagTask extract = d.task("extract").orElseThrow();
        assertThat(extract.operator()).isEqualTo("GlueJobOperator");
        assertThat(extract.operatorModule()).isEqualTo("airflow.providers.amazon.aws.operators.glue");
        assertThat(extract.family()).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(extract.retries()).isEqualTo(5);
        assertThat(extract.retryDelaySeconds()).isEqualTo(OptionalDouble.of(300));
        assertThat(extract.retryExponentialBackoff()).isTrue();
        assertThat(extract.maxRetryDelaySeconds()).isEqualTo(OptionalDouble.of(3600));
        assertThat(extract.executionTimeoutSeconds()).isEqualTo(OptionalDouble.of(1800));
        assertThat(extract.pool()).isEqualTo("etl_pool");
        assertThat(extract.arguments()).containsEntry("job_name", "extract-orders")
                .containsEntry("script_location", "s3://bucket/extract.py");
        assertThat(extract.awsResource()).contains("glue:extract-orders");
        assertThat(extract.line()).isEqualTo(31);
        DagTask clean = d.task("clean").orElseThrow();
        assertThat(clean.retries()).isEqualTo(2);
        assertThat(clean.poolSlots()).isEqualTo(2);
        assertThat(clean.family()).isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(d.task("audit").orElseThrow().triggerRule()).isEqualTo(TriggerRule.ALL_DONE);
        assertThat(d.task("end").orElseThrow().triggerRule()).isEqualTo(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS);
        assertThat(d.task("start").orElseThrow().family()).isEqualTo(OperatorFamily.EMPTY);
    }

    @Test
    void dagVariableWithDagArgumentAndSetUpstreamDownstream() {
        DagReadResult r = read("dag-variable-with-dag-argument.py");
        Dag d = only(r);
        assertThat(d.dagId()).isEqualTo("dag_variable");
        assertThat(d.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@hourly"));
        assertThat(d.catchup()).isTrue();
        assertThat(messages(r, Severity.INFO)).anyMatch(m -> m.contains("catchup not set"));
        assertThat(ids(d)).containsExactly("first", "second", "third");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("first", "second"), e("second", "third"));
        assertThat(d.task("first").orElseThrow().operatorModule()).isEqualTo("airflow.operators.python");
    }

    @Test
    void taskflowDecoratorsDataPassingAndRepeatedCalls() {
        DagReadResult r = read("taskflow-decorators.py");
        assertThat(r.hasErrors()).isFalse();
        Dag d = only(r);
        assertThat(d.dagId()).isEqualTo("taskflow_etl");
        assertThat(d.schedule()).isEqualTo(Schedule.none());
        assertThat(d.catchup()).isFalse();
        assertThat(d.tags()).containsExactly("taskflow");
        assertThat(ids(d)).containsExactly("extract", "transform_it", "choose", "load", "load__1", "wait_for_file",
                "load__2");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("extract", "transform_it"), e("transform_it", "choose"),
                e("choose", "load"), e("transform_it", "load__1"), e("wait_for_file", "load__2"));
        assertThat(d.task("extract").orElseThrow().retries()).isEqualTo(3);
        assertThat(d.task("extract").orElseThrow().operator()).isEqualTo("@task");
        assertThat(d.task("choose").orElseThrow().operator()).isEqualTo("@task.branch");
        assertThat(d.task("choose").orElseThrow().family()).isEqualTo(OperatorFamily.BRANCH);
        DagTask sensor = d.task("wait_for_file").orElseThrow();
        assertThat(sensor.operator()).isEqualTo("@task.sensor");
        assertThat(sensor.family()).isEqualTo(OperatorFamily.SENSOR);
        assertThat(sensor.sensor()).contains(new SensorSettings(SensorSettings.Mode.RESCHEDULE, OptionalDouble.of(30),
                OptionalDouble.of(600), false));
    }

    @Test
    void bitshiftListsChainAndCrossDownstream() {
        Dag d = only(read("bitshift-lists-and-chain.py"));
        assertThat(ids(d)).containsExactly("a", "b", "c", "d", "e", "f", "g1", "g2", "h1", "h2", "x", "y");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("a", "c"), e("b", "c"), e("c", "d"), e("c", "e"),
                e("c", "f"), e("f", "g1"), e("f", "g2"), e("g1", "h1"), e("g2", "h2"), e("h1", "x"), e("h1", "y"),
                e("h2", "x"), e("h2", "y"));
    }

    @Test
    void taskGroupsPrefixIdsAndConnectThroughRootsAndLeaves() {
        DagReadResult r = read("task-groups.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("start", "outer.one", "outer.inner.two", "outer.inner.three", "plain",
                "end", "process.step", "process.finish");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("outer.inner.two", "outer.inner.three"),
                e("outer.one", "outer.inner.two"), e("start", "outer.one"), e("outer.inner.three", "plain"),
                e("plain", "process.step"), e("process.step", "process.finish"), e("process.finish", "end"));
        assertThat(d.task("outer.inner.two").orElseThrow().taskGroup()).contains("outer.inner");
        assertThat(d.task("plain").orElseThrow().taskGroup()).contains("flat");
        assertThat(d.task("start").orElseThrow().taskGroup()).isEmpty();
    }

    @Test
    void loopsOverListsRangesAndDictItemsWithFormattedIds() {
        DagReadResult r = read("loops-and-fstrings.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("done", "load_orders", "load_customers", "part_0", "part_1", "part_2",
                "copy_eu_eu_west_1", "copy_us_us_east_1", "unresolved_18");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("load_orders", "done"), e("load_customers", "done"),
                e("part_0", "done"), e("part_1", "done"), e("part_2", "done"), e("copy_eu_eu_west_1", "done"),
                e("copy_us_us_east_1", "done"));
        assertThat(d.task("load_orders").orElseThrow().arguments()).containsEntry("bash_command", "load orders");
        assertThat(r.diagnostics()).anyMatch(x -> x.line() == 17 && x.message().contains("loop body read once"));
        assertThat(r.diagnostics()).anyMatch(x -> x.line() == 18
                && x.message().contains("could not resolve task_id") && x.message().contains("'unresolved_18'"));
    }

    @Test
    void dynamicTaskMappingMarksMappedTasksAndDataEdges() {
        Dag d = only(read("dynamic-mapping.py"));
        assertThat(ids(d)).containsExactly("make_list", "double", "invoke", "sum_up");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("make_list", "double"), e("double", "invoke"),
                e("invoke", "sum_up"));
        assertThat(d.task("double").orElseThrow().mapped()).isTrue();
        assertThat(d.task("invoke").orElseThrow().mapped()).isTrue();
        assertThat(d.task("invoke").orElseThrow().awsResource()).contains("lambda:score-fn");
        assertThat(d.task("make_list").orElseThrow().mapped()).isFalse();
        assertThat(d.task("sum_up").orElseThrow().mapped()).isFalse();
    }

    @Test
    void setupAndTeardownRoles() {
        Dag d = only(read("setup-teardown.py"));
        assertThat(ids(d)).containsExactly("create_cluster", "work", "delete_cluster", "make_bucket", "drop_bucket");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("create_cluster", "delete_cluster"),
                e("create_cluster", "work"), e("work", "delete_cluster"), e("make_bucket", "drop_bucket"));
        assertThat(d.task("create_cluster").orElseThrow().role()).isEqualTo(DagTask.Role.SETUP);
        assertThat(d.task("delete_cluster").orElseThrow().role()).isEqualTo(DagTask.Role.TEARDOWN);
        assertThat(d.task("work").orElseThrow().role()).isEqualTo(DagTask.Role.NORMAL);
        assertThat(d.task("make_bucket").orElseThrow().role()).isEqualTo(DagTask.Role.SETUP);
        assertThat(d.task("drop_bucket").orElseThrow().role()).isEqualTo(DagTask.Role.TEARDOWN);
    }

    @Test
    void taskOutsideTheDagJoinsItThroughADependency() {
        DagReadResult r = read("task-outside-dag-context.py");
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("inside", "late");
        assertThat(d.edges()).containsExactly(e("inside", "late"));
        assertThat(messages(r, Severity.WARNING)).noneMatch(m -> m.contains("belongs to no DAG"));
    }

    @Test
    void dagIdFromFileNameAndUnresolvableDagIdFallBackToTheFileStem() {
        DagReadResult r = read("dag-id-from-file.py");
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("dag-id-from-file", "dag-id-from-file");
        assertThat(r.diagnostics()).anyMatch(x -> x.line() == 10 && x.message().contains("could not resolve dag_id"));
        assertThat(messages(r, Severity.ERROR)).anyMatch(m -> m.contains("duplicate dag_id 'dag-id-from-file'"));
    }

    @Test
    void factoryFunctionCalledInALoopMakesOneDagPerNameWithEachScheduleKind() {
        DagReadResult r = read("dag-factory.py");
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("factory_hourly", "factory_cron", "factory_never",
                "factory_data", "factory_timetable");
        assertThat(r.dags()).extracting(Dag::schedule).containsExactly(
                new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(hours=1)"),
                new Schedule(Schedule.Kind.CRON, "*/5 * * * *"), Schedule.none(),
                new Schedule(Schedule.Kind.DATASET, "[Dataset(\"s3://bucket/orders\")]"),
                // a CronTriggerTimetable runs like its cron
                new Schedule(Schedule.Kind.CRON, "0 1 * * *"));
        for (int i = 0; i < 4; i++) {
            assertThat(r.dags().get(i).edges()).containsExactly(e("a", "b"));
        }
    }

    @Test
    void sensorsAwsResourcesAndUnknownOperators() {
        DagReadResult r = read("sensors-and-aws.py");
        Dag d = only(r);
        assertThat(d.catchup()).isTrue();
        assertThat(messages(r, Severity.INFO)).noneMatch(m -> m.contains("catchup not set"));
        DagTask wait = d.task("wait").orElseThrow();
        assertThat(wait.family()).isEqualTo(OperatorFamily.SENSOR);
        assertThat(wait.sensor()).contains(new SensorSettings(SensorSettings.Mode.RESCHEDULE, OptionalDouble.of(120),
                OptionalDouble.of(3600), true));
        assertThat(wait.awsResource()).contains("s3:raw");
        assertThat(d.task("run").orElseThrow().awsResource()).contains("ecs:etl:3");
        assertThat(d.task("run").orElseThrow().arguments()).containsEntry("cluster", "prod");
        assertThat(d.task("sfn").orElseThrow().awsResource())
                .contains("states:arn:aws:states:eu-west-1:1:stateMachine:x");
        DagTask fancy = d.task("fancy").orElseThrow();
        assertThat(fancy.family()).isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(fancy.operatorModule()).isEqualTo("my_company.operators");
        assertThat(r.diagnostics()).anyMatch(x -> x.severity() == Severity.INFO && x.line() == 12
                && x.message().contains("'FancyOperator'"));
        assertThat(d.edges()).containsExactly(e("wait", "run"), e("run", "sfn"), e("sfn", "fancy"));
    }

    @Test
    void syntaxErrorIsReportedWithLineAndColumnAndTheRestIsRead() {
        DagReadResult r = read("syntax-error-recovers.py");
        assertThat(r.diagnostics()).anyMatch(x -> x.isError() && x.line() == 6 && x.column() == 32
                && x.message().startsWith("syntax error at 6:32"));
        Dag d = only(r);
        assertThat(ids(d)).containsExactly("a", "c");
        assertThat(d.edges()).containsExactly(e("a", "c"));
    }

    @Test
    void cycleIsAnErrorNamingTheCycle() {
        DagReadResult r = read("cycle.py");
        assertThat(messages(r, Severity.ERROR)).containsExactly("cycle in DAG 'cyclic': a → b → a");
    }

    @Test
    void duplicateTaskIdsAndUnresolvedTaskIds() {
        DagReadResult r = read("duplicate-task-ids.py");
        assertThat(messages(r, Severity.ERROR)).containsExactly(
                "duplicate task_id 'same' in DAG 'dupes': defined at line 5 and again at line 6");
        assertThat(ids(only(r))).containsExactly("same", "unresolved_7");
        assertThat(messages(r, Severity.WARNING)).anyMatch(m -> m.contains("could not resolve task_id 'make_id()'"));
    }

    @Test
    void whileTrueIsNeverExecuted() {
        DagReadResult r = read("while-true.py");
        assertThat(r.diagnostics()).anyMatch(x -> x.severity() == Severity.WARNING && x.line() == 4
                && x.message().contains("while loop not executed"));
        assertThat(ids(only(r))).containsExactly("still_read");
    }

    @Test
    void fileWithoutADagIsInformationNotAnError() {
        DagReadResult r = read("no-dag.py");
        assertThat(r.dags()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(messages(r, Severity.INFO)).contains("no DAG found in this file");
    }

    @Test
    void binaryInputIsAnError() {
        DagReadResult r = reader.read("blob.py", "from airflow import DAG\0\1\2");
        assertThat(r.dags()).isEmpty();
        assertThat(messages(r, Severity.ERROR)).singleElement().asString().contains("binary file");
    }

    @Test
    void fiveThousandNestedParenthesesGiveADiagnostic() {
        String src = "from airflow import DAG\nx = " + "(".repeat(5000) + "1" + ")".repeat(5000)
                + "\nwith DAG('after_nesting', schedule=None):\n    pass\n";
        DagReadResult r = reader.read("deep.py", src);
        assertThat(r.diagnostics()).anyMatch(x -> x.isError() && x.line() == 2 && x.message().contains("nesting deeper"));
        assertThat(r.dags()).extracting(Dag::dagId).containsExactly("after_nesting");
    }

    @Test
    void twentyMegabyteFileIsRejectedQuickly() {
        String huge = "x = 1\n".repeat(20 * 1024 * 1024 / 6);
        long t0 = System.nanoTime();
        DagReadResult r = reader.read("huge.py", huge);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isLessThan(30_000); // a guard against hanging, not a benchmark
        assertThat(messages(r, Severity.ERROR)).singleElement().asString().contains("over the 5242880-byte limit");
    }

    @Test
    void twentyMegabyteFileOnDiskIsRejectedWithoutReadingIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path f = dir.resolve("huge_dag.py");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(20L * 1024 * 1024);
        }
        long t0 = System.nanoTime();
        DagReadResult r = reader.read(f);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000); // a guard against hanging
        assertThat(messages(r, Severity.ERROR)).singleElement().asString().contains("not read");
    }

    @Test
    void loopBudgetStopsHugeRanges() {
        String src = "from airflow import DAG\nfrom airflow.operators.empty import EmptyOperator\n"
                + "with DAG('big', schedule=None):\n    for i in range(10**12):\n"
                + "        EmptyOperator(task_id=f't{i}')\n";
        DagReadResult r = reader.read("big.py", src);
        assertThat(only(r).tasks()).hasSize(DagInterpreter.MAX_LOOP_ITERATIONS);
        assertThat(messages(r, Severity.WARNING)).anyMatch(m -> m.contains("loop iterations"));
    }

    @Test
    void recursiveFunctionIsBounded() {
        String src = "def f(n):\n    return f(n + 1)\nf(0)\n";
        DagReadResult r = reader.read("rec.py", src);
        assertThat(r.dags()).isEmpty();
        assertThat(messages(r, Severity.WARNING)).anyMatch(m -> m.contains("function calls nest deeper"));
    }

    @Test
    void readsAThousandFiftyTaskDagsQuickly() {
        StringBuilder b = new StringBuilder("from airflow import DAG\nfrom airflow.operators.bash import BashOperator\n"
                + "default_args = {'retries': 1}\nwith DAG('perf', schedule='@daily', default_args=default_args) as dag:\n");
        for (int i = 0; i < 50; i++) {
            b.append("    t").append(i).append(" = BashOperator(task_id='t").append(i)
                    .append("', bash_command=\"echo ").append(i).append("\")\n");
        }
        for (int i = 1; i < 50; i++) {
            b.append("    t").append(i - 1).append(" >> t").append(i).append('\n');
        }
        String src = b.toString();
        for (int i = 0; i < 1000; i++) {
            reader.read("warm.py", src);
        }
        for (int i = 0; i < 1000; i++) { // speed is measured by DagReadBenchmark; here: the same answer every time
            if (reader.read("perf.py", src).dags().get(0).tasks().size() != 50) {
                throw new AssertionError("expected 50 tasks");
            }
        }
        assertThat(reader.read("perf.py", src).dags().get(0).edges()).hasSize(49);
    }

    @Test
    void xcomArgInAnyOperatorArgumentMakesAnEdge() {
        String src = """
                from airflow import DAG
                from airflow.operators.python import PythonOperator
                from airflow.operators.bash import BashOperator
                with DAG("xcom", schedule=None, catchup=False):
                    get = PythonOperator(task_id="get", python_callable=print)
                    other = PythonOperator(task_id="other", python_callable=print)
                    use = BashOperator(task_id="use", bash_command="echo", env={"A": get.output["key"], "B": [other.output]})
                """;
        Dag d = only(reader.read("xcom.py", src));
        assertThat(d.edges()).containsExactlyInAnyOrder(e("get", "use"), e("other", "use"));
    }

    @Test
    void zipOfXComArgsAndExpandKwargsAreMapped() {
        String src = """
                from airflow.decorators import dag, task
                @dag(dag_id="zipped", schedule="@weekly", catchup=False)
                def whatever():
                    @task
                    def left():
                        return [1]
                    @task
                    def right():
                        return [2]
                    @task
                    def pair(x):
                        return x
                    pair.expand(x=left().zip(right()))
                    pair.expand_kwargs([{"x": 1}])
                whatever()
                """;
        Dag d = only(reader.read("zip.py", src));
        assertThat(d.dagId()).isEqualTo("zipped");
        assertThat(d.schedule()).isEqualTo(new Schedule(Schedule.Kind.PRESET, "@weekly"));
        assertThat(ids(d)).containsExactly("left", "right", "pair", "pair__1");
        assertThat(d.edges()).containsExactlyInAnyOrder(e("left", "pair"), e("right", "pair"));
        assertThat(d.tasks()).filteredOn(DagTask::mapped).extracting(DagTask::taskId).containsExactly("pair", "pair__1");
    }

    @Test
    void repeatedTaskGroupCallsGetNumberedGroupIds() {
        String src = """
                from airflow import DAG
                from airflow.decorators import task, task_group
                with DAG("repeat_groups", schedule=None, catchup=False):
                    @task_group(group_id="load")
                    def load_group():
                        @task
                        def put():
                            pass
                        put()
                    load_group() >> load_group()
                """;
        Dag d = only(reader.read("groups2.py", src));
        assertThat(ids(d)).containsExactly("load.put", "load__1.put");
        assertThat(d.edges()).containsExactly(e("load.put", "load__1.put"));
    }

    @Test
    void chainWithListsOfDifferentLengthIsAnError() {
        String src = """
                from airflow import DAG
                from airflow.models.baseoperator import chain
                from airflow.operators.empty import EmptyOperator
                with DAG("bad_chain", schedule=None, catchup=False):
                    a, b, c = [EmptyOperator(task_id=n) for n in ("a", "b", "c")]
                    chain([a, b], [c])
                """;
        DagReadResult r = reader.read("chain.py", src);
        assertThat(messages(r, Severity.ERROR)).singleElement().asString().contains("different lengths (2 and 1)");
    }

    @Test
    void assetScheduleTimedeltaIntervalAndUncalledDagFunction() {
        String src = """
                from datetime import timedelta
                from airflow.sdk import Asset, dag
                from airflow import DAG
                with DAG("assets", schedule=[Asset("s3://b/k"), Asset("s3://b/j")]):
                    pass
                with DAG("every_two_hours", schedule_interval=timedelta(hours=2), catchup=False):
                    pass
                @dag
                def forgotten():
                    pass
                """;
        DagReadResult r = reader.read("assets.py", src);
        assertThat(r.dags()).extracting(Dag::schedule).containsExactly(
                new Schedule(Schedule.Kind.DATASET, "[Asset(\"s3://b/k\"), Asset(\"s3://b/j\")]"),
                new Schedule(Schedule.Kind.TIMEDELTA, "timedelta(hours=2)"));
        assertThat(messages(r, Severity.WARNING)).anyMatch(m -> m.contains("'forgotten' is never called"));
    }

    @Test
    void unknownConditionTakesTheIfBranchAndSaysSo() {
        String src = """
                import os
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator
                ENV = os.environ.get("ENV")
                with DAG("conditional", schedule=None, catchup=False):
                    if ENV == "prod":
                        EmptyOperator(task_id="prod_only")
                    else:
                        EmptyOperator(task_id="dev_only")
                    if False:
                        EmptyOperator(task_id="never")
                if __name__ == "__main__":
                    EmptyOperator(task_id="main_only")
                """;
        DagReadResult r = reader.read("cond.py", src);
        assertThat(ids(only(r))).containsExactly("prod_only");
        assertThat(r.diagnostics()).anyMatch(x -> x.line() == 6 && x.message().contains("read the if-branch only"));
    }

    @Test
    void importAliasesAndModuleAttributesGiveOperatorClassAndModule() {
        String src = """
                import airflow.providers.amazon.aws.operators.batch as batch_ops
                from airflow import models
                try:
                    from airflow.operators.empty import EmptyOperator
                except ImportError:
                    from airflow.operators.dummy import DummyOperator as EmptyOperator
                with models.DAG("aliases", schedule=None, catchup=False) as dag:
                    job = batch_ops.BatchOperator(task_id="job", job_name="nightly", job_definition="def:1",
                                                  job_queue="q")
                    EmptyOperator(task_id="after") << job
                """;
        Dag d = only(reader.read("aliases.py", src));
        DagTask job = d.task("job").orElseThrow();
        assertThat(job.operator()).isEqualTo("BatchOperator");
        assertThat(job.operatorModule()).isEqualTo("airflow.providers.amazon.aws.operators.batch");
        assertThat(job.awsResource()).contains("batch:def:1");
        assertThat(job.arguments()).containsEntry("job_queue", "q");
        assertThat(d.task("after").orElseThrow().operatorModule()).isEqualTo("airflow.operators.empty");
        assertThat(d.edges()).containsExactly(e("job", "after"));
    }


    @Test
    void hostileShapesGiveDiagnosticsNotCrashes() {
        StringBuilder deepBlocks = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            deepBlocks.append(" ".repeat(i)).append("if x:\n");
        }
        deepBlocks.append(" ".repeat(1000)).append("pass\n");
        String selfNesting = "x = []\nx.append(x)\nd = {}\nd[x] = 1\nfor i in range(5000):\n    x = [x, x]\n"
                + "s = 'ab' * 99999999999\nt = 'a' * 50000\nu = t.replace('a', t)\nv = 2 ** 999999999999\n";
        String longAnd = "y = " + "a and ".repeat(30_000) + "a\n";
        for (String src : List.of(deepBlocks.toString(), selfNesting, longAnd, "f'{", "(((", "\"\"\"",
                "def f(:\n  pass\n", "x = [i for i in range(10**9)]\n", "class A(B, metaclass=M):\n    x = 1\n")) {
            DagReadResult r = reader.read("hostile.py", src);
            assertThat(r.diagnostics()).noneMatch(x -> x.message().startsWith("internal error"));
        }
    }

    @Test
    void longDependencyChainIsReadIteratively() {
        StringBuilder b = new StringBuilder("from airflow import DAG\nfrom airflow.operators.empty import EmptyOperator\n"
                + "with DAG('long_chain', schedule=None, catchup=False):\n    ts = [EmptyOperator(task_id=f't{i}') for i in range(3000)]\n    ");
        for (int i = 0; i < 3000; i++) {
            b.append(i > 0 ? " >> " : "").append("ts[").append(i).append(']');
        }
        b.append('\n');
        Dag d = only(reader.read("chain.py", b.toString()));
        assertThat(d.tasks()).hasSize(3000);
        assertThat(d.edges()).hasSize(2999).contains(e("t0", "t1"), e("t2998", "t2999"));
    }

}
