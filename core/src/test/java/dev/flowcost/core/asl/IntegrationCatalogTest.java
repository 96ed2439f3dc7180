package dev.flowcost.core.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.asl.TaskResource.IntegrationPattern;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The optimised-integration table (integrate-optimized.html and each service's page) and its API for advice. */
class IntegrationCatalogTest {

    @Test
    void theDocumentedOptimisedResourcesAreKnown() {
        for (String arn : List.of("arn:aws:states:::lambda:invoke", "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "arn:aws:states:::glue:startJobRun.sync", "arn:aws:states:::athena:startQueryExecution.sync",
                "arn:aws:states:::athena:getQueryExecution", "arn:aws:states:::ecs:runTask.sync", "arn:aws:states:::ecs:runTask.waitForTaskToken",
                "arn:aws:states:::batch:submitJob.sync", "arn:aws:states:::states:startExecution.sync:2",
                "arn:aws:states:::states:startExecution.sync", "arn:aws:states:::dynamodb:putItem", "arn:aws:states:::sns:publish",
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "arn:aws:states:::events:putEvents",
                "arn:aws:states:::emr-serverless:startJobRun.sync", "arn:aws:states:::sagemaker:createTrainingJob.sync",
                "arn:aws:states:::codebuild:startBuild.sync", "arn:aws:states:::databrew:startJobRun.sync", "arn:aws:states:::eks:runJob.sync",
                "arn:aws:states:::http:invoke", "arn:aws:states:::bedrock:invokeModel", "arn:aws:states:::bedrockagentcore:invokeHarness", "arn:aws:states:::apigateway:invoke",
                "arn:aws:states:::elasticmapreduce:addStep.sync", "arn:aws:states:::emr-containers:startJobRun.sync",
                "arn:aws:states:::mediaconvert:createJob.sync", "arn:aws:states:::aws-sdk:s3:listObjectsV2",
                "arn:aws:states:::aws-sdk:redshiftdata:describeStatement", "arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken",
                "arn:aws:lambda:eu-west-1:123456789012:function:f", "arn:aws:states:eu-west-1:123456789012:activity:a",
                "arn:aws-cn:states:::lambda:invoke", "${ProcessFunctionArn}", "arn:${AWS::Partition}:states:::lambda:invoke",
                "arn:aws:states:::lambda:${Action}", "arn:aws:states:::${Service}:invoke",
                "arn:aws:states:#{AWS::Region}:#{AWS::AccountId}:activity:approve")) {
            assertThat(IntegrationCatalog.checkTaskResource(arn)).as(arn).isEmpty();
        }
    }

    @Test
    void everyServiceOfTheDocumentedTableIsInTheCatalogue() {
        // integrate-optimized.html, "Optimized integrations in Step Functions", by ARN service name.
        assertThat(IntegrationCatalog.services()).containsAll(Set.of("apigateway", "athena", "batch", "bedrock", "codebuild", "dynamodb",
                "ecs", "eks", "elasticmapreduce", "emr-containers", "emr-serverless", "events", "glue", "databrew", "lambda",
                "mediaconvert", "sagemaker", "sns", "sqs", "states"));
        assertThat(IntegrationCatalog.all()).allSatisfy(i -> {
            assertThat(i.patterns()).contains(IntegrationPattern.REQUEST_RESPONSE);
            assertThat(i.page()).startsWith("https://docs.aws.amazon.com/step-functions/latest/dg/");
        });
    }

    @Test
    void unknownServicesActionsAndPatternsAreExplained() {
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::athenna:startQueryExecution.sync")).get().asString()
                .contains("did you mean \"athena\"");
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::redshift-data:executeStatement")).get().asString()
                .contains("not a Step Functions optimised integration").contains("aws-sdk:redshift-data:executeStatement");
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::glue:startJobrun.sync")).get().asString()
                .contains("did you mean \"startJobRun\"");
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::dynamodb:putItem.sync")).get().asString()
                .contains("does not support .sync").contains("connect-ddb.html");
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::glue:startJobRun.waitForTaskToken")).get().asString()
                .contains("does not support .waitForTaskToken");
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::aws-sdk:glue:startJobRun.sync")).get().asString()
                .contains("do not support .sync").contains("arn:aws:states:::glue:startJobRun.sync");
        assertThat(IntegrationCatalog.checkTaskResource("arn:aws:states:::aws-sdk:s3:ListObjectsV2")).get().asString()
                .contains("did you mean \"listObjectsV2\"");
        assertThat(IntegrationCatalog.checkMapResource("arn:aws:states:::s3:getObject", "ItemReader")).isEmpty();
        assertThat(IntegrationCatalog.checkMapResource("arn:aws:states:::s3:putObject", "ItemReader")).isPresent();
    }

    @Test
    void adviceFindsTheSyncVariantOfAStartCall() {
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::athena:startQueryExecution"))
                .contains("arn:aws:states:::athena:startQueryExecution.sync");
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::aws-sdk:glue:startJobRun")).contains("arn:aws:states:::glue:startJobRun.sync");
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::aws-sdk:sfn:startExecution")).contains("arn:aws:states:::states:startExecution.sync:2");
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::aws-sdk:emr:addStep")).contains("arn:aws:states:::elasticmapreduce:addStep.sync");
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::glue:startJobRun.sync")).isEmpty();
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::dynamodb:putItem")).isEmpty();
        assertThat(IntegrationCatalog.syncVariantOf("arn:aws:states:::aws-sdk:redshiftdata:executeStatement")).isEmpty();
    }

    @Test
    void hasSyncTellsPollableServicesFromTheRest() {
        assertThat(IntegrationCatalog.hasSync("athena")).isTrue();
        assertThat(IntegrationCatalog.hasSync("glue")).isTrue();
        assertThat(IntegrationCatalog.hasSync("states")).isTrue();
        assertThat(IntegrationCatalog.hasSync("dynamodb")).isFalse();
        assertThat(IntegrationCatalog.hasSync("redshift-data")).isFalse();
        assertThat(IntegrationCatalog.syncActions("athena").stream().map(IntegrationCatalog.Integration::action).collect(Collectors.toList()))
                .containsExactly("startQueryExecution");
    }

    @Test
    void aPollingCallLeadsToTheSyncThatReplacesItsLoop() {
        assertThat(IntegrationCatalog.syncsReplacing("arn:aws:states:::athena:getQueryExecution")).singleElement()
                .satisfies(i -> assertThat(i.arn(IntegrationPattern.SYNC)).isEqualTo("arn:aws:states:::athena:startQueryExecution.sync"));
        assertThat(IntegrationCatalog.syncsReplacing("arn:aws:states:::aws-sdk:glue:getJobRun")).extracting(IntegrationCatalog.Integration::action)
                .containsExactly("startJobRun");
        assertThat(IntegrationCatalog.syncsReplacing("arn:aws:states:::aws-sdk:sfn:describeExecution")).extracting(IntegrationCatalog.Integration::service)
                .containsExactly("states");
        assertThat(IntegrationCatalog.syncsReplacing("arn:aws:states:::aws-sdk:emr:describeCluster")).extracting(IntegrationCatalog.Integration::action)
                .containsExactlyInAnyOrder("createCluster", "terminateCluster");
        // No .sync waits for a Glue crawler or a Redshift Data API statement: nothing to suggest.
        assertThat(IntegrationCatalog.syncsReplacing("arn:aws:states:::aws-sdk:glue:getCrawler")).isEmpty();
        assertThat(IntegrationCatalog.syncsReplacing("arn:aws:states:::aws-sdk:redshiftdata:describeStatement")).isEmpty();
        assertThat(IntegrationCatalog.hasSync("sfn")).isTrue();
    }

    @Test
    void everyPolledActionSupportsSync() {
        long polled = IntegrationCatalog.all().stream().filter(i -> !IntegrationCatalog.pollersOf(i).isEmpty()).peek(i ->
                assertThat(i.patterns()).as(i.service() + ":" + i.action()).containsAnyOf(IntegrationPattern.SYNC, IntegrationPattern.SYNC2)).count();
        // eks:runJob.sync waits for a Kubernetes job, which a loop would poll through eks:call, not a status action.
        long sync = IntegrationCatalog.all().stream().filter(i -> i.patterns().contains(IntegrationPattern.SYNC))
                .filter(i -> !(i.service().equals("eks") && i.action().equals("runJob"))).count();
        assertThat(polled).isEqualTo(sync);
    }
}
