package dev.flowcost.core.simulate.dag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.core.dag.TriggerRule;
import dev.flowcost.core.simulate.dag.TriggerRules.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriggerRulesTest {

    // Columns: rule, upstreams, success, failed, upstream_failed, skipped, decision (Airflow trigger-rule docs).
    @ParameterizedTest(name = "{0} with {1} upstreams ({2} ok, {3} failed, {4} upstream_failed, {5} skipped) → {6}")
    @CsvSource({
        "ALL_SUCCESS, 2, 2, 0, 0, 0, RUN",
        "ALL_SUCCESS, 2, 1, 0, 0, 0, WAIT",
        "ALL_SUCCESS, 2, 0, 1, 0, 0, UPSTREAM_FAILED",
        "ALL_SUCCESS, 2, 1, 0, 0, 1, SKIP",
        "ALL_SUCCESS, 2, 0, 0, 1, 0, UPSTREAM_FAILED",
        "ALL_FAILED, 2, 0, 2, 0, 0, RUN",
        "ALL_FAILED, 2, 0, 1, 1, 0, RUN",
        "ALL_FAILED, 2, 1, 0, 0, 0, SKIP",
        "ALL_DONE, 3, 1, 1, 0, 1, RUN",
        "ALL_DONE, 3, 1, 1, 0, 0, WAIT",
        "ALL_SKIPPED, 2, 0, 0, 0, 2, RUN",
        "ALL_SKIPPED, 2, 1, 0, 0, 0, SKIP",
        "ONE_SUCCESS, 3, 1, 0, 0, 0, RUN",
        "ONE_SUCCESS, 2, 0, 1, 0, 1, UPSTREAM_FAILED",
        "ONE_SUCCESS, 2, 0, 0, 0, 2, SKIP",
        "ONE_FAILED, 3, 0, 1, 0, 0, RUN",
        "ONE_FAILED, 2, 1, 0, 0, 1, SKIP",
        "ONE_FAILED, 2, 1, 0, 0, 0, WAIT",
        "ONE_DONE, 2, 0, 1, 0, 0, RUN",
        "ONE_DONE, 2, 0, 0, 0, 2, SKIP",
        "NONE_FAILED, 2, 1, 0, 0, 1, RUN",
        "NONE_FAILED, 2, 0, 0, 0, 2, RUN",
        "NONE_FAILED, 2, 1, 1, 0, 0, UPSTREAM_FAILED",
        "NONE_FAILED_MIN_ONE_SUCCESS, 2, 1, 0, 0, 1, RUN",
        "NONE_FAILED_MIN_ONE_SUCCESS, 2, 0, 0, 0, 2, SKIP",
        "NONE_FAILED_MIN_ONE_SUCCESS, 2, 0, 0, 1, 0, UPSTREAM_FAILED",
        "NONE_SKIPPED, 2, 1, 1, 0, 0, RUN",
        "NONE_SKIPPED, 2, 1, 0, 0, 1, SKIP",
        "ALWAYS, 2, 0, 0, 0, 0, RUN",
        "ALL_SUCCESS, 0, 0, 0, 0, 0, RUN",
    })
    void decidesAsAirflowDoes(TriggerRule rule, int upstreams, int success, int failed, int upstreamFailed,
                              int skipped, Decision expected) {
        assertThat(TriggerRules.decide(rule, upstreams, success, failed, upstreamFailed, skipped)).isEqualTo(expected);
    }
}
