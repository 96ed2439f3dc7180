package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Monthly cost of two options over a range of volumes, and the volume at which the cheaper one changes.
 *
 * @param volumeUnit     what the volume counts ("executions per month", "items per execution")
 * @param optionA        name of the current option
 * @param optionB        name of the proposed option
 * @param points         sampled volumes with both costs, ascending by volume
 * @param breakEvenVolume the volume where the cheaper option swaps, when there is one in range
 */
public record CostCurve(String volumeUnit, String optionA, String optionB, List<Point> points,
                        Optional<BigDecimal> breakEvenVolume) {
    public CostCurve {
        points = List.copyOf(points);
    }

    public record Point(BigDecimal volume, BigDecimal costA, BigDecimal costB) {
    }
}
