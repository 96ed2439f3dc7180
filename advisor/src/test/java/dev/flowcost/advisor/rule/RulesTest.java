package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdviseFixtures;
import dev.flowcost.advisor.StateMachineInput;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule on cases where it must fire and where it must not. */
class RulesTest {

    static StateMachineContext ctx(String name, String fixture, String workloadYaml) {
        StateMachineInput sm = AdviseFixtures.machine(name, fixture);
        Workload w = AdviseFixtures.workload(workloadYaml);
        return Advisor.context(sm, w, PriceBook.bundled(), w.region());
    }

    @Test
    void standardToExpressFiresForAShortHighVolumeWorkflow() {
        StateMachineContext c = ctx("four", "standard-four-pass-states.asl.json",
                "workflows:\n  four:\n    executionsPerMonth: 3000000\n");
        List<Finding> f = new StandardToExpress().apply(c);
        assertThat(f).hasSize(1);
        // 3,000,000 × 4 transitions × $0.000025 = $300 as Standard
        assertThat(f.get(0).monthlyCostNow()).isEqualByComparingTo("300");
        assertThat(f.get(0).monthlySaving()).isPositive();
        assertThat(f.get(0).curve()).isPresent();
    }

    @Test
    void noStandardToExpressWhenATaskWaitsForCompletion() {
        StateMachineContext c = ctx("job", "sync-glue-job.asl.json",
                "workflows:\n  job:\n    executionsPerMonth: 3000000\n    states:\n      RunJob: {durationSeconds: 1}\n");
        assertThat(new StandardToExpress().apply(c)).isEmpty();
    }

    @Test
    void noStandardToExpressWhenExecutionsMayOutrunFiveMinutes() {
        // 200 s mean, p95 350 s (lognormal): far more than 1 % of executions pass Express's 300 s
        StateMachineContext c = ctx("pub", "express-one-task.asl.json",
                "workflows:\n  pub:\n    executionsPerMonth: 3000000\n    states:\n"
                        + "      Publish: {durationSeconds: 200, p95Seconds: 350}\n");
        assertThat(WorkflowTypeOptions.expressLimit(c).stops()).isTrue();
        assertThat(new StandardToExpress().apply(c)).isEmpty();
    }

    @Test
    void expressToStandardFiresWhenExpressRunsLong() {
        // as Express: 200 s × 64 MB = 12.5 GB-s ≈ $0.000208 + $0.000001 per run; as Standard 1 transition = $0.000025
        StateMachineContext c = ctx("pub", "express-one-task.asl.json",
                "workflows:\n  pub:\n    workflowType: EXPRESS\n    executionsPerMonth: 10000\n    billedMemoryMb: 64\n"
                        + "    states:\n      Publish: {durationSeconds: 200}\n");
        List<Finding> f = new ExpressToStandard().apply(c);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).monthlyCostAfter()).isEqualByComparingTo("0.25");
        assertThat(f.get(0).monthlySaving()).isPositive();
    }

    @Test
    void noExpressToStandardWhenExpressIsCheaper() {
        StateMachineContext c = ctx("pub", "express-one-task.asl.json",
                "workflows:\n  pub:\n    workflowType: EXPRESS\n    executionsPerMonth: 10000\n    billedMemoryMb: 64\n"
                        + "    states:\n      Publish: {durationSeconds: 0.1}\n");
        assertThat(new ExpressToStandard().apply(c)).isEmpty();
    }

    @Test
    void pollingLoopOnGlueBecomesSync() {
        StateMachineContext c = ctx("glue-poller", "polling-loop-glue.asl.json",
                "workflows:\n  glue-poller:\n    executionsPerMonth: 30\n    states:\n"
                        + "      JobDone?:\n        branches: {\"0\": 0.02, \"1\": 0.0, \"Default\": 0.98}\n");
        List<Finding> f = new PollingLoopToSync().apply(c);
        assertThat(f).hasSize(1);
        Finding finding = f.get(0);
        assertThat(finding.targets()).contains("WaitForJob", "GetJobRun", "JobDone?");
        assertThat(finding.change().kind()).isEqualTo(Change.Kind.ASL);
        assertThat(finding.change().content()).contains("arn:aws:states:::glue:startJobRun.sync");
        // 50 polls a run × 3 states + the last check ≈ 150 transitions a run; after, StartJob itself waits (its own
        // transition is billed as before and left out of both sides): the loop's transitions are all saved
        assertThat(finding.monthlyCostNow().doubleValue()).isGreaterThan(30 * 140 * 0.000025);
        assertThat(finding.monthlyCostAfter()).isEqualByComparingTo("0");
        assertThat(finding.targets()).startsWith("StartJob");
        assertThat(new dev.flowcost.core.asl.AslReader().read("changed.asl.json",
                finding.change().definition().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasErrors()).isFalse();
    }

    @Test
    void aLoopThatDoesNotPollIsLeftAlone() {
        StateMachineContext c = ctx("notify", "polling-loop-sns.asl.json",
                "workflows:\n  notify:\n    executionsPerMonth: 1000\n");
        assertThat(new PollingLoopToSync().apply(c)).isEmpty();
    }

    @Test
    void noMapRulesOnExpressWorkflows() {
        StateMachineContext c = ctx("orders", "map-inline-10000-items.asl.json",
                AdviseFixtures.seedTrapWorkload(10_000, 0.05, 720).replace("STANDARD", "EXPRESS"));
        assertThat(new InlineMapToDistributedMap().apply(c)).isEmpty();
        assertThat(new LoopInsideLambda().apply(c)).isEmpty();
        assertThat(new InlineMapQuotaRisks().apply(c)).isEmpty();
    }

    @Test
    void maxBatchHonoursTimeAndPayload() {
        assertThat(InlineMapToDistributedMap.maxBatch(1.0, java.math.BigDecimal.valueOf(10_000))).isEqualTo(240);
        assertThat(InlineMapToDistributedMap.maxBatch(2.0, java.math.BigDecimal.valueOf(10_000))).isEqualTo(120);
        assertThat(InlineMapToDistributedMap.maxBatch(0.01, java.math.BigDecimal.valueOf(50))).isEqualTo(50);
        assertThat(InlineMapToDistributedMap.maxBatch(300, java.math.BigDecimal.valueOf(50))).isEqualTo(1);
    }
}
