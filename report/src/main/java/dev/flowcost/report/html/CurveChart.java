package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.report.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Draws a finding's cost curve: monthly cost of option A and option B against volume, with the break-even volume
 * marked by a circle and a label. Positions are display arithmetic only; the costs are the curve's own points.
 */
final class CurveChart {

    static final double WIDTH = 560;
    static final double HEIGHT = 260;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    private static final double TOP = 24;
    private static final double BOTTOM = 44;

    private CurveChart() {
    }

    static String draw(CostCurve curve, String label) {
        List<CostCurve.Point> points = curve.points();
        Svg svg = new Svg(WIDTH, HEIGHT, "curve", label);
        double minX = points.isEmpty() ? 0 : points.get(0).volume().doubleValue();
        double maxX = points.isEmpty() ? 1 : points.get(points.size() - 1).volume().doubleValue();
        double maxY = 0;
        for (CostCurve.Point p : points) {
            maxY = Math.max(maxY, Math.max(p.costA().doubleValue(), p.costB().doubleValue()));
        }
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        if (maxY <= 0) {
            maxY = 1;
        }
        Scale scale = new Scale(minX, maxX, maxY);
        double bottom = HEIGHT - BOTTOM;
        svg.line(LEFT, TOP, LEFT, bottom, "axis", null).line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis", null);
        svg.text(LEFT - 6, TOP + 4, Money.usd(BigDecimal.valueOf(maxY)), "end", "tick");
        svg.text(LEFT - 6, bottom, "$0", "end", "tick");
        svg.text(LEFT, bottom + 16, Money.count(BigDecimal.valueOf(minX)), "start", "tick");
        svg.text(WIDTH - RIGHT, bottom + 16, Money.count(BigDecimal.valueOf(maxX)), "end", "tick");
        svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, curve.volumeUnit(), "middle", "axis-label");

        double[] xs = new double[points.size()];
        double[] ya = new double[points.size()];
        double[] yb = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            CostCurve.Point p = points.get(i);
            xs[i] = scale.x(p.volume().doubleValue());
            ya[i] = scale.y(p.costA().doubleValue());
            yb[i] = scale.y(p.costB().doubleValue());
        }
        svg.polyline(xs, ya, "series-a").polyline(xs, yb, "series-b");
        svg.line(LEFT + 10, TOP - 10, LEFT + 30, TOP - 10, "series-a", null)
                .text(LEFT + 34, TOP - 6, curve.optionA(), "start", "legend");
        svg.line(LEFT + 230, TOP - 10, LEFT + 250, TOP - 10, "series-b", null)
                .text(LEFT + 254, TOP - 6, curve.optionB(), "start", "legend");

        curve.breakEvenVolume().ifPresent(v -> {
            double volume = v.doubleValue();
            double cost = costAt(points, volume);
            double x = scale.x(volume);
            double y = scale.y(cost);
            svg.circle(x, y, 5, "break-even");
            svg.text(x, Math.max(TOP + 10, y - 10), "break-even at " + Money.count(v) + " " + curve.volumeUnit(),
                    x > WIDTH / 2 ? "end" : "start", "break-even-label");
        });
        return svg.end();
    }

    /** Option A's cost at a volume, read off the drawn line (linear between the two nearest points). */
    private static double costAt(List<CostCurve.Point> points, double volume) {
        if (points.isEmpty()) {
            return 0;
        }
        CostCurve.Point previous = points.get(0);
        for (CostCurve.Point p : points) {
            double pv = p.volume().doubleValue();
            if (pv >= volume) {
                double v0 = previous.volume().doubleValue();
                double c0 = previous.costA().doubleValue();
                double c1 = p.costA().doubleValue();
                return pv == v0 ? c1 : c0 + (c1 - c0) * (volume - v0) / (pv - v0);
            }
            previous = p;
        }
        return previous.costA().doubleValue();
    }

    private record Scale(double minX, double maxX, double maxY) {
        double x(double volume) {
            return LEFT + (volume - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
        }

        double y(double cost) {
            return HEIGHT - BOTTOM - cost / maxY * (HEIGHT - BOTTOM - TOP);
        }
    }
}
