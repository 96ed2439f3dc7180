package dev.flowcost.core.asl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The jobs Step Functions can start and wait for in one Task (the Run a Job {@code .sync} pattern), each with the
 * get/describe call a hand-written polling loop uses to ask the job's status and the call that starts it. One table
 * for both ways a loop polls: the optimised integration ({@code arn:aws:states:::athena:getQueryExecution}) and the
 * SDK integration ({@code arn:aws:states:::aws-sdk:athena:getQueryExecution}), so a service is recognised the same
 * way whichever the user wrote. A poll that matches no row (the Redshift Data API's describeStatement, Glue's
 * getCrawler) has no {@code .sync} to offer.
 *
 * <p>Source: the optimised integrations table of the Step Functions developer guide, column "Run a Job (.sync)"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html), and each service's page under
 * it for the API names (e.g. https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html,
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html). The SDK integration itself has no
 * {@code .sync} (same page, "AWS SDK integrations": Run a Job not supported), hence the optimised resource here.
 * Not listed: Redshift Data (no optimised integration, https://repost.aws answers that it must be polled).
 */
public final class SyncJobs {

    /**
     * One job kind.
     *
     * @param service      the service as people name it ("Athena")
     * @param names        the service names a Resource may use: the optimised ARN's and the SDK's
     * @param startActions the calls that start the job (lower case)
     * @param pollActions  the calls that ask its status (lower case)
     * @param syncResource the optimised resource that starts the job and waits for it
     */
    public record Job(String service, Set<String> names, Set<String> startActions, Set<String> pollActions,
                      String syncResource) {
    }

    private static final List<Job> JOBS = List.of(
            job("Athena", Set.of("athena"), "startqueryexecution", "getqueryexecution",
                    "arn:aws:states:::athena:startQueryExecution.sync"),
            job("AWS Batch", Set.of("batch"), "submitjob", "describejobs", "arn:aws:states:::batch:submitJob.sync"),
            job("CodeBuild", Set.of("codebuild"), "startbuild", "batchgetbuilds",
                    "arn:aws:states:::codebuild:startBuild.sync"),
            job("CodeBuild", Set.of("codebuild"), "startbuildbatch", "batchgetbuildbatches",
                    "arn:aws:states:::codebuild:startBuildBatch.sync"),
            job("ECS/Fargate", Set.of("ecs"), "runtask", "describetasks", "arn:aws:states:::ecs:runTask.sync"),
            job("EKS", Set.of("eks"), "createcluster", "describecluster", "arn:aws:states:::eks:createCluster.sync"),
            job("EKS", Set.of("eks"), "createnodegroup", "describenodegroup",
                    "arn:aws:states:::eks:createNodegroup.sync"),
            job("EMR", Set.of("elasticmapreduce", "emr"), "addstep", "describestep",
                    "arn:aws:states:::elasticmapreduce:addStep.sync"),
            job("EMR", Set.of("elasticmapreduce", "emr"), "createcluster", "describecluster",
                    "arn:aws:states:::elasticmapreduce:createCluster.sync"),
            job("EMR on EKS", Set.of("emr-containers", "emrcontainers"), "startjobrun", "describejobrun",
                    "arn:aws:states:::emr-containers:startJobRun.sync"),
            job("EMR Serverless", Set.of("emr-serverless", "emrserverless"), "startjobrun", "getjobrun",
                    "arn:aws:states:::emr-serverless:startJobRun.sync"),
            job("Glue", Set.of("glue"), "startjobrun", "getjobrun", "arn:aws:states:::glue:startJobRun.sync"),
            job("Glue DataBrew", Set.of("databrew"), "startjobrun", "describejobrun",
                    "arn:aws:states:::databrew:startJobRun.sync"),
            job("MediaConvert", Set.of("mediaconvert"), "createjob", "getjob",
                    "arn:aws:states:::mediaconvert:createJob.sync"),
            job("SageMaker", Set.of("sagemaker"), "createtrainingjob", "describetrainingjob",
                    "arn:aws:states:::sagemaker:createTrainingJob.sync"),
            job("SageMaker", Set.of("sagemaker"), "createtransformjob", "describetransformjob",
                    "arn:aws:states:::sagemaker:createTransformJob.sync"),
            job("SageMaker", Set.of("sagemaker"), "createprocessingjob", "describeprocessingjob",
                    "arn:aws:states:::sagemaker:createProcessingJob.sync"),
            job("SageMaker", Set.of("sagemaker"), "createhyperparametertuningjob", "describehyperparametertuningjob",
                    "arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync"),
            job("SageMaker", Set.of("sagemaker"), "createlabelingjob", "describelabelingjob",
                    "arn:aws:states:::sagemaker:createLabelingJob.sync"),
            job("Bedrock", Set.of("bedrock"), "createmodelcustomizationjob", "getmodelcustomizationjob",
                    "arn:aws:states:::bedrock:createModelCustomizationJob.sync"),
            job("Step Functions", Set.of("states", "sfn"), "startexecution", "describeexecution",
                    "arn:aws:states:::states:startExecution.sync:2"));

    private SyncJobs() {
    }

    private static Job job(String service, Set<String> names, String start, String poll, String sync) {
        return new Job(service, names, Set.of(start), Set.of(poll), sync);
    }

    /** Every row of the table. */
    public static List<Job> all() {
        return JOBS;
    }

    /**
     * The job a Task polls: its Resource is a request-response get/describe call of a service with a {@code .sync}
     * pattern (optimised or SDK integration). Empty for anything else, the Redshift Data API included.
     */
    public static Optional<Job> polledBy(TaskResource r) {
        if (r.pattern() != TaskResource.IntegrationPattern.REQUEST_RESPONSE
                || (r.kind() != TaskResource.Kind.SDK_INTEGRATION && r.kind() != TaskResource.Kind.OPTIMISED_INTEGRATION)) {
            return Optional.empty();
        }
        String service = r.service().toLowerCase(Locale.ROOT);
        String action = r.action().toLowerCase(Locale.ROOT);
        return JOBS.stream().filter(j -> j.names().contains(service) && j.pollActions().contains(action)).findFirst();
    }

    /** Whether a Task starts {@code job} without waiting (request-response), so it can be made the waiting Task. */
    public static boolean starts(TaskResource r, Job job) {
        return r.pattern() == TaskResource.IntegrationPattern.REQUEST_RESPONSE
                && (r.kind() == TaskResource.Kind.SDK_INTEGRATION || r.kind() == TaskResource.Kind.OPTIMISED_INTEGRATION)
                && job.names().contains(r.service().toLowerCase(Locale.ROOT))
                && job.startActions().contains(r.action().toLowerCase(Locale.ROOT));
    }
}
