package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cost versus volume for two options and the volume where the cheaper one swaps: the one cost-curve and break-even
 * algorithm of every rule, state machine and DAG alike. A break-even is bracketed on a geometric grid of volumes (the
 * first two neighbours whose cheaper option differs, volumes where both cost the same skipped) and refined by Illinois
 * regula falsi, which is exact in one step for the affine costs the rules compare (a fixed part plus a price per
 * execution or run) and converges for any continuous cost. The costs are assumed continuous and non-decreasing in
 * volume. Two windows, because the two kinds of advice are read differently:
 * <ul>
 *   <li>{@link #aroundCurrent}: a state machine's rule, sampled from a tenth to ten times today's volume (does the
 *       advice still hold at ten times, or a tenth of, today's executions?);</li>
 *   <li>{@link #fromOne}: a DAG's platform verdict, from 1 run a month to a multiple of today's runs, searched much
 *       further for the break-even (how many runs until the other platform pays?).</li>
 * </ul>
 */
public final class CostCurves {

    /** Samples of an {@link #aroundCurrent} curve. */
    public static final int AROUND_POINTS = 12;
    private static final int SEARCH_GRID = 100;

    private CostCurves() {
    }

    /**
     * The curve from a tenth to ten times {@code currentVolume} ({@value #AROUND_POINTS} geometric samples rounded to
     * 6 significant digits; from 1 to 10 when the volume is 0), with the break-even between the samples when the
     * cheaper option swaps there.
     *
     * @param costA monthly cost of the current option at a volume
     * @param costB monthly cost of the proposed option at a volume
     */
    public static CostCurve aroundCurrent(String volumeUnit, String optionA, String optionB, BigDecimal currentVolume,
                                          Function<BigDecimal, BigDecimal> costA,
                                          Function<BigDecimal, BigDecimal> costB) {
        List<BigDecimal> volumes = aroundVolumes(currentVolume);
        List<CostCurve.Point> points = new ArrayList<>();
        for (BigDecimal v : volumes) {
            points.add(new CostCurve.Point(v, costA.apply(v), costB.apply(v)));
        }
        List<Double> grid = new ArrayList<>();
        volumes.forEach(v -> grid.add(v.doubleValue()));
        Optional<BigDecimal> breakEven = breakEven(grid, costA, costB)
                .map(v -> new BigDecimal(v).round(MathContext.DECIMAL64).stripTrailingZeros());
        return new CostCurve(volumeUnit, optionA, optionB, points, breakEven);
    }

    /** {@value #AROUND_POINTS} volumes from a tenth to ten times {@code current}, ascending (6 significant digits). */
    public static List<BigDecimal> aroundVolumes(BigDecimal current) {
        double c = current.signum() > 0 ? current.doubleValue() : 1.0;
        double lo = current.signum() > 0 ? c / 10 : 1.0;
        double hi = current.signum() > 0 ? c * 10 : 10.0;
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < AROUND_POINTS; i++) {
            double v = lo * Math.pow(hi / lo, i / (double) (AROUND_POINTS - 1));
            BigDecimal b = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            if (out.isEmpty() || b.compareTo(out.get(out.size() - 1)) > 0) {
                out.add(b.scale() < 0 ? b.setScale(0) : b);
            }
        }
        return out;
    }

    /**
     * The curve from 1 to {@code maxMultiple} × {@code currentVolume} ({@code points} geometric samples rounded to
     * whole volumes, plus the current volume and the break-even rounded), extended to 1.25 × the break-even when it
     * lies beyond; the break-even is searched from 1 to {@code searchMultiple} × the current volume and given to
     * hundredths.
     */
    public static CostCurve fromOne(String volumeUnit, String optionA, String optionB, BigDecimal currentVolume,
                                    Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB,
                                    int points, int maxMultiple, int searchMultiple) {
        double current = Math.max(1, currentVolume.doubleValue());
        double ratio = Math.pow(Math.max(current * searchMultiple, 1.0001), 1.0 / SEARCH_GRID);
        List<Double> grid = new ArrayList<>();
        for (int i = 0; i <= SEARCH_GRID; i++) {
            grid.add(Math.pow(ratio, i));
        }
        Optional<BigDecimal> breakEven = breakEven(grid, costA, costB)
                .map(v -> BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
        double max = Math.max(current * maxMultiple, 2);
        if (breakEven.isPresent() && breakEven.get().doubleValue() * 1.25 > max) {
            max = breakEven.get().doubleValue() * 1.25;
        }
        TreeSet<BigDecimal> volumes = new TreeSet<>();
        for (int i = 0; i < points; i++) {
            volumes.add(BigDecimal.valueOf(Math.round(Math.pow(max, i / (double) (points - 1)))));
        }
        if (currentVolume.signum() > 0) {
            volumes.add(currentVolume.setScale(0, RoundingMode.HALF_UP));
        }
        breakEven.ifPresent(b -> volumes.add(b.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE)));
        List<CostCurve.Point> out = new ArrayList<>();
        for (BigDecimal v : volumes) {
            out.add(new CostCurve.Point(v, costA.apply(v), costB.apply(v)));
        }
        return new CostCurve(volumeUnit, optionA, optionB, out, breakEven);
    }

    /**
     * The volume where {@code costA − costB} changes sign, searched over {@code grid} (ascending): the first pair of
     * grid volumes with opposite, non-zero signs (zeros between them skipped), refined; empty when the sign never
     * changes on the grid.
     */
    static Optional<Double> breakEven(List<Double> grid, Function<BigDecimal, BigDecimal> costA,
                                      Function<BigDecimal, BigDecimal> costB) {
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        double lo = grid.get(0);
        int loSign = sign(lo, costA, costB);
        for (int i = 1; i < grid.size(); i++) {
            double hi = grid.get(i);
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
    private static double refine(double lo, double hi, Function<BigDecimal, BigDecimal> costA,
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
        return mid;
    }

    private static double diff(double v, Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        BigDecimal x = BigDecimal.valueOf(v);
        return costA.apply(x).subtract(costB.apply(x)).round(MathContext.DECIMAL128).doubleValue();
    }

    private static int sign(double v, Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        return (int) Math.signum(diff(v, costA, costB));
    }
}
