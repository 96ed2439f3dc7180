package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.cost.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cost of two options over runs a month and the volume where the cheaper one swaps: one pure function for every DAG,
 * whatever the two cost functions are, as long as each is continuous and non-decreasing in volume (the costs here
 * are affine: a fixed part plus a price per run).
 *
 * <p>The break-even is searched from 1 run a month up to {@link #SEARCH_MULTIPLE} × the current volume on a geometric
 * grid, then refined by regula falsi (exact in one step for affine costs). The curve's points run from 1 to
 * {@link MigrationDefaults#CURVE_MAX_MULTIPLE} × current, extended to 1.25 × the break-even when it lies beyond, plus
 * the current volume and the break-even rounded to a whole run.
 */
public final class VolumeCurve {

    /** How far beyond the current volume a break-even is looked for. */
    public static final int SEARCH_MULTIPLE = 1000;
    private static final int GRID = 100;

    private VolumeCurve() {
    }

    /** The curve of {@code costA} (current option) against {@code costB} around {@code currentVolume}. */
    public static CostCurve curve(String volumeUnit, String optionA, String optionB, BigDecimal currentVolume,
                                  Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        double current = Math.max(1, currentVolume.doubleValue());
        Optional<BigDecimal> breakEven = breakEven(current * SEARCH_MULTIPLE, costA, costB);
        double max = Math.max(current * MigrationDefaults.CURVE_MAX_MULTIPLE, 2);
        if (breakEven.isPresent() && breakEven.get().doubleValue() * 1.25 > max) {
            max = breakEven.get().doubleValue() * 1.25;
        }
        TreeSet<BigDecimal> volumes = new TreeSet<>();
        int n = MigrationDefaults.CURVE_POINTS;
        for (int i = 0; i < n; i++) {
            double v = Math.pow(max, i / (double) (n - 1));
            volumes.add(BigDecimal.valueOf(Math.round(v)));
        }
        if (currentVolume.signum() > 0) {
            volumes.add(currentVolume.setScale(0, RoundingMode.HALF_UP));
        }
        breakEven.ifPresent(b -> volumes.add(b.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE)));
        List<CostCurve.Point> points = new ArrayList<>();
        for (BigDecimal v : volumes) {
            points.add(new CostCurve.Point(v, costA.apply(v), costB.apply(v)));
        }
        return new CostCurve(volumeUnit, optionA, optionB, points, breakEven);
    }

    /**
     * The volume in [1, maxVolume] where {@code costA − costB} changes sign, when it does; rounded to 2 decimals
     * (hundredths of a run).
     */
    private static Optional<BigDecimal> breakEven(double maxVolume, Function<BigDecimal, BigDecimal> costA,
                                                  Function<BigDecimal, BigDecimal> costB) {
        double lo = 1;
        int loSign = sign(lo, costA, costB);
        double ratio = Math.pow(Math.max(maxVolume, 1.0001), 1.0 / GRID);
        for (int i = 1; i <= GRID; i++) {
            double hi = Math.pow(ratio, i);
            int hiSign = sign(hi, costA, costB);
            if (loSign != 0 && hiSign != 0 && hiSign != loSign) {
                return Optional.of(refine(lo, hi, costA, costB));
            }
            if (hiSign != 0) {
                lo = hi;
                loSign = hiSign;
            }
        }
        return Optional.empty();
    }

    /** Illinois regula falsi on a bracket whose ends differ in sign; exact in one step for affine costs. */
    private static BigDecimal refine(double lo, double hi, Function<BigDecimal, BigDecimal> costA,
                                     Function<BigDecimal, BigDecimal> costB) {
        double dLo = diff(lo, costA, costB);
        double dHi = diff(hi, costA, costB);
        double mid = lo;
        int side = 0;
        for (int i = 0; i < 100; i++) {
            double next = lo + (hi - lo) * dLo / (dLo - dHi);
            if (!(next > lo && next < hi)) {
                next = (lo + hi) / 2;
            }
            boolean settled = Math.abs(next - mid) < 1e-7 * Math.max(1, next);
            mid = next;
            double dMid = diff(mid, costA, costB);
            if (dMid == 0 || settled || hi - lo < 1e-9 * Math.max(1, hi)) {
                break;
            }
            if (Math.signum(dMid) == Math.signum(dLo)) {
                lo = mid;
                dLo = dMid;
                if (side == -1) {
                    dHi /= 2;
                }
                side = -1;
            } else {
                hi = mid;
                dHi = dMid;
                if (side == 1) {
                    dLo /= 2;
                }
                side = 1;
            }
        }
        return BigDecimal.valueOf(mid).setScale(2, RoundingMode.HALF_UP);
    }

    private static double diff(double v, Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        BigDecimal x = BigDecimal.valueOf(v);
        return costA.apply(x).subtract(costB.apply(x)).round(Money.DIVISION).doubleValue();
    }

    private static int sign(double v, Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        return (int) Math.signum(diff(v, costA, costB));
    }
}
