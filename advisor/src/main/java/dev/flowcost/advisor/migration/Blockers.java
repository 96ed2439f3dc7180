package dev.flowcost.advisor.migration;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.OperatorFamily;
import dev.flowcost.core.dag.Schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what may stop a DAG from moving off Airflow from the DAG itself (and the task durations), one sentence per
 * task: sensors on external state, cross-DAG dependencies, dataset schedules, back-fill reliance, pools, custom
 * operators, TaskFlow XCom payloads, and tasks longer than Lambda or MWAA Serverless allow.
 */
public final class Blockers {

    /** Sensors that wait for a time, not for external state: Step Functions' Wait state does the same. */
    static final Set<String> TIME_SENSORS = Set.of("DateTimeSensor", "TimeDeltaSensor", "DateTimeSensorAsync",
            "TimeDeltaSensorAsync", "TimeSensor", "TimeSensorAsync", "DayOfWeekSensor", "WeekDaySensor");

    private Blockers() {
    }

    /** The blockers of a DAG given its task profiles, in task order after the DAG-wide ones. */
    static List<Blocker> of(Dag dag, List<TaskProfile> profiles) {
        List<Blocker> out = new ArrayList<>();
        if (dag.schedule().kind() == Schedule.Kind.DATASET) {
            out.add(new Blocker(Blocker.Kind.DATASET_SCHEDULE, "", "DAG " + dag.dagId() + " is scheduled on datasets/assets ("
                    + dag.schedule().expression() + "): its runs start when another DAG updates data, which only Airflow"
                    + " tracks; start the state machine from an EventBridge rule on the producer's event instead."));
        }
        if (dag.catchup() && dag.startDate().isPresent()) {
            out.add(new Blocker(Blocker.Kind.CATCHUP, "", "DAG " + dag.dagId() + " has catchup=True with start_date "
                    + dag.startDate().get() + ": it relies on Airflow back-filling missed intervals; Step Functions and"
                    + " EventBridge Scheduler do not back-fill, so replay missed runs by script."));
        }
        for (TaskProfile p : profiles) {
            taskBlockers(dag, p, out);
        }
        return out;
    }

    private static void taskBlockers(Dag dag, TaskProfile p, List<Blocker> out) {
        DagTask t = p.task();
        String id = t.taskId();
        String named = "Task " + id + " (" + t.operator() + ")";
        if (t.family() == OperatorFamily.SENSOR && !isTimeSensor(t.operator())) {
            if (isS3KeySensor(t.operator())) {
                out.add(new Blocker(Blocker.Kind.EVENT_SENSOR, id, named + " waits on external state (an S3 object):"
                        + " replace it with an S3 object-created event → EventBridge rule that starts the state machine."));
            } else if (waitsOnAwsState(t)) {
                out.add(new Blocker(Blocker.Kind.AWS_STATE_SENSOR, id, named + " waits on AWS state ("
                        + OperatorCatalog.awsService(t.operator()).orElse("an AWS resource") + "): Step Functions can wait on it"
                        + " too, with a .sync integration where the service has one, a Wait + describe poll loop, or"
                        + " an EventBridge rule on the service's state-change event."));
            } else {
                out.add(new Blocker(Blocker.Kind.EXTERNAL_SENSOR, id, named + " waits on external state that has no"
                        + " event flowcost knows of: keep the wait in Airflow, or find an event that announces it."));
            }
        }
        if (t.family() == OperatorFamily.CROSS_DAG) {
            out.add(new Blocker(Blocker.Kind.CROSS_DAG, id, named + " is a cross-DAG dependency: the other DAG must move"
                    + " too (start its state machine with states:startExecution) or this one stays on Airflow."));
        }
        if (!DagTask.DEFAULT_POOL.equals(t.pool())) {
            out.add(new Blocker(Blocker.Kind.POOL, id, named + " runs in pool '" + t.pool() + "': Step Functions has no"
                    + " pools; rebuild the limit with Map MaxConcurrency or a concurrency semaphore."));
        }
        if (t.family() == OperatorFamily.UNKNOWN) {
            out.add(new Blocker(Blocker.Kind.CUSTOM_OPERATOR, id, named + " is a custom or plugin operator flowcost does"
                    + " not know: its code must be rewritten as a Lambda function or a container."));
        }
        if (isTaskFlow(t) && dag.upstreamOf(id).stream().anyMatch(u -> dag.task(u).map(Blockers::isTaskFlow).orElse(false))) {
            out.add(new Blocker(Blocker.Kind.XCOM, id, named + " takes TaskFlow return values from "
                    + String.join(", ", dag.upstreamOf(id).stream().filter(u -> dag.task(u).map(Blockers::isTaskFlow)
                    .orElse(false)).toList()) + " by XCom: check payloads stay under 256 KiB (the Step Functions"
                    + " state payload limit), else pass S3 references."));
        }
        if (p.runsOnWorker() && p.longestSeconds() > MigrationDefaults.LAMBDA_MAX_SECONDS) {
            out.add(new Blocker(Blocker.Kind.LONGER_THAN_LAMBDA, id, named + " runs about "
                    + TaskProfile.minutes(p.longestSeconds()) + " min, longer than Lambda's 15 minutes: on Step Functions"
                    + " it becomes an ECS/Fargate task (priced so)."));
        }
        if (t.family() != OperatorFamily.EMPTY && p.longestSeconds() > MigrationDefaults.SERVERLESS_MAX_TASK_SECONDS) {
            out.add(new Blocker(Blocker.Kind.LONGER_THAN_SERVERLESS, id, named + " runs about "
                    + TaskProfile.minutes(p.longestSeconds()) + " min, longer than MWAA Serverless' 60-minute task limit:"
                    + " MWAA Serverless is not an option."));
        }
    }

