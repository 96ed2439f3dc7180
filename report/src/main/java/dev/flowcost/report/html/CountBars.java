package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.StepCount;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.Money;

/**
 * Draws where a workflow's transitions go: one horizontal bar per state or task, as long as its billed transitions
 * per execution (entries per execution for DAG tasks, which bill no transitions).
 */
final class CountBars {

    private static final double WIDTH = 640;
    private static final double ROW = 20;
    private static final double LABEL = 240;
    private static final double VALUE = 90;
    private static final int MAX_LABEL = 34;

    private CountBars() {
    }

    static String draw(WorkflowAnalysis w) {
        boolean transitions = w.steps().stream().anyMatch(s -> s.transitions() > 0);
        double max = 0;
        for (StepCount s : w.steps()) {
            max = Math.max(max, measure(s, transitions));
        }
        String unit = transitions ? "transitions / execution" : "entries / execution";
        Svg svg = new Svg(WIDTH, ROW * w.steps().size() + 28, "bars", w.name() + ": " + unit);
        svg.text(LABEL, 14, unit, "start", "axis-label");
        double barSpace = WIDTH - LABEL - VALUE;
        double y = 24;
        for (StepCount s : w.steps()) {
            double value = measure(s, transitions);
            double length = max <= 0 ? 0 : value / max * barSpace;
            svg.text(LABEL - 6, y + 13, GraphPicture.shorten(s.path(), MAX_LABEL), "end", "bar-label");
            svg.rect(LABEL, y + 2, Math.max(length, 1), ROW - 6, "bar", s.path() + " (" + s.type() + ")");
            svg.text(LABEL + length + 4, y + 13, Money.count(value), "start", "bar-value");
            y += ROW;
        }
        return svg.end();
    }

    private static double measure(StepCount s, boolean transitions) {
        return transitions ? s.transitions() : s.entries();
    }
}
