package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostCurve;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cost versus volume for two options and the volume where the cheaper one changes: the sensitivity every comparison
 * carries, so a reader sees whether a recommendation still holds at ten times (or a tenth of) today's volume.
 * Volumes are sampled geometrically from a tenth to ten times the current volume; a break-even is located by
 * bisection between two samples whose cheaper option differs.
 */
public final class BreakEven {

    /** Samples per curve. */
    private static final int POINTS = 12;
    private static final int BISECTIONS = 80;
    private static final MathContext MC = MathContext.DECIMAL64;

    private BreakEven() {
    }

    /**
     * The curve of both options around {@code currentVolume} (a tenth to ten times it; from 1 to 10 when it is 0).
     *
     * @param costA monthly cost of the current option at a volume
     * @param costB monthly cost of the proposed option at a volume
     */
    public static CostCurve curve(String volumeUnit, String optionA, String optionB, BigDecimal currentVolume,
                                  Function<BigDecimal, BigDecimal> costA, Function<BigDecimal, BigDecimal> costB) {
        List<BigDecimal> volumes = volumes(currentVolume);
        List<CostCurve.Point> points = new ArrayList<>();
        for (BigDecimal v : volumes) {
            points.add(new CostCurve.Point(v, costA.apply(v), costB.apply(v)));
        }
        Optional<BigDecimal> breakEven = Optional.empty();
        for (int i = 0; i + 1 < points.size() && breakEven.isEmpty(); i++) {
            CostCurve.Point p = points.get(i);
            CostCurve.Point q = points.get(i + 1);
            int sp = p.costA().compareTo(p.costB());
            int sq = q.costA().compareTo(q.costB());
            if (sp == 0) {
                continue;
            }
            if (sq != 0 && sp != sq) {
                breakEven = Optional.of(bisect(p.volume(), q.volume(), costA, costB, sp));
            }
        }
        return new CostCurve(volumeUnit, optionA, optionB, points, breakEven);
    }

    /**
     * The volume in {@code [lo, hi]} where {@code costA − costB} changes sign, given the sign at {@code lo}
     * ({@code signAtLo} = sign of costA − costB at lo). The result is the last volume on lo's side, to 1e-12 of the
     * interval, so that on either side of it the cheaper option differs.
     */
    private static BigDecimal bisect(BigDecimal lo, BigDecimal hi, Function<BigDecimal, BigDecimal> costA,
                                     Function<BigDecimal, BigDecimal> costB, int signAtLo) {
        BigDecimal a = lo;
        BigDecimal b = hi;
        BigDecimal two = BigDecimal.valueOf(2);
        for (int i = 0; i < BISECTIONS; i++) {
            BigDecimal mid = a.add(b).divide(two, MC);
            int s = costA.apply(mid).compareTo(costB.apply(mid));
            if (s == signAtLo) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return a.add(b).divide(two, MC);
    }

    /** {@link #POINTS} volumes from a tenth to ten times {@code current}, ascending (rounded to 6 significant digits). */
    public static List<BigDecimal> volumes(BigDecimal current) {
        double c = current.signum() > 0 ? current.doubleValue() : 1.0;
        double lo = current.signum() > 0 ? c / 10 : 1.0;
        double hi = current.signum() > 0 ? c * 10 : 10.0;
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            double v = lo * Math.pow(hi / lo, i / (double) (POINTS - 1));
            BigDecimal b = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            if (out.isEmpty() || b.compareTo(out.get(out.size() - 1)) > 0) {
                out.add(b.scale() < 0 ? b.setScale(0) : b);
            }
        }
        return out;
    }
}
