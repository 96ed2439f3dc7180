package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * When the answer for an environment changes, said plainly: the runs a month (every DAG's runs scaled together) at
 * which the chosen plan stops paying back, or at which the best move would start to, and the DAG features that decide
 * it (hard blockers, the costliest parts of the moved DAGs). It answers "when should we keep MWAA?".
 *
 * @param currentRunsPerMonth   the environment's DAG runs a month now
 * @param breakEvenRunsPerMonth the runs a month where the answer flips, when there is one in 1/1000..1000 × now
 * @param direction             "above" (the chosen move stops paying above it) or "below" (the move pays below it)
 * @param decidingFeatures      DAG features that decide the answer, one sentence each
 * @param summary               the answer in a paragraph
 * @param hourlyRate            the cost of an engineer-hour the plans' work was priced at
 * @param horizonMonths         the months within which a plan's work must pay back
 */
public record EnvironmentConditions(BigDecimal currentRunsPerMonth, Optional<BigDecimal> breakEvenRunsPerMonth,
                                    String direction, List<String> decidingFeatures, String summary,
                                    BigDecimal hourlyRate, BigDecimal horizonMonths) {

    public EnvironmentConditions {
        decidingFeatures = List.copyOf(decidingFeatures);
    }
}
