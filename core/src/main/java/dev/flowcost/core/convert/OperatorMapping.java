package dev.flowcost.core.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.workload.StepWorkload;
import dev.flowcost.core.workload.WorkflowWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what one Airflow task becomes in Step Functions: which service integration (and its Parameters built
 * from the operator's literal arguments), or a poll loop, or a Pass, with notes on what the user must finish.
 * Integration ARNs follow https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html.
 */
final class OperatorMapping {

    /** Longest a Lambda function may run (15 minutes); longer worker code goes to ECS. */
    static final double LAMBDA_MAX_SECONDS = 900;
    /** Poll interval for loops when the DAG gives none: the defaults table's poke interval (Airflow's default). */
    static final double DEFAULT_POLL_SECONDS = dev.flowcost.core.usage.UsageDefaults.POKE_INTERVAL_SECONDS.value();

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shape of states a task becomes. */
    enum Kind {
        /** One Task state. */
        TASK,
        /** A Glue crawler: start, then Wait → getCrawler → Choice until READY. */
        CRAWLER_LOOP,
        /** An S3 key sensor: headObject, and on S3.NoSuchKey Wait and check again. */
        S3_SENSOR_LOOP,
        /** A Pass: no work (EmptyOperator) or work that has no counterpart. */
        PASS
    }

    /**
     * @param kind       shape of states
     * @param resource   Task Resource ARN (TASK, and the first Task of a loop)
     * @param extra      fields merged into the (first) Task: Parameters, ResultSelector, ResultPath
     * @param pollSeconds Wait between checks in loops
     * @param notes      notes about this task
     */
    record Plan(Kind kind, String resource, ObjectNode extra, double pollSeconds, List<ConversionNote> notes) {
    }

    private OperatorMapping() {
    }

    static Plan plan(DagTask t, WorkflowWorkload workload) {
        List<ConversionNote> notes = new ArrayList<>();
        String id = t.taskId();
        String op = t.operator();
        String service = OperatorCatalog.awsService(op).orElse("");
        switch (t.family()) {
            case EMPTY:
                return new Plan(Kind.PASS, "", null, 0, notes);
            case BRANCH: {
                ObjectNode extra = lambdaParameters(t, placeholder("FUNCTION", id));
                ObjectNode selector = extra.putObject("ResultSelector");
                selector.put("choice.$", "$.Payload");
                extra.put("ResultPath", "$.branch");
                notes.add(new ConversionNote(id, op.contains("ShortCircuit")
                        ? op + ": move the condition to a Lambda function that returns true to continue; the Choice"
                        + " tests $.branch.choice; rewrite the condition if it can be read from the input instead"
                        : op + ": move the branch callable to a Lambda function that returns the chosen task_id; the"
                        + " Choice compares $.branch.choice with each downstream task_id; rewrite the condition if the"
                        + " choice can be read from the input instead", false));
                return new Plan(Kind.TASK, "arn:aws:states:::lambda:invoke", extra, 0, notes);
            }
            case CROSS_DAG: {
                if (op.contains("TriggerDagRun")) {
                    ObjectNode extra = F.objectNode();
                    ObjectNode p = extra.putObject("Parameters");
                    p.put("StateMachineArn", placeholder("STATE_MACHINE_ARN", arg(t, "trigger_dag_id").orElse(id)));
                    p.put("Input.$", "$");
                    notes.add(new ConversionNote(id, op + ": the triggered DAG must itself be converted; this starts its"
                            + " state machine and waits for it (Airflow waits only with wait_for_completion=True)", false));
                    return new Plan(Kind.TASK, "arn:aws:states:::states:startExecution.sync:2", extra, 0, notes);
                }
                notes.add(new ConversionNote(id, op + ": cross-DAG dependencies have no Step Functions counterpart;"
                        + " start this state machine from the other one (states:startExecution) or from an EventBridge rule",
                        false));
                return new Plan(Kind.PASS, "", null, 0, notes);
            }
            case SENSOR:
                return sensor(t, service, notes);
            case AWS_SERVICE: {
                Optional<Plan> p = awsService(t, service, notes);
                if (p.isPresent()) {
                    return p.get();
                }
                notes.add(new ConversionNote(id, op + ": no direct Step Functions integration is mapped for it; consider"
                        + " an aws-sdk:" + (service.isEmpty() ? "SERVICE" : service) + " integration", false));
                return workerCode(t, workload, notes);
            }
            default:
                return workerCode(t, workload, notes);
        }
    }

    private static Plan sensor(DagTask t, String service, List<ConversionNote> notes) {
        String id = t.taskId();
        double poll = t.sensor().flatMap(s -> s.pokeIntervalSeconds().isPresent()
                ? Optional.of(s.pokeIntervalSeconds().getAsDouble()) : Optional.<Double>empty()).orElse(DEFAULT_POLL_SECONDS);
        if (service.equals("s3") && t.operator().contains("S3Key")) {
            ObjectNode extra = F.objectNode();
            ObjectNode p = extra.putObject("Parameters");
            p.put("Bucket", arg(t, "bucket_name").orElse(placeholder("BUCKET", id)));
            p.put("Key", arg(t, "bucket_key").orElse(placeholder("KEY", id)));
            notes.add(new ConversionNote(id, t.operator() + ": polls with s3:headObject every " + (long) poll
                    + " s; an EventBridge rule on the S3 object-created event would start the machine instead and save"
                    + " the polling transitions" + (t.sensor().map(s -> s.timeoutSeconds().isPresent()).orElse(false)
                    ? "; the sensor timeout is not carried over (bound the loop with a counter)" : ""), true));
            return new Plan(Kind.S3_SENSOR_LOOP, "arn:aws:states:::aws-sdk:s3:headObject", extra, poll, notes);
        }
        notes.add(new ConversionNote(id, t.operator() + ": sensors have no direct counterpart; trigger the state"
                + " machine from an EventBridge rule on the awaited event instead, or write a Wait/check/Choice loop", false));
        return new Plan(Kind.PASS, "", null, 0, notes);
    }

    private static Optional<Plan> awsService(DagTask t, String service, List<ConversionNote> notes) {
        String id = t.taskId();
        String op = t.operator();
        ObjectNode extra = F.objectNode();
        ObjectNode p = extra.putObject("Parameters");
        switch (service) {
            case "glue":
                if (!op.contains("GlueJob")) {
                    return Optional.empty();
                }
                p.put("JobName", arg(t, "job_name").or(() -> resourceName(t)).orElse(placeholder("JOB_NAME", id)));
                return task("arn:aws:states:::glue:startJobRun.sync", extra, notes);
            case "glue-crawler": {
                p.put("Name", arg(t, "crawler_name").or(() -> resourceName(t)).orElse(placeholder("CRAWLER_NAME", id)));
                return Optional.of(new Plan(Kind.CRAWLER_LOOP, "arn:aws:states:::aws-sdk:glue:startCrawler", extra,
                        DEFAULT_POLL_SECONDS, notes));
            }
            case "lambda":
                if (!op.contains("Invoke")) {
                    return Optional.empty();
                }
                return task("arn:aws:states:::lambda:invoke", lambdaParameters(t,
                        arg(t, "function_name").or(() -> resourceName(t)).orElse(placeholder("FUNCTION", id))), notes);
            case "emr":
                if (!op.contains("AddSteps")) {
                    return Optional.empty();
                }
                p.put("ClusterId", arg(t, "job_flow_id").or(() -> resourceName(t)).orElse(placeholder("CLUSTER_ID", id)));
                p.set("Step", jsonArg(t, "steps").filter(JsonNode::isArray).filter(a -> a.size() == 1)
                        .map(a -> a.get(0)).orElse(F.textNode(placeholder("STEP", id))));
                if (jsonArg(t, "steps").filter(a -> a.isArray() && a.size() == 1).isEmpty()) {
                    notes.add(new ConversionNote(id, op + ": addStep.sync runs one step; write the step definition"
                            + " (several steps become several states)", false));
                }
                return task("arn:aws:states:::elasticmapreduce:addStep.sync", extra, notes);
            case "ecs":
                p.put("Cluster", arg(t, "cluster").orElse(placeholder("CLUSTER", id)));
                p.put("TaskDefinition", arg(t, "task_definition").orElse(placeholder("TASK_DEFINITION", id)));
                p.put("LaunchType", arg(t, "launch_type").orElse("FARGATE"));
                return task("arn:aws:states:::ecs:runTask.sync", extra, notes);
            case "batch":
                p.put("JobName", arg(t, "job_name").orElse(id));
                p.put("JobQueue", arg(t, "job_queue").orElse(placeholder("JOB_QUEUE", id)));
                p.put("JobDefinition", arg(t, "job_definition").orElse(placeholder("JOB_DEFINITION", id)));
                return task("arn:aws:states:::batch:submitJob.sync", extra, notes);
            case "athena":
                p.put("QueryString", arg(t, "query").orElse(placeholder("QUERY", id)));
                arg(t, "database").ifPresent(d -> p.putObject("QueryExecutionContext").put("Database", d));
                arg(t, "output_location").ifPresent(o -> p.putObject("ResultConfiguration").put("OutputLocation", o));
                return task("arn:aws:states:::athena:startQueryExecution.sync", extra, notes);
            case "sagemaker": {
                String action = op.contains("Training") ? "createTrainingJob" : op.contains("Processing")
                        ? "createProcessingJob" : op.contains("Transform") ? "createTransformJob" : "";
                if (action.isEmpty()) {
                    return Optional.empty();
                }
                p.put(action.substring("create".length()) + "Name", placeholder("JOB_NAME", id));
                notes.add(new ConversionNote(id, op + ": copy the job config into Parameters", false));
                return task("arn:aws:states:::sagemaker:" + action + ".sync", extra, notes);
            }
            case "sns":
                p.put("TopicArn", arg(t, "target_arn").orElse(placeholder("TOPIC_ARN", id)));
                p.put("Message", arg(t, "message").orElse(placeholder("MESSAGE", id)));
                return task("arn:aws:states:::sns:publish", extra, notes);
            case "sqs":
                p.put("QueueUrl", arg(t, "sqs_queue").orElse(placeholder("QUEUE_URL", id)));
                p.put("MessageBody", arg(t, "message_content").orElse(placeholder("MESSAGE", id)));
                return task("arn:aws:states:::sqs:sendMessage", extra, notes);
            case "states":
                if (!op.contains("StartExecution")) {
                    return Optional.empty();
                }
                p.put("StateMachineArn", arg(t, "state_machine_arn").orElse(placeholder("STATE_MACHINE_ARN", id)));
                p.put("Input.$", "$");
                return task("arn:aws:states:::states:startExecution.sync:2", extra, notes);
            default:
                return Optional.empty();
        }
    }

    /** Python, Bash, @task, other systems and unknown operators: the code moves to Lambda, or to ECS if it runs long. */
    private static Plan workerCode(DagTask t, WorkflowWorkload workload, List<ConversionNote> notes) {
        String id = t.taskId();
        double duration = workload.task(id).map(StepWorkload::durationSeconds)
                .filter(d -> d.isPresent()).map(d -> d.getAsDouble()).orElse(0.0);
        if (duration > LAMBDA_MAX_SECONDS) {
            ObjectNode extra = F.objectNode();
            ObjectNode p = extra.putObject("Parameters");
            p.put("Cluster", placeholder("CLUSTER", id));
            p.put("TaskDefinition", placeholder("TASK_DEFINITION", id));
            p.put("LaunchType", "FARGATE");
            notes.add(new ConversionNote(id, t.operator() + ": the task's code must be moved into a container (it runs "
                    + (long) duration + " s, longer than Lambda's 900 s limit)", false));
            return new Plan(Kind.TASK, "arn:aws:states:::ecs:runTask.sync", extra, 0, notes);
        }
        notes.add(new ConversionNote(id, t.operator() + ": the task's code must be moved into a Lambda function", false));
        return new Plan(Kind.TASK, "arn:aws:states:::lambda:invoke",
                lambdaParameters(t, arg(t, "function_name").orElse(placeholder("FUNCTION", id))), 0, notes);
    }

    private static Optional<Plan> task(String resource, ObjectNode extra, List<ConversionNote> notes) {
        return Optional.of(new Plan(Kind.TASK, resource, extra, 0, notes));
    }

    private static ObjectNode lambdaParameters(DagTask t, String functionName) {
        ObjectNode extra = F.objectNode();
        ObjectNode p = extra.putObject("Parameters");
        p.put("FunctionName", functionName);
        Optional<JsonNode> payload = jsonArg(t, "payload").filter(JsonNode::isObject);
        if (payload.isPresent()) {
            p.set("Payload", payload.get());
        } else {
            p.put("Payload.$", "$");
        }
        return extra;
    }

    /** A literal argument without its Python quotes; absent when not given or empty. */
    static Optional<String> arg(DagTask t, String name) {
        String v = t.arguments().get(name);
        if (v == null) {
            return Optional.empty();
        }
        String s = v.trim();
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<JsonNode> jsonArg(DagTask t, String name) {
        return arg(t, name).flatMap(s -> {
            try {
                return Optional.ofNullable(JSON.readTree(s));
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    /** The name part of awsResource ("glue:my-job" → "my-job"). */
    private static Optional<String> resourceName(DagTask t) {
        return t.awsResource().map(r -> r.contains(":") ? r.substring(r.indexOf(':') + 1) : r).filter(s -> !s.isBlank());
    }

    /** A value the user must fill in, recognisable by its prefix. */
    static String placeholder(String what, String taskId) {
        return "REPLACE_ME_" + what + "_" + taskId.replaceAll("[^A-Za-z0-9]", "_");
    }
}
