package dev.flowcost.advisor.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a formula produced, in order; the total is their exact sum. Breakdowns add up so a workflow's bill can
 * be assembled from the formulas for its parts (parent transitions plus Express children, say).
 */
public record CostBreakdown(List<CostLine> lines) {

    public CostBreakdown {
        lines = List.copyOf(lines);
    }

    public static CostBreakdown of(CostLine... lines) {
        return new CostBreakdown(List.of(lines));
    }

    public static CostBreakdown empty() {
        return new CostBreakdown(List.of());
    }

    /** Exact sum of the line amounts (round only for display, see {@link Money#cents(BigDecimal)}). */
    public BigDecimal total() {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The lines of both breakdowns, this one first. */
    public CostBreakdown plus(CostBreakdown other) {
        List<CostLine> all = new ArrayList<>(lines);
        all.addAll(other.lines);
        return new CostBreakdown(all);
    }

    /** Sum of the quantities of the lines whose price key is {@code priceKey} (e.g. free quantity used). */
    public BigDecimal quantityFor(String priceKey) {
        return lines.stream().filter(l -> l.priceKey().equals(priceKey)).map(CostLine::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
