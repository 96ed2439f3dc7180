package dev.flowcost.cli;

import dev.flowcost.advisor.analysis.Analysis;
import java.io.PrintWriter;
import java.math.BigDecimal;

/** The {@code --fail-over} gate: exit 1 when the estate's monthly cost is over the budget. */
final class Budget {
    private Budget() {
    }

    static int exitCode(Analysis analysis, BigDecimal failOver, PrintWriter err) {
        if (failOver == null) {
            return ExitCode.OK.code();
        }
        BigDecimal now = analysis.totals().monthlyCostNow();
        if (now.compareTo(failOver) > 0) {
            err.println("flowcost: monthly cost " + dev.flowcost.report.Money.usd(now) + " is over the budget of "
                    + dev.flowcost.report.Money.usd(failOver));
            return ExitCode.OVER_BUDGET.code();
        }
        return ExitCode.OK.code();
    }
}
