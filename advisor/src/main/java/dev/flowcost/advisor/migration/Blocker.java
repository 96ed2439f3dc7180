package dev.flowcost.advisor.migration;

/**
 * One thing in a DAG that may stop or complicate a move, with the task it concerns and a sentence naming it.
 *
 * @param kind     what sort of blocker
 * @param taskId   the task ("" for the DAG as a whole)
 * @param sentence what it is and what to do, naming the task
 */
public record Blocker(Kind kind, String taskId, String sentence) {

    /** The sorts of blocker, and what each one means for the verdict. */
    public enum Kind {
        /** A sensor on an S3 key: an S3 event → EventBridge rule replaces it. */
        EVENT_SENSOR(false),
        /**
         * A sensor on AWS state (a Glue job, a CloudFormation stack, a Lambda function's state): Step Functions waits
         * on it with a .sync integration, a poll loop or an EventBridge rule, so it is work, not a blocker.
         */
        AWS_STATE_SENSOR(false),
        /** A sensor on state outside AWS with no event to replace it: it keeps the DAG on Airflow. */
        EXTERNAL_SENSOR(true),
        /** ExternalTaskSensor, TriggerDagRunOperator and the like: it keeps the DAG on Airflow. */
        CROSS_DAG(true),
        /** A dataset/asset schedule: runs start on another DAG's data, which only Airflow tracks. */
        DATASET_SCHEDULE(true),
        /** catchup=True with a start_date: the DAG relies on back-filling. */
        CATCHUP(false),
        /** A pool other than default_pool: concurrency limits to rebuild. */
        POOL(false),
        /** A custom or plugin operator: its code must be rewritten. */
        CUSTOM_OPERATOR(false),
        /** TaskFlow return values passed by XCom: payloads must stay under 256 KiB. */
        XCOM(false),
        /** A task longer than Lambda's 15 minutes: it needs Fargate (priced so). */
        LONGER_THAN_LAMBDA(false),
        /** A task longer than MWAA Serverless' 60 minutes: MWAA Serverless is not an option. */
        LONGER_THAN_SERVERLESS(false);

        private final boolean airflowOnly;

        Kind(boolean airflowOnly) {
            this.airflowOnly = airflowOnly;
        }

        /** Whether the DAG relies on a feature only Airflow has, so the whole DAG cannot leave Airflow. */
        public boolean airflowOnly() {
            return airflowOnly;
        }
    }
}
