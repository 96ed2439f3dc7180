package dev.flowcost.advisor.price;

/**
 * The service and dimension names the bundled price book uses, in one place so the cost formulas, the importer and
 * the report agree on them. A user CSV must use the same names to override a row.
 */
public final class Services {

    /** Step Functions Standard workflows. Dimensions: {@link #TRANSITION}, {@link #FREE_TRANSITIONS}. */
    public static final String STATES_STANDARD = "states-standard";
    /** Step Functions Express workflows. Dimensions: {@link #REQUEST}, {@link #DURATION} (tiered, GB-hour). */
    public static final String STATES_EXPRESS = "states-express";
    /** AWS Lambda. Dimensions: request, duration-x86, duration-arm (tiered, GB-second), free-requests, free-gb-seconds. */
    public static final String LAMBDA = "lambda";
    /** Amazon MWAA (provisioned). Dimensions: {@code <class>-environment|worker|scheduler|webserver}, metadata-storage. */
    public static final String MWAA = "mwaa";
    /** Amazon MWAA Serverless. Dimension: task-hour. */
    public static final String MWAA_SERVERLESS = "mwaa-serverless";
    /** AWS Fargate. Dimensions: vcpu-hour-x86, gb-hour-x86, vcpu-hour-arm, gb-hour-arm. */
    public static final String FARGATE = "fargate";
    /** AWS Glue jobs. Dimension: dpu-hour. */
    public static final String GLUE = "glue";
    /** EventBridge Scheduler. Dimensions: invocation (after the free tier), free-invocations (per month). */
    public static final String EVENTBRIDGE_SCHEDULER = "eventbridge-scheduler";
    /** EventBridge event bus. Dimension: custom-event. */
    public static final String EVENTBRIDGE = "eventbridge";

    public static final String TRANSITION = "transition";
    public static final String FREE_TRANSITIONS = "free-transitions";
    public static final String REQUEST = "request";
    public static final String DURATION = "duration";
    public static final String FREE_REQUESTS = "free-requests";
    public static final String FREE_GB_SECONDS = "free-gb-seconds";
    public static final String METADATA_STORAGE = "metadata-storage";
    public static final String TASK_HOUR = "task-hour";
    public static final String DPU_HOUR = "dpu-hour";
    public static final String INVOCATION = "invocation";
    public static final String FREE_INVOCATIONS = "free-invocations";
    public static final String CUSTOM_EVENT = "custom-event";

    private Services() {
    }

    /** Lambda duration dimension for an architecture: {@code duration-x86} or {@code duration-arm}. */
    public static String lambdaDuration(Architecture arch) {
        return "duration-" + arch.token();
    }

    /** Fargate vCPU dimension: {@code vcpu-hour-x86} / {@code vcpu-hour-arm}. */
    public static String fargateVcpu(Architecture arch) {
        return "vcpu-hour-" + arch.token();
    }

    /** Fargate memory dimension: {@code gb-hour-x86} / {@code gb-hour-arm}. */
    public static String fargateMemory(Architecture arch) {
        return "gb-hour-" + arch.token();
    }

    /** MWAA dimension for an environment class and a part: {@code mw1.small-environment}, {@code mw1.large-worker}. */
    public static String mwaa(String environmentClass, MwaaPart part) {
        return environmentClass + "-" + part.token();
    }

    /** The parts of an MWAA environment that carry their own hourly price. */
    public enum MwaaPart {
        ENVIRONMENT("environment"), WORKER("worker"), SCHEDULER("scheduler"), WEB_SERVER("webserver");

        private final String token;

        MwaaPart(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }
}