    static boolean isTimeSensor(String operator) {
        return TIME_SENSORS.contains(shortName(operator));
    }

    /**
     * Name prefixes of Amazon provider sensors whose state Step Functions can wait on (a .sync integration, a
     * describe-and-Wait poll loop, or the service's EventBridge state-change event), beyond those the operator
     * catalog maps to a service. From the apache-airflow-providers-amazon sensor modules
     * (https://airflow.apache.org/docs/apache-airflow-providers-amazon/stable/operators/index.html).
     */
    static final java.util.List<String> AWS_SENSOR_PREFIXES = java.util.List.of("CloudFormation", "Lambda", "Redshift",
            "Sqs", "SQS", "Dynamo", "Ecs", "ECS", "Eks", "EKS", "Rds", "RDS", "Dms", "DMS", "Kinesis", "QuickSight",
            "Quicksight", "Ec2", "EC2", "Bedrock", "Comprehend", "OpenSearch", "Mwaa", "MWAA", "Sns", "SNS");

    /** A sensor on the state of an AWS resource (Glue job, CloudFormation stack, Lambda function, EMR step, ...). */
    static boolean waitsOnAwsState(String operator) {
        String n = shortName(operator);
        return OperatorCatalog.awsService(operator).isPresent() || AWS_SENSOR_PREFIXES.stream().anyMatch(n::startsWith);
    }

    /** The same, also by the module it is imported from (airflow.providers.amazon.*). */
    static boolean waitsOnAwsState(DagTask t) {
        return waitsOnAwsState(t.operator()) || (t.operatorModule() != null
                && t.operatorModule().startsWith("airflow.providers.amazon"));
    }

    static boolean isS3KeySensor(String operator) {
        return dev.flowcost.core.count.DraftWorkload.isS3KeySensor(operator);
    }

    private static boolean isTaskFlow(DagTask t) {
        return t.operator().startsWith("@task") && t.family() == OperatorFamily.WORKER_CODE;
    }

    private static String shortName(String operator) {
        String s = operator == null ? "" : operator.trim();
        int dot = s.lastIndexOf('.');
        return dot >= 0 && !s.startsWith("@") ? s.substring(dot + 1) : s;
    }
}
