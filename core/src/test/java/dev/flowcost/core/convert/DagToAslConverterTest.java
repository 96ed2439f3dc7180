package dev.flowcost.core.convert;

import static dev.flowcost.core.convert.AslShape.assertWellFormed;
import static dev.flowcost.core.convert.AslShape.find;
import static dev.flowcost.core.convert.AslShape.parse;
import static dev.flowcost.core.convert.TestDags.dag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.workload.ItemCount;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DagToAslConverterTest {

    private static JsonNode convert(Dag d) {
        return convert(d, WorkflowWorkload.defaults());
    }

    private static JsonNode convert(Dag d, WorkflowWorkload w) {
        JsonNode json = parse(DagToAslConverter.convert(d, w).toJson());
        assertWellFormed(json);
        return json;
    }

    private static WorkflowWorkload taskWorkload(String taskId, StepWorkload s) {
        return new WorkflowWorkload(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), Map.of(),
                Map.of(taskId, s));
    }

    @Test
    void linearChainBecomesAChainOfTasks() {
        JsonNode m = convert(dag().task("extract", "PythonOperator").task("transform", "BashOperator")
                .task("load", "@task").chain("extract", "transform", "load").build());

        assertThat(m.get("StartAt").asText()).isEqualTo("extract");
        assertThat(m.get("States").size()).isEqualTo(3);
        assertThat(m.at("/States/extract/Next").asText()).isEqualTo("transform");
        assertThat(m.at("/States/transform/Next").asText()).isEqualTo("load");
        assertThat(m.at("/States/load/End").asBoolean()).isTrue();
        for (String s : List.of("extract", "transform", "load")) {
            assertThat(m.at("/States/" + s + "/Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
            assertThat(m.at("/States/" + s + "/Parameters/FunctionName").asText()).startsWith("REPLACE_ME_");
            assertThat(m.at("/States/" + s + "/Comment").asText()).contains("moved into a Lambda function");
        }
    }

    @Test
    void awsOperatorChainMatchesTheHandWrittenDefinition() throws Exception {
        Dag d = dag().task("run_job", "GlueJobOperator", Map.of("job_name", "'nightly-etl'"))
                .task("notify", "SnsPublishOperator", Map.of("target_arn", "'arn:aws:sns:us-east-1:123456789012:done'",
                        "message", "'finished'"))
                .chain("run_job", "notify").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        try (InputStream in = getClass().getResourceAsStream("/convert/glue-then-sns.expected.asl.json")) {
            assertThat(parse(r.toJson())).isEqualTo(AslShape.JSON.readTree(in));
        }
        assertThat(r.notes()).isEmpty();
        assertThat(r.faithful()).isTrue();
    }

    @Test
    void diamondBecomesAParallelOfTwoBranches() {
        JsonNode m = convert(dag().task("a", "PythonOperator").task("b", "PythonOperator").task("c", "PythonOperator")
                .task("d", "PythonOperator").chain("a", "b", "d").chain("a", "c", "d").build());

        assertThat(m.get("StartAt").asText()).isEqualTo("a");
        assertThat(m.get("States").size()).isEqualTo(3);
        String par = m.at("/States/a/Next").asText();
        JsonNode p = m.get("States").get(par);
        assertThat(p.get("Type").asText()).isEqualTo("Parallel");
        assertThat(p.get("Branches")).hasSize(2);
        assertThat(p.at("/Branches/0/StartAt").asText()).isEqualTo("b");
        assertThat(p.at("/Branches/1/StartAt").asText()).isEqualTo("c");
        assertThat(p.at("/Branches/0/States/b/End").asBoolean()).isTrue();
        assertThat(p.get("Next").asText()).isEqualTo("d");
        assertThat(m.at("/States/d/End").asBoolean()).isTrue();
    }

    @Test
    void nonSeriesParallelDagIsLaidOutByLevel() {
        Dag d = dag().task("a", "PythonOperator").task("b", "PythonOperator").task("c", "PythonOperator")
                .task("d", "PythonOperator").chain("a", "c").chain("b", "c").chain("b", "d").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);

        JsonNode first = m.get("States").get(m.get("StartAt").asText());
        assertThat(first.get("Type").asText()).isEqualTo("Parallel");
        assertThat(startsOf(first)).containsExactly("a", "b");
        JsonNode second = m.get("States").get(first.get("Next").asText());
        assertThat(second.get("Type").asText()).isEqualTo("Parallel");
        assertThat(startsOf(second)).containsExactly("c", "d");
        assertThat(second.get("End").asBoolean()).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.taskId().isEmpty() && n.message().contains("by level"));
        Map<String, List<Set<String>>> runs = AslShape.run(m, Set.of("a", "b", "c", "d"));
        assertThat(runs.get("c").get(0)).contains("a", "b");
        assertThat(runs.get("d").get(0)).contains("b");
    }

    private static List<String> startsOf(JsonNode parallel) {
        return java.util.stream.StreamSupport.stream(parallel.get("Branches").spliterator(), false)
                .map(b -> b.get("StartAt").asText()).collect(Collectors.toList());
    }

    @Test
    void glueEtlWithS3SensorAndCrawlerUsesIntegrationsAndPollLoops() {
        Dag d = dag()
                .add(TestDags.sensor("wait_for_file", "S3KeySensor",
                        Map.of("bucket_name", "'landing'", "bucket_key", "'in/data.csv'"), 120))
                .task("run_glue", "GlueJobOperator", Map.of("job_name", "\"etl-job\""))
                .task("crawl", "GlueCrawlerOperator", Map.of("crawler_name", "'curated'"))
                .chain("wait_for_file", "run_glue", "crawl").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);

        JsonNode sensor = m.at("/States/wait_for_file");
        assertThat(m.get("StartAt").asText()).isEqualTo("wait_for_file");
        assertThat(sensor.get("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:s3:headObject");
        assertThat(sensor.at("/Parameters/Bucket").asText()).isEqualTo("landing");
        assertThat(sensor.at("/Parameters/Key").asText()).isEqualTo("in/data.csv");
        assertThat(sensor.get("Next").asText()).isEqualTo("run_glue");
        JsonNode notFound = sensor.at("/Catch/0");
        assertThat(notFound.get("ErrorEquals").toString()).contains("S3.NoSuchKey");
        JsonNode wait = m.get("States").get(notFound.get("Next").asText());
        assertThat(wait.get("Type").asText()).isEqualTo("Wait");
        assertThat(wait.get("Seconds").asInt()).isEqualTo(120);
        assertThat(wait.get("Next").asText()).isEqualTo("wait_for_file");

        JsonNode glue = m.at("/States/run_glue");
        assertThat(glue.get("Resource").asText()).isEqualTo("arn:aws:states:::glue:startJobRun.sync");
        assertThat(glue.at("/Parameters/JobName").asText()).isEqualTo("etl-job");
        assertThat(glue.get("Next").asText()).isEqualTo("crawl");

        JsonNode crawl = m.at("/States/crawl");
        assertThat(crawl.get("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:glue:startCrawler");
        assertThat(crawl.at("/Parameters/Name").asText()).isEqualTo("curated");
        JsonNode crawlWait = m.get("States").get(crawl.get("Next").asText());
        assertThat(crawlWait.get("Type").asText()).isEqualTo("Wait");
        assertThat(crawlWait.get("Seconds").asInt()).isEqualTo(60);
        JsonNode check = m.get("States").get(crawlWait.get("Next").asText());
        assertThat(check.get("Resource").asText()).isEqualTo("arn:aws:states:::aws-sdk:glue:getCrawler");
        JsonNode ready = m.get("States").get(check.get("Next").asText());
        assertThat(ready.get("Type").asText()).isEqualTo("Choice");
        assertThat(ready.at("/Choices/0/Variable").asText()).isEqualTo("$.Crawler.State");
        assertThat(ready.at("/Choices/0/StringEquals").asText()).isEqualTo("READY");
        assertThat(m.get("States").get(ready.at("/Choices/0/Next").asText()).get("Type").asText()).isEqualTo("Succeed");
        assertThat(ready.get("Default").asText()).isEqualTo(crawl.get("Next").asText());
        assertThat(r.notes()).anyMatch(n -> n.taskId().equals("wait_for_file") && n.message().contains("EventBridge"));
    }

    @Test
    void otherSensorsBecomeAPassWithAnEventBridgeNote() {
        ConversionResult r = DagToAslConverter.convert(dag().task("wait", "HttpSensor").task("go", "PythonOperator")
                .chain("wait", "go").build(), WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);
        assertThat(m.at("/States/wait/Type").asText()).isEqualTo("Pass");
        assertThat(m.at("/States/wait/Comment").asText()).contains("EventBridge");
        assertThat(r.notes()).anyMatch(n -> n.taskId().equals("wait") && !n.faithful());
    }

    @Test
    void retriesAndTimeoutsMapToRetryAndTimeoutSeconds() {
        Dag d = dag()
                .add(TestDags.withRetries("flaky", 3, OptionalDouble.of(60), true, OptionalDouble.of(600),
                        OptionalDouble.of(3600)))
                .add(TestDags.withRetries("plain", 2, OptionalDouble.empty(), false, OptionalDouble.empty(),
                        OptionalDouble.empty()))
                .chain("flaky", "plain").build();
        JsonNode m = convert(d);

        JsonNode flaky = m.at("/States/flaky");
        assertThat(flaky.get("TimeoutSeconds").asInt()).isEqualTo(3600);
        assertThat(flaky.get("Retry")).hasSize(1);
        JsonNode r = flaky.at("/Retry/0");
        assertThat(r.get("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
        assertThat(r.get("MaxAttempts").asInt()).isEqualTo(3);
        assertThat(r.get("IntervalSeconds").asInt()).isEqualTo(60);
        assertThat(r.get("BackoffRate").asDouble()).isEqualTo(2.0);
        assertThat(r.get("MaxDelaySeconds").asInt()).isEqualTo(600);

        JsonNode plain = m.at("/States/plain/Retry/0");
        assertThat(plain.get("MaxAttempts").asInt()).isEqualTo(2);
        assertThat(plain.get("IntervalSeconds").asInt()).isEqualTo(300);
        assertThat(plain.get("BackoffRate").asDouble()).isEqualTo(1.0);
        assertThat(plain.has("MaxDelaySeconds")).isFalse();
        assertThat(m.at("/States/plain").has("TimeoutSeconds")).isFalse();
    }

    @Test
    void mappedTaskBecomesAnInlineMapWithConcurrency40() {
        JsonNode m = convert(dag().task("list", "PythonOperator").add(TestDags.mapped("process", "PythonOperator"))
                .chain("list", "process").build());
        JsonNode map = m.at("/States/process");
        assertThat(map.get("Type").asText()).isEqualTo("Map");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("INLINE");
        assertThat(map.get("MaxConcurrency").asInt()).isEqualTo(40);
        assertThat(map.get("ItemsPath").asText()).isEqualTo("$.items");
        JsonNode inner = map.at("/ItemProcessor/States").elements().next();
        assertThat(inner.get("Type").asText()).isEqualTo("Task");
        assertThat(inner.get("End").asBoolean()).isTrue();
        assertThat(map.get("End").asBoolean()).isTrue();
    }

    @Test
    void mappedTaskWithManyItemsBecomesADistributedExpressMap() {
        WorkflowWorkload w = taskWorkload("process", new StepWorkload(Optional.of(ItemCount.exactly(5000)), Map.of(),
                Map.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty()));
        JsonNode m = convert(dag().add(TestDags.mapped("process", "GlueJobOperator")).build(), w);
        JsonNode map = m.at("/States/process");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/ExecutionType").asText()).isEqualTo("EXPRESS");
        JsonNode inner = map.at("/ItemProcessor/States").elements().next();
        assertThat(inner.get("Resource").asText()).isEqualTo("arn:aws:states:::glue:startJobRun.sync");
    }

    @Test
    void branchOperatorBecomesAChoiceWithARulePerDownstream() {
        Dag d = dag().task("pick", "BranchPythonOperator").task("full", "PythonOperator").task("delta", "PythonOperator")
                .add(TestDags.withTriggerRule("join", "EmptyOperator", TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS))
                .task("report", "PythonOperator")
                .chain("pick", "full", "join", "report").chain("pick", "delta", "join").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);

        assertThat(m.get("StartAt").asText()).isEqualTo("pick");
        JsonNode pick = m.at("/States/pick");
        assertThat(pick.get("ResultPath").asText()).isEqualTo("$.branch");
        JsonNode choice = m.get("States").get(pick.get("Next").asText());
        assertThat(choice.get("Type").asText()).isEqualTo("Choice");
        assertThat(choice.get("Choices")).hasSize(2);
        assertThat(choice.at("/Choices/0/Next").asText()).isEqualTo("full");
        assertThat(choice.at("/Choices/0/StringEquals").asText()).isEqualTo("full");
        assertThat(choice.at("/Choices/1/Next").asText()).isEqualTo("delta");
        assertThat(choice.at("/Choices/1/Variable").asText()).isEqualTo("$.branch.choice");
        assertThat(choice.get("Default").asText()).isEqualTo("full");
        assertThat(m.at("/States/full/Next").asText()).isEqualTo("report");
        assertThat(m.at("/States/delta/Next").asText()).isEqualTo("report");
        assertThat(m.get("States").has("join")).as("a pure EmptyOperator join has no state").isFalse();
        assertThat(pick.get("Comment").asText()).contains("condition");
        assertThat(r.notes()).anyMatch(n -> n.taskId().equals("pick") && !n.faithful());
    }

    @Test
    void allDoneTaskIsReachedByACatchOnItsUpstream() {
        Dag d = dag().task("work", "PythonOperator")
                .add(TestDags.withTriggerRule("cleanup", "PythonOperator", TriggerRule.ALL_DONE))
                .chain("work", "cleanup").build();
        JsonNode m = convert(d);
        JsonNode work = m.at("/States/work");
        assertThat(work.get("Next").asText()).isEqualTo("cleanup");
        assertThat(work.at("/Catch/0/ErrorEquals/0").asText()).isEqualTo("States.ALL");
        assertThat(work.at("/Catch/0/Next").asText()).isEqualTo("cleanup");
    }

    @Test
    void unexpressibleTriggerRuleIsNotedAsUnfaithful() {
        Dag d = dag().task("a", "PythonOperator").task("b", "PythonOperator")
                .add(TestDags.withTriggerRule("alert", "PythonOperator", TriggerRule.ONE_FAILED))
                .chain("a", "alert").chain("b", "alert").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        assertWellFormed(parse(r.toJson()));
        assertThat(r.notes()).anyMatch(n -> n.taskId().equals("alert") && !n.faithful() && n.message().contains("one_failed"));
    }

    @Test
    void operatorArgumentsBecomeParameters() {
        Dag d = dag().task("q", "AthenaOperator", Map.of("query", "'SELECT 1'", "database", "'sales'"))
                .task("fn", "LambdaInvokeFunctionOperator", Map.of("function_name", "'score'"))
                .task("job", "BatchOperator", Map.of("job_name", "'nightly'", "job_queue", "'q1'", "job_definition", "'def:3'"))
                .task("ecs", "EcsRunTaskOperator", Map.of("cluster", "'c1'", "task_definition", "'td'"))
                .task("sfn", "StepFunctionStartExecutionOperator", Map.of("state_machine_arn", "'arn:sm'"))
                .task("emr", "EmrAddStepsOperator", Map.of("job_flow_id", "'j-123'"))
                .task("sqs", "SqsPublishOperator", Map.of("sqs_queue", "'https://q'", "message_content", "'hi'"))
                .task("train", "SageMakerTrainingOperator")
                .chain("q", "fn", "job", "ecs", "sfn", "emr", "sqs", "train").build();
        JsonNode m = convert(d);
        assertThat(m.at("/States/q/Resource").asText()).isEqualTo("arn:aws:states:::athena:startQueryExecution.sync");
        assertThat(m.at("/States/q/Parameters/QueryString").asText()).isEqualTo("SELECT 1");
        assertThat(m.at("/States/q/Parameters/QueryExecutionContext/Database").asText()).isEqualTo("sales");
        assertThat(m.at("/States/fn/Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
        assertThat(m.at("/States/fn/Parameters/FunctionName").asText()).isEqualTo("score");
        assertThat(m.at("/States/job/Resource").asText()).isEqualTo("arn:aws:states:::batch:submitJob.sync");
        assertThat(m.at("/States/job/Parameters/JobQueue").asText()).isEqualTo("q1");
        assertThat(m.at("/States/ecs/Resource").asText()).isEqualTo("arn:aws:states:::ecs:runTask.sync");
        assertThat(m.at("/States/ecs/Parameters/Cluster").asText()).isEqualTo("c1");
        assertThat(m.at("/States/ecs/Parameters/LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(m.at("/States/sfn/Resource").asText()).isEqualTo("arn:aws:states:::states:startExecution.sync:2");
        assertThat(m.at("/States/emr/Resource").asText()).isEqualTo("arn:aws:states:::elasticmapreduce:addStep.sync");
        assertThat(m.at("/States/emr/Parameters/ClusterId").asText()).isEqualTo("j-123");
        assertThat(m.at("/States/sqs/Resource").asText()).isEqualTo("arn:aws:states:::sqs:sendMessage");
        assertThat(m.at("/States/sqs/Parameters/MessageBody").asText()).isEqualTo("hi");
        assertThat(m.at("/States/train/Resource").asText()).isEqualTo("arn:aws:states:::sagemaker:createTrainingJob.sync");
    }

    @Test
    void longRunningWorkerCodeGoesToEcsInsteadOfLambda() {
        WorkflowWorkload w = taskWorkload("crunch", new StepWorkload(Optional.empty(), Map.of(), Map.of(),
                OptionalDouble.of(1800), OptionalDouble.empty(), OptionalInt.empty()));
        ConversionResult r = DagToAslConverter.convert(dag().task("crunch", "PythonOperator").build(), w);
        JsonNode m = parse(r.toJson());
        assertThat(m.at("/States/crunch/Resource").asText()).isEqualTo("arn:aws:states:::ecs:runTask.sync");
        assertThat(r.notes()).anyMatch(n -> n.message().contains("900 s"));
    }

    @Test
    void crossDagDependenciesAreNotedAsUnfaithful() {
        ConversionResult r = DagToAslConverter.convert(dag().task("upstream_dag", "ExternalTaskSensor")
                .task("trigger", "TriggerDagRunOperator", Map.of("trigger_dag_id", "'downstream'"))
                .chain("upstream_dag", "trigger").build(), WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);
        assertThat(m.at("/States/upstream_dag/Type").asText()).isEqualTo("Pass");
        assertThat(m.at("/States/trigger/Resource").asText()).isEqualTo("arn:aws:states:::states:startExecution.sync:2");
        assertThat(r.notes()).filteredOn(n -> !n.faithful()).extracting(ConversionNote::taskId)
                .contains("upstream_dag", "trigger");
        assertThat(r.faithful()).isFalse();
    }

    @Test
    void longTaskIdsAreCutTo80CharactersAndKeptUnique() {
        String prefix = "group.".repeat(15);
        JsonNode m = convert(dag().task(prefix + "first_task", "PythonOperator").task(prefix + "second_task", "PythonOperator")
                .chain(prefix + "first_task", prefix + "second_task").build());
        assertThat(m.get("States").size()).isEqualTo(2);
        m.get("States").fieldNames().forEachRemaining(n -> assertThat(n.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void emptyDagGivesAOneStateMachine() {
        JsonNode m = convert(dag().build());
        assertThat(m.get("States").size()).isEqualTo(1);
    }

    @Test
    void yamlOutputCarriesTheSameDefinition() throws Exception {
        ConversionResult r = DagToAslConverter.convert(dag().task("run_job", "GlueJobOperator", Map.of("job_name", "'x'"))
                .build(), WorkflowWorkload.defaults());
        JsonNode fromYaml = new YAMLMapper().readTree(r.toYaml());
        assertThat(fromYaml).isEqualTo(parse(r.toJson()));
        assertThat(fromYaml.at("/States/run_job/Parameters/JobName").asText()).isEqualTo("x");
    }

    @Test
    void branchDownstreamThatIsAlsoTheJoinBecomesASkipRule() {
        Dag d = dag().task("check", "BranchPythonOperator").task("repair", "PythonOperator")
                .add(TestDags.withTriggerRule("publish", "PythonOperator", TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS))
                .chain("check", "repair", "publish").chain("check", "publish").build();
        JsonNode m = convert(d);
        JsonNode choice = m.get("States").get(m.at("/States/check/Next").asText());
        assertThat(choice.get("Choices")).hasSize(2);
        assertThat(choice.at("/Choices/0/StringEquals").asText()).isEqualTo("repair");
        assertThat(choice.at("/Choices/0/Next").asText()).isEqualTo("repair");
        assertThat(choice.at("/Choices/1/StringEquals").asText()).isEqualTo("publish");
        assertThat(choice.at("/Choices/1/Next").asText()).isEqualTo("publish");
        assertThat(m.at("/States/repair/Next").asText()).isEqualTo("publish");
        assertThat(m.at("/States/publish/End").asBoolean()).isTrue();
    }

    @Test
    void shortCircuitContinuesOnTrueAndEndsOtherwise() {
        JsonNode m = convert(dag().task("is_weekday", "ShortCircuitOperator").task("load", "PythonOperator")
                .task("notify", "PythonOperator").chain("is_weekday", "load", "notify").build());
        JsonNode choice = m.get("States").get(m.at("/States/is_weekday/Next").asText());
        assertThat(choice.at("/Choices/0/BooleanEquals").asBoolean()).isTrue();
        assertThat(choice.at("/Choices/0/Next").asText()).isEqualTo("load");
        assertThat(m.get("States").get(choice.get("Default").asText()).get("Type").asText()).isEqualTo("Succeed");
        assertThat(m.at("/States/load/Next").asText()).isEqualTo("notify");
    }

    @Test
    void branchWhoseDownstreamsAreNotOptionsIsNotedAndRunsEverything() {
        Dag d = dag().task("pick", "BranchPythonOperator").task("x", "PythonOperator").task("y", "PythonOperator")
                .task("z", "PythonOperator").chain("pick", "x", "y").chain("pick", "z").chain("x", "z").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);
        assertThat(m.at("/States/pick/Next").asText()).isEqualTo("x");
        assertThat(r.notes()).anyMatch(n -> n.taskId().equals("pick") && n.message().contains("do not follow it"));
    }

    @Test
    void mappedTaskWithExactly1000ItemsStaysInline() {
        WorkflowWorkload w = taskWorkload("process", new StepWorkload(Optional.of(ItemCount.exactly(1000)), Map.of(),
                Map.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty()));
        JsonNode m = convert(dag().add(TestDags.mapped("process", "PythonOperator")).build(), w);
        assertThat(m.at("/States/process/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("INLINE");
    }

    @Test
    void allDoneAfterAFanOutCatchesOnTheParallelAndIsNotedAsApproximate() {
        Dag d = dag().task("a", "PythonOperator").task("b", "PythonOperator").task("c", "PythonOperator")
                .add(TestDags.withTriggerRule("cleanup", "PythonOperator", TriggerRule.ALL_DONE))
                .chain("a", "b", "cleanup").chain("a", "c", "cleanup").build();
        ConversionResult r = DagToAslConverter.convert(d, WorkflowWorkload.defaults());
        JsonNode m = parse(r.toJson());
        assertWellFormed(m);
        JsonNode par = m.get("States").get(m.at("/States/a/Next").asText());
        assertThat(par.get("Type").asText()).isEqualTo("Parallel");
        assertThat(par.at("/Catch/0/Next").asText()).isEqualTo("cleanup");
        assertThat(par.at("/Catch/0/ResultPath").asText()).isEqualTo("$.error");
        assertThat(r.notes()).anyMatch(n -> n.taskId().equals("cleanup") && !n.faithful()
                && n.message().contains("Parallel"));
    }
}
