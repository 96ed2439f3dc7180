package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostCurves;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The DAG verdict's window on {@link CostCurves}, the one cost-curve algorithm: from 1 run a month to
 * {@link MigrationDefaults#CURVE_MAX_MULTIPLE} × the current runs in {@link MigrationDefaults#CURVE_POINTS} points,
 * the break-even searched up to {@link #SEARCH_MULTIPLE} × the current runs.
 */
public final class VolumeCurve {

    /** How far beyond the current volume a break-even is looked for. */
    public static final int SEARCH_MULTIPLE = 1000;

    private VolumeCurve() {
    }

    /** The curve of {@code costA} (current option) against {@code costB} around {@code currentVolume}. */
    public static CostCurve curve(String volumeUnit, String optionA, String optionB, BigDecimal currentVolume,
                                  Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        return CostCurves.fromOne(volumeUnit, optionA, optionB, currentVolume, costA, costB,
                MigrationDefaults.CURVE_POINTS, MigrationDefaults.CURVE_MAX_MULTIPLE, SEARCH_MULTIPLE);
    }
}
