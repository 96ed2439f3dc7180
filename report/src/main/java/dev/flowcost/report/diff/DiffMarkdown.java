package dev.flowcost.report.diff;

import dev.flowcost.report.Money;

import java.math.BigDecimal;

/**
 * A {@link DiffResult} as a pull-request comment (GitHub-flavoured Markdown): the budget verdict on top, a table of
 * the workflows whose cost moved (the unchanged ones counted in one line), each change broken down by billed
 * component, and the free-tier credits on a line of their own, since they are why the estate's total is not the sum
 * of the rows. Money in cents. Every name from the analysis is escaped, so a workflow name cannot inject Markdown,
 * HTML or a link into the comment.
 */
final class DiffMarkdown {

    private DiffMarkdown() {
    }

    static String render(DiffResult diff, BigDecimal budget) {
        StringBuilder md = new StringBuilder();
        md.append("### flowcost: monthly cost ").append(DiffResult.signed(diff.totalChange())).append('\n').append('\n');
        md.append(verdict(diff, budget)).append('\n').append('\n');
        if (diff.moved().isEmpty()) {
            md.append("No workflow's monthly cost changed.\n");
        } else {
            md.append("| Workflow | Before | After | Change |\n|---|---:|---:|---:|\n");
            for (DiffResult.WorkflowChange w : diff.moved()) {
                md.append("| ").append(escape(w.name())).append(status(w.status())).append(" | ")
                        .append(Money.usd(w.before())).append(" | ").append(Money.usd(w.after())).append(" | ")
                        .append(DiffResult.signed(w.change())).append(" |\n");
            }
        }
        md.append('\n');
        if (diff.unchangedCount() > 0) {
            md.append(diff.unchangedCount()).append(diff.unchangedCount() == 1 ? " workflow is" : " workflows are")
                    .append(" unchanged and not listed.\n\n");
        }
        if (diff.creditsBefore().signum() != 0 || diff.creditsAfter().signum() != 0) {
            md.append("Free-tier credits (applied once to the whole estate, so the total is not the sum of the rows): ")
                    .append(Money.usd(diff.creditsBefore())).append(" → ").append(Money.usd(diff.creditsAfter()))
                    .append(" (").append(DiffResult.signed(diff.creditsChange())).append(").\n\n");
        }
        md.append("**Estate total:** ").append(Money.usd(diff.totalBefore())).append(" → ")
                .append(Money.usd(diff.totalAfter())).append(" a month (").append(DiffResult.signed(diff.totalChange()))
                .append(").\n");
        for (DiffResult.WorkflowChange w : diff.moved()) {
            if (w.components().isEmpty()) {
                continue;
            }
            md.append("\n<details><summary>What changed in ").append(escape(w.name())).append("</summary>\n\n");
            for (DiffResult.ComponentChange c : w.components()) {
                md.append("- ").append(escape(c.component())).append(": ").append(quantity(c.quantityBefore()))
                        .append(" → ").append(quantity(c.quantityAfter())).append(' ').append(escape(plural(c.unit())))
                        .append(c.perRun() ? " a run" : " a month").append(" (").append(Money.usd(c.amountBefore()))
                        .append(" → ").append(Money.usd(c.amountAfter())).append(" a month, ")
                        .append(DiffResult.signed(c.change())).append(")\n");
            }
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    private static String verdict(DiffResult diff, BigDecimal budget) {
        if (budget == null) {
            return "No budget set (`--fail-over`).";
        }
        String over = "rises by " + Money.usd(diff.totalChange()) + ", over the budget of " + Money.usd(budget);
        return diff.exceeds(budget) ? "**Over budget:** the monthly cost " + over + "."
                : "**Within budget** (" + Money.usd(budget) + " a month).";
    }

    /** A quantity with grouping; small ones to four significant digits, so 0.0004 GB-hours does not read as 0. */
    private static String quantity(BigDecimal q) {
        if (q.signum() != 0 && q.abs().compareTo(BigDecimal.TEN) < 0) {
            return q.round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return Money.count(q);
    }

    private static String plural(String unit) {
        return unit.isEmpty() || unit.endsWith("s") || unit.contains("/") ? unit : unit + "s";
    }

    private static String status(DiffResult.Status status) {
        return status == DiffResult.Status.ADDED ? " (added)" : status == DiffResult.Status.REMOVED ? " (removed)" : "";
    }

    /** Backslash-escapes Markdown punctuation and HTML brackets; control characters become spaces. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(' ');
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else if ("\\`*_[]|~".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
