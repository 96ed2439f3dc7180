package dev.flowcost.core.asl;

import dev.flowcost.core.asl.TaskResource.IntegrationPattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optimised service integrations Step Functions offers ({@code arn:aws:states:::SERVICE:ACTION[.PATTERN]}), each
 * action with the integration patterns it supports, in one table. The validator warns about a Resource the table does
 * not know (with a did-you-mean), and advice reads the same table to tell a hand-written polling loop that a
 * {@code .sync} call could replace ({@link #syncVariantOf}, {@link #hasSync}) from one where none exists
 * (the Redshift Data API has no optimised integration at all).
 *
 * <p>Source: the "Optimized integrations in Step Functions" table of
 * https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html (which services support Request
 * Response, Run a Job {@code .sync} and Wait for Callback {@code .waitForTaskToken}) and each service's page linked
 * from it, {@code connect-<service>.html}, for its actions; patterns from
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html. Where a service page gives the
 * callback pattern only at service level, every action of that service is given it.
 */
public final class IntegrationCatalog {

    private IntegrationCatalog() {
    }

    /**
     * One optimised action.
     *
     * @param service  the service name in the ARN ("athena", "elasticmapreduce", "emr-serverless")
     * @param action   the action as the ARN spells it ("startQueryExecution")
     * @param patterns the patterns the action supports; REQUEST_RESPONSE for all
     * @param page     the developer-guide page that lists it
     */
    public record Integration(String service, String action, Set<IntegrationPattern> patterns, String page) {
        public Integration {
            patterns = Collections.unmodifiableSet(EnumSet.copyOf(patterns));
        }

        /** The Resource ARN for {@code pattern}: {@code arn:aws:states:::athena:startQueryExecution.sync}. */
        public String arn(IntegrationPattern pattern) {
            return PREFIX + service + ":" + action + suffix(pattern);
        }
    }

    /** An ItemReader or ResultWriter resource a Distributed Map accepts. */
    public record MapResource(String service, String action, String field) {
    }

    static final String PREFIX = "arn:aws:states:::";
    private static final String DG = "https://docs.aws.amazon.com/step-functions/latest/dg/";

    private static final Map<String, List<Integration>> BY_SERVICE = new LinkedHashMap<>();
    private static final List<MapResource> MAP_RESOURCES = List.of(
            // input-output-itemreader.html and input-output-resultwriter.html
            new MapResource("s3", "getObject", "ItemReader"), new MapResource("s3", "listObjectsV2", "ItemReader"),
            new MapResource("s3", "putObject", "ResultWriter"));

    private static final Set<IntegrationPattern> RR = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE);
    private static final Set<IntegrationPattern> RR_SYNC = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.SYNC);
    private static final Set<IntegrationPattern> RR_CALLBACK = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE,
            IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    private static final Set<IntegrationPattern> ALL_THREE = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE,
            IntegrationPattern.SYNC, IntegrationPattern.WAIT_FOR_TASK_TOKEN);

    static {
        add("apigateway", "connect-api-gateway.html", RR_CALLBACK, "invoke");
        add("athena", "connect-athena.html", RR_SYNC, "startQueryExecution");
        add("athena", "connect-athena.html", RR, "stopQueryExecution", "getQueryExecution", "getQueryResults");
        add("batch", "connect-batch.html", RR_SYNC, "submitJob");
        add("bedrock", "connect-bedrock.html", RR_CALLBACK, "invokeModel");
        add("bedrock", "connect-bedrock.html", ALL_THREE, "createModelCustomizationJob");
        add("bedrockagentcore", "connect-bedrockagentcore.html", RR, "invokeHarness");
        add("codebuild", "connect-codebuild.html", RR_SYNC, "startBuild", "startBuildBatch", "retryBuildBatch");
        add("codebuild", "connect-codebuild.html", RR, "stopBuild", "batchDeleteBuilds", "batchGetReports", "stopBuildBatch",
                "deleteBuildBatch");
        add("dynamodb", "connect-ddb.html", RR, "getItem", "putItem", "updateItem", "deleteItem");
        add("ecs", "connect-ecs.html", ALL_THREE, "runTask");
        add("eks", "connect-eks.html", RR_SYNC, "createCluster", "deleteCluster", "createFargateProfile",
                "deleteFargateProfile", "createNodegroup", "deleteNodegroup", "runJob");
        add("eks", "connect-eks.html", RR, "call");
        add("elasticmapreduce", "connect-emr.html", RR_SYNC, "createCluster", "terminateCluster", "addStep");
        add("elasticmapreduce", "connect-emr.html", RR, "cancelStep", "setClusterTerminationProtection",
                "modifyInstanceFleetByName", "modifyInstanceGroupByName");
        add("emr-containers", "connect-emr-eks.html", RR_SYNC, "startJobRun", "deleteVirtualCluster");
        add("emr-containers", "connect-emr-eks.html", RR, "createVirtualCluster");
        add("emr-serverless", "connect-emr-serverless.html", RR_SYNC, "createApplication", "startApplication",
                "stopApplication", "deleteApplication", "startJobRun", "cancelJobRun");
        add("events", "connect-eventbridge.html", RR_CALLBACK, "putEvents");
        add("glue", "connect-glue.html", RR_SYNC, "startJobRun");
        add("databrew", "connect-databrew.html", RR_SYNC, "startJobRun");
        add("lambda", "connect-lambda.html", RR_CALLBACK, "invoke");
        add("mediaconvert", "connect-mediaconvert.html", RR_SYNC, "createJob");
        add("sagemaker", "connect-sagemaker.html", RR_SYNC, "createTrainingJob", "createTransformJob", "createProcessingJob",
                "createHyperParameterTuningJob", "createLabelingJob");
        add("sagemaker", "connect-sagemaker.html", RR, "createModel", "createEndpointConfig", "createEndpoint", "updateEndpoint");
        add("sns", "connect-sns.html", RR_CALLBACK, "publish");
        add("sqs", "connect-sqs.html", RR_CALLBACK, "sendMessage");
        add("states", "connect-stepfunctions.html", EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.SYNC,
                IntegrationPattern.SYNC2, IntegrationPattern.WAIT_FOR_TASK_TOKEN), "startExecution");
        add("http", "call-https-apis.html", RR, "invoke"); // the HTTP Task
    }

    /**
     * The status calls a hand-written loop polls a job with, by the action whose {@code .sync} waits for that job (AWS
     * API names in camelCase as the ARN spells them: Athena GetQueryExecution, Glue GetJobRun, Batch DescribeJobs, ...).
     */
    private static final Map<String, List<String>> POLLED_BY = new LinkedHashMap<>();

    static {
        polled("athena:startQueryExecution", "getQueryExecution");
        polled("batch:submitJob", "describeJobs");
        polled("bedrock:createModelCustomizationJob", "getModelCustomizationJob");
        polled("codebuild:startBuild", "batchGetBuilds");
        polled("codebuild:startBuildBatch", "batchGetBuildBatches");
        polled("codebuild:retryBuildBatch", "batchGetBuildBatches");
        polled("ecs:runTask", "describeTasks");
        polled("eks:createCluster", "describeCluster");
        polled("eks:deleteCluster", "describeCluster");
        polled("eks:createNodegroup", "describeNodegroup");
        polled("eks:deleteNodegroup", "describeNodegroup");
        polled("eks:createFargateProfile", "describeFargateProfile");
        polled("eks:deleteFargateProfile", "describeFargateProfile");
        polled("elasticmapreduce:addStep", "describeStep");
        polled("elasticmapreduce:createCluster", "describeCluster");
        polled("elasticmapreduce:terminateCluster", "describeCluster");
        polled("emr-containers:startJobRun", "describeJobRun");
        polled("emr-containers:deleteVirtualCluster", "describeVirtualCluster");
        for (String a : List.of("createApplication", "startApplication", "stopApplication", "deleteApplication")) {
            polled("emr-serverless:" + a, "getApplication");
        }
        polled("emr-serverless:startJobRun", "getJobRun");
        polled("emr-serverless:cancelJobRun", "getJobRun");
        polled("glue:startJobRun", "getJobRun");
        polled("databrew:startJobRun", "describeJobRun");
        polled("mediaconvert:createJob", "getJob");
        polled("sagemaker:createTrainingJob", "describeTrainingJob");
        polled("sagemaker:createTransformJob", "describeTransformJob");
        polled("sagemaker:createProcessingJob", "describeProcessingJob");
        polled("sagemaker:createHyperParameterTuningJob", "describeHyperParameterTuningJob");
        polled("sagemaker:createLabelingJob", "describeLabelingJob");
        polled("states:startExecution", "describeExecution");
    }

    private static void polled(String serviceAction, String poller) {
        POLLED_BY.computeIfAbsent(serviceAction, k -> new ArrayList<>()).add(poller);
    }

    private static void add(String service, String page, Set<IntegrationPattern> patterns, String... actions) {
        for (String a : actions) {
            BY_SERVICE.computeIfAbsent(service, s -> new ArrayList<>()).add(new Integration(service, a, patterns, DG + page));
        }
    }

    /** Every optimised action, service by service. */
    public static List<Integration> all() {
        List<Integration> out = new ArrayList<>();
        BY_SERVICE.values().forEach(out::addAll);
        return Collections.unmodifiableList(out);
    }

    /** The service names the table knows ("athena", "elasticmapreduce", ...). */
    public static Set<String> services() {
        return Collections.unmodifiableSet(BY_SERVICE.keySet());
    }

    /** The optimised action {@code service:action}, exactly as the ARN spells it. */
    public static Optional<Integration> find(String service, String action) {
        for (Integration i : BY_SERVICE.getOrDefault(service, List.of())) {
            if (i.action().equals(action)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether any optimised action of {@code service} (an optimised or SDK service name) runs a job to completion
     * ({@code .sync}). Use {@link #syncsReplacing} to ask about one polling call.
     */
    public static boolean hasSync(String service) {
        return BY_SERVICE.getOrDefault(optimisedName(service), List.of()).stream().anyMatch(IntegrationCatalog::supportsSync);
    }

    /** The actions of {@code service} that support {@code .sync} ("startQueryExecution" for athena). */
    public static List<Integration> syncActions(String service) {
        return BY_SERVICE.getOrDefault(optimisedName(service), List.of()).stream().filter(IntegrationCatalog::supportsSync).toList();
    }

    /**
     * The {@code .sync} Resource that does what {@code resource} starts and then waits for it: for
     * {@code arn:aws:states:::athena:startQueryExecution} or the SDK form
     * {@code arn:aws:states:::aws-sdk:athena:startQueryExecution}, {@code arn:aws:states:::athena:startQueryExecution.sync}
     * ({@code .sync:2} for Step Functions' StartExecution). Empty when there is none or {@code resource} already waits.
     */
    public static Optional<String> syncVariantOf(String resource) {
        TaskResource r = TaskResource.parse(resource);
        if (r.pattern() != IntegrationPattern.REQUEST_RESPONSE
                || (r.kind() != TaskResource.Kind.OPTIMISED_INTEGRATION && r.kind() != TaskResource.Kind.SDK_INTEGRATION)) {
            return Optional.empty();
        }
        String service = r.kind() == TaskResource.Kind.SDK_INTEGRATION ? optimisedName(r.service()) : r.service();
        return find(service, r.action()).filter(IntegrationCatalog::supportsSync)
                .map(i -> i.arn(i.patterns().contains(IntegrationPattern.SYNC2) ? IntegrationPattern.SYNC2 : IntegrationPattern.SYNC));
    }

    /**
     * The {@code .sync} integrations that would make a loop polling with {@code pollingResource} unnecessary: for
     * {@code arn:aws:states:::athena:getQueryExecution} or {@code arn:aws:states:::aws-sdk:glue:getJobRun}, the
     * start call whose {@code .sync} waits for the same job ({@code athena:startQueryExecution},
     * {@code glue:startJobRun}). Empty when the call polls something no {@code .sync} waits for (a Glue crawler, the
     * Redshift Data API): then flowcost must suggest nothing.
     */
    public static List<Integration> syncsReplacing(String pollingResource) {
        TaskResource r = TaskResource.parse(pollingResource);
        if (r.kind() != TaskResource.Kind.OPTIMISED_INTEGRATION && r.kind() != TaskResource.Kind.SDK_INTEGRATION) {
            return List.of();
        }
        String service = optimisedName(r.service());
        List<Integration> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : POLLED_BY.entrySet()) {
            String[] sa = e.getKey().split(":", 2);
            if (sa[0].equals(service) && e.getValue().contains(r.action())) {
                find(sa[0], sa[1]).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /** The status calls that poll what {@code integration} starts (empty for actions without {@code .sync}). */
    public static List<String> pollersOf(Integration integration) {
        return List.copyOf(POLLED_BY.getOrDefault(integration.service() + ":" + integration.action(), List.of()));
    }

    /** The optimised integration's service name for an SDK service name ("sfn" is "states"), else {@code service}. */
    public static String optimisedName(String service) {
        return SDK_TO_OPTIMISED.getOrDefault(service, service);
    }

    /** SDK service names (aws-sdk:SERVICE:...) that differ from the optimised integration's name. */
    private static final Map<String, String> SDK_TO_OPTIMISED = Map.of("sfn", "states", "emr", "elasticmapreduce",
            "eventbridge", "events", "emrserverless", "emr-serverless", "emrcontainers", "emr-containers");

    private static boolean supportsSync(Integration i) {
        return i.patterns().contains(IntegrationPattern.SYNC) || i.patterns().contains(IntegrationPattern.SYNC2);
    }

    /** The ItemReader and ResultWriter resources a Distributed Map accepts. */
    public static List<MapResource> mapResources() {
        return MAP_RESOURCES;
    }

    /**
     * Why a Task's {@code resource} is not a known integration, with what it probably meant; empty when it is known,
     * is a Lambda function or activity ARN, an SDK call of the documented form, or holds a placeholder where the
     * service or action would be. Never an error: Step Functions adds integrations faster than this table.
     */
    public static Optional<String> checkTaskResource(String resource) {
        if (resource.contains("#{")) {
            return Optional.empty(); // serverless-pseudo-parameters (#{AWS::Region}) hide the ARN's fields
        }
        TaskResource r = TaskResource.parse(resource);
        if ((resource.contains("${") || resource.startsWith("{{")) && (r.service().isEmpty() || r.action().isEmpty())) {
            return Optional.empty(); // a placeholder stands in the service or action
        }
        switch (r.kind()) {
            case OPTIMISED_INTEGRATION:
            case HTTP:
                return checkOptimised(r);
            case SDK_INTEGRATION:
                return checkSdk(r);
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> checkOptimised(TaskResource r) {
        if (r.service().isEmpty() || r.action().isEmpty()) {
            return Optional.of("Resource \"" + r.arn() + "\" names no service and action; an optimised integration is "
                    + PREFIX + "SERVICE:ACTION (see " + DG + "integrate-optimized.html)");
        }
        List<Integration> actions = BY_SERVICE.get(r.service());
        if (actions == null) {
            Optional<String> hint = NameSuggester.closest(r.service(), BY_SERVICE.keySet());
            return Optional.of("Resource \"" + r.arn() + "\": \"" + r.service() + "\" is not a Step Functions optimised integration"
                    + hint.map(h -> " (did you mean \"" + h + "\"?)").orElse("")
                    + "; for any other AWS API use " + PREFIX + "aws-sdk:" + r.service() + ":" + lowerFirst(r.action()));
        }
        Optional<Integration> known = find(r.service(), r.action());
        if (known.isEmpty()) {
            List<String> names = actions.stream().map(Integration::action).toList();
            Optional<String> hint = NameSuggester.closest(r.action(), names);
            return Optional.of("Resource \"" + r.arn() + "\": " + r.service() + " has no optimised action \"" + r.action() + "\""
                    + hint.map(h -> " (did you mean \"" + h + "\"?)").orElse("; its actions are " + String.join(", ", names)));
        }
        Integration i = known.get();
        if (!i.patterns().contains(r.pattern())) {
            return Optional.of("Resource \"" + r.arn() + "\": " + r.service() + ":" + r.action() + " does not support "
                    + describe(r.pattern()) + "; it supports " + String.join(", ", i.patterns().stream().map(IntegrationCatalog::describe).toList())
                    + " (" + i.page() + ")");
        }
        return Optional.empty();
    }

    /**
     * SDK integrations: {@code arn:aws:states:::aws-sdk:SERVICE:ACTION}, the action in camelCase, request-response or
     * callback only (integrate-optimized.html, "AWS SDK integrations": Run a Job is not supported).
     */
    private static Optional<String> checkSdk(TaskResource r) {
        if (r.service().isEmpty() || r.action().isEmpty()) {
            return Optional.of("Resource \"" + r.arn() + "\" needs both a service and an action: " + PREFIX + "aws-sdk:SERVICE:ACTION");
        }
        if (r.pattern() == IntegrationPattern.SYNC || r.pattern() == IntegrationPattern.SYNC2) {
            Optional<String> sync = syncVariantOf(PREFIX + "aws-sdk:" + r.service() + ":" + r.action());
            return Optional.of("Resource \"" + r.arn() + "\": AWS SDK integrations do not support .sync"
                    + sync.map(s -> "; the optimised integration does: " + s).orElse(""));
        }
        if (Character.isUpperCase(r.action().charAt(0))) {
            return Optional.of("Resource \"" + r.arn() + "\": SDK actions are written in camelCase (did you mean \""
                    + lowerFirst(r.action()) + "\"?)");
        }
        if (!r.service().equals(r.service().toLowerCase(Locale.ROOT))) {
            return Optional.of("Resource \"" + r.arn() + "\": SDK service names are lowercase (did you mean \""
                    + r.service().toLowerCase(Locale.ROOT) + "\"?)");
        }
        return Optional.empty();
    }

    /** Why an ItemReader or ResultWriter {@code resource} is not one the Distributed Map accepts; empty when it is. */
    public static Optional<String> checkMapResource(String resource, String field) {
        TaskResource r = TaskResource.parse(resource);
        if (r.kind() == TaskResource.Kind.PLACEHOLDER || resource.contains("#{")) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>();
        for (MapResource m : MAP_RESOURCES) {
            if (m.field().equals(field)) {
                String arn = PREFIX + m.service() + ":" + m.action();
                if (m.service().equals(r.service()) && m.action().equals(r.action())) {
                    return Optional.empty();
                }
                known.add(arn);
            }
        }
        Optional<String> hint = NameSuggester.closest(resource, known);
        return Optional.of(field + " Resource \"" + resource + "\" is not one Step Functions documents"
                + hint.map(h -> " (did you mean \"" + h + "\"?)").orElse("; use " + String.join(" or ", known)));
    }

    private static String describe(IntegrationPattern p) {
        switch (p) {
            case SYNC:
                return ".sync";
            case SYNC2:
                return ".sync:2";
            case WAIT_FOR_TASK_TOKEN:
                return ".waitForTaskToken";
            default:
                return "request-response";
        }
    }

    private static String suffix(IntegrationPattern p) {
        return p == IntegrationPattern.REQUEST_RESPONSE ? "" : describe(p);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
