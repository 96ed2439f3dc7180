package dev.flowcost.core.dag;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What flowcost knows of Airflow operator classes by name: the family of work each does and, for AWS operators,
 * the service it drives. Every reader classifies through here so a DAG means the same whatever format it came in.
 * An unknown name is {@link OperatorFamily#UNKNOWN}, never dropped.
 */
public final class OperatorCatalog {

    /** Operator class → AWS service name as Step Functions integrations spell it ("glue", "lambda", ...). */
    private static final Map<String, String> AWS_SERVICE_BY_OPERATOR = Map.ofEntries(
            Map.entry("GlueJobOperator", "glue"), Map.entry("AwsGlueJobOperator", "glue"),
            Map.entry("GlueCrawlerOperator", "glue-crawler"), Map.entry("AwsGlueCrawlerOperator", "glue-crawler"),
            Map.entry("GlueDataBrewStartJobOperator", "databrew"),
            Map.entry("LambdaInvokeFunctionOperator", "lambda"), Map.entry("AwsLambdaInvokeFunctionOperator", "lambda"),
            Map.entry("LambdaCreateFunctionOperator", "lambda"),
            Map.entry("EmrAddStepsOperator", "emr"), Map.entry("EmrCreateJobFlowOperator", "emr"),
            Map.entry("EmrTerminateJobFlowOperator", "emr"), Map.entry("EmrServerlessStartJobOperator", "emr-serverless"),
            Map.entry("EmrContainerOperator", "emr-containers"),
            Map.entry("EMRContainerOperator", "emr-containers"), Map.entry("EmrModifyClusterOperator", "emr"),
            Map.entry("EcsRunTaskOperator", "ecs"), Map.entry("ECSOperator", "ecs"), Map.entry("EcsOperator", "ecs"),
            Map.entry("BatchOperator", "batch"), Map.entry("AwsBatchOperator", "batch"),
            Map.entry("AthenaOperator", "athena"), Map.entry("AWSAthenaOperator", "athena"),
            Map.entry("SageMakerTrainingOperator", "sagemaker"), Map.entry("SageMakerProcessingOperator", "sagemaker"),
            Map.entry("SageMakerTransformOperator", "sagemaker"), Map.entry("SageMakerEndpointOperator", "sagemaker"),
            Map.entry("SageMakerTuningOperator", "sagemaker"), Map.entry("SageMakerModelOperator", "sagemaker"),
            Map.entry("SnsPublishOperator", "sns"), Map.entry("SqsPublishOperator", "sqs"),
            Map.entry("StepFunctionStartExecutionOperator", "states"),
            Map.entry("StepFunctionGetExecutionOutputOperator", "states"),
            Map.entry("RedshiftDataOperator", "redshift-data"), Map.entry("RedshiftSQLOperator", "redshift-data"),
            Map.entry("RedshiftToS3Operator", "redshift-data"), Map.entry("S3ToRedshiftOperator", "redshift-data"),
            Map.entry("S3CopyObjectOperator", "s3"), Map.entry("S3CreateObjectOperator", "s3"),
            Map.entry("S3DeleteObjectsOperator", "s3"), Map.entry("S3CreateBucketOperator", "s3"),
            Map.entry("S3DeleteBucketOperator", "s3"), Map.entry("S3FileTransformOperator", "s3"),
            Map.entry("S3ListOperator", "s3"), Map.entry("DynamoDBToS3Operator", "dynamodb"),
            Map.entry("EventBridgePutEventsOperator", "events"), Map.entry("DmsStartTaskOperator", "dms"),
            Map.entry("AppflowRunOperator", "appflow"), Map.entry("QuickSightCreateIngestionOperator", "quicksight"));

    private OperatorCatalog() {
    }

    /** The family of an operator class given by its short name ({@code GlueJobOperator}) or a dotted path. */
    public static OperatorFamily classify(String operator) {
        String name = shortName(operator);
        if (name.isEmpty()) {
            return OperatorFamily.UNKNOWN;
        }
        if (name.equals("EmptyOperator") || name.equals("DummyOperator") || name.equals("LatestOnlyOperator")) {
            return OperatorFamily.EMPTY;
        }
        if (name.startsWith("ExternalTaskSensor") || name.equals("TriggerDagRunOperator")
                || name.equals("ExternalTaskMarker") || name.equals("SubDagOperator")) {
            // a SubDagOperator runs a whole child DAG run, like a trigger that waits for it
            return OperatorFamily.CROSS_DAG;
        }
        if (name.startsWith("@task.branch") || name.startsWith("@task.short_circuit") || name.contains("Branch")
                || name.equals("ShortCircuitOperator")) {
            return OperatorFamily.BRANCH;
        }
        if (name.endsWith("Sensor") || name.endsWith("SensorAsync") || name.startsWith("@task.sensor")) {
            return OperatorFamily.SENSOR;
        }
        if (AWS_SERVICE_BY_OPERATOR.containsKey(name) || isAwsOperatorByPrefix(name)) {
            return OperatorFamily.AWS_SERVICE;
        }
        if (name.startsWith("@task.kubernetes") || name.startsWith("@task.docker")) {
            return OperatorFamily.OTHER_SERVICE;
        }
        if (name.startsWith("@task") || name.equals("@asset") || name.equals("PythonOperator") || name.equals("BashOperator")
                || name.equals("PythonVirtualenvOperator") || name.equals("ExternalPythonOperator")
                || name.equals("BranchPythonVirtualenvOperator") || name.equals("_PythonDecoratedOperator")) {
            return OperatorFamily.WORKER_CODE;
        }
        if (name.equals("PapermillOperator") || name.equals("GenericTransfer")
                || name.equals("GreatExpectationsOperator")) {
            // Great Expectations runs its checkpoint inside the worker process
            return OperatorFamily.WORKER_CODE;
        }
        String l = name.toLowerCase(Locale.ROOT);
        if (l.contains("sql") || l.contains("postgres") || l.contains("mysql") || l.contains("snowflake")
                || l.contains("bigquery") || l.contains("http") || l.contains("kubernetes") || l.contains("docker")
                || l.contains("dbt") || l.contains("spark") || l.contains("ssh") || l.contains("email")
                || l.contains("slack") || l.contains("databricks") || l.contains("gcs") || l.contains("dataproc")
                || l.endsWith("podoperator") || l.contains("trino") || l.contains("oracle") || l.contains("airbyte")
                || l.contains("fivetran") || l.contains("ftp")) {
            return OperatorFamily.OTHER_SERVICE;
        }
        return byProviderPackage(operator.trim());
    }

    /** Prefixes only Amazon provider operators carry; an operator named so drives that AWS service. */
    private static final java.util.List<String> AWS_OPERATOR_PREFIXES = java.util.List.of("Glue", "Emr", "EMR",
            "Athena", "SageMaker", "StepFunction", "Lambda", "Ecs", "Eks", "Redshift", "Dms", "Bedrock",
            "Comprehend", "Kinesis", "Sqs", "Sns", "CloudFormation", "Ec2", "Rds", "QuickSight", "Appflow",
            "DynamoDB", "EventBridge", "Mwaa", "OpenSearchServerless", "Neptune");

    /** {@code EmrServerlessCreateApplicationOperator}, {@code GlueDataQualityRuleSetEvaluationRunOperator}, ...: an
     * AWS operator the table above does not list, known by its service prefix; transfers ("...ToS3") are not, and
     * pods on EKS count with the other Kubernetes pods. */
    private static boolean isAwsOperatorByPrefix(String name) {
        if (!name.endsWith("Operator") || name.contains("To") || name.endsWith("PodOperator")) {
            return false;
        }
        for (String p : AWS_OPERATOR_PREFIXES) {
            if (name.startsWith(p) && name.length() > p.length() && Character.isUpperCase(name.charAt(p.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An operator known only by the provider package it comes from ({@code airflow.providers.amazon.aws.operators.
     * datasync.DataSyncOperator}): Amazon operators drive an AWS service, Amazon transfers move data through the
     * worker, other providers' operators drive their outside system.
     */
    private static OperatorFamily byProviderPackage(String dotted) {
        if (!dotted.startsWith("airflow.providers.") || dotted.startsWith("airflow.providers.standard.")) {
            return OperatorFamily.UNKNOWN;
        }
        if (dotted.startsWith("airflow.providers.amazon.aws.operators.")) {
            return OperatorFamily.AWS_SERVICE;
        }
        if (dotted.startsWith("airflow.providers.amazon.aws.transfers.")) {
            return OperatorFamily.WORKER_CODE;
        }
        if (dotted.contains(".operators.") || dotted.contains(".transfers.")) {
            return OperatorFamily.OTHER_SERVICE;
        }
        return OperatorFamily.UNKNOWN;
    }

    /** The AWS service an operator drives ("glue", "lambda", "emr", ...), when it is an AWS operator or sensor. */
    public static Optional<String> awsService(String operator) {
        String name = shortName(operator);
        String direct = AWS_SERVICE_BY_OPERATOR.get(name);
        if (direct != null) {
            return Optional.of(direct);
        }
        if (name.startsWith("S3Key") || name.startsWith("S3Prefix") || name.startsWith("S3KeysUnchanged")) {
            return Optional.of("s3");
        }
        if (name.startsWith("Glue")) {
            return Optional.of("glue");
        }
        if (name.startsWith("Emr")) {
            return Optional.of("emr");
        }
        if (name.startsWith("Athena")) {
            return Optional.of("athena");
        }
        if (name.startsWith("Batch")) {
            return Optional.of("batch");
        }
        if (name.startsWith("SageMaker")) {
            return Optional.of("sagemaker");
        }
        if (name.startsWith("StepFunction")) {
            return Optional.of("states");
        }
        if (name.startsWith("Sqs")) {
            return Optional.of("sqs");
        }
        if (name.startsWith("Lambda")) {
            return Optional.of("lambda");
        }
        return Optional.empty();
    }

    /** Sensors that wait for a time to come, not for anything outside Airflow. */
    private static final java.util.Set<String> TIME_SENSORS = java.util.Set.of("DateTimeSensor", "DateTimeSensorAsync",
            "TimeDeltaSensor", "TimeDeltaSensorAsync", "TimeSensor", "TimeSensorAsync", "DayOfWeekSensor",
            "WeekDaySensor", "BashSensor", "PythonSensor");

    /**
     * Whether the operator is a sensor that waits on state outside Airflow (a file, a key, another system): time
     * sensors and sensors that run the user's own check are not.
     */
    public static boolean isExternalStateSensor(String operator) {
        return classify(operator) == OperatorFamily.SENSOR && !TIME_SENSORS.contains(shortName(operator));
    }

    private static String shortName(String operator) {
        if (operator == null) {
            return "";
        }
        String s = operator.trim();
        if (s.startsWith("@")) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        return dot >= 0 ? s.substring(dot + 1) : s;
    }
}
