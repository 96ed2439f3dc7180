package dev.flowcost.report.html;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.report.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one formatting helper the HTML templates call (as {@code fmt}): the templates take the analysis records as
 * they are and ask this for every text a record does not hold as such (money, counts, unit prices, tiers, anchors,
 * an environment's chosen plan), so a field is named once, in its record, and formatted once, here.
 */
public final class HtmlFormat {

    static final HtmlFormat INSTANCE = new HtmlFormat();

    private HtmlFormat() {
    }

    /** Money in dollars and cents ("$1,234.56"). */
    public String usd(BigDecimal amount) {
        return Money.usd(amount);
    }

    /** A count or quantity, grouped, to two decimals at most ("12,500", "0.25"). */
    public String count(BigDecimal value) {
        return Money.count(value);
    }

    /** A unit price in full ($0.000025): prices are too small for cents. */
    public String price(BigDecimal price) {
        return (price.signum() < 0 ? "-$" : "$") + price.abs().stripTrailingZeros().toPlainString();
    }

    /** A cost item as its row of a cost table shows it. */
    public record CostLine(String component, String quantity, String tier, String unitPrice, String amount) {
    }

    /**
     * The rows of a cost table, formatted in one call: a table has a row per billed component, and an estate's pages
     * have many tables, so the template asks once per table rather than five times per row.
     */
    public List<CostLine> lines(List<CostItem> items) {
        List<CostLine> lines = new java.util.ArrayList<>(items.size());
        for (CostItem i : items) {
            lines.add(new CostLine(i.component(), quantity(i), tier(i), price(i.unitPrice()), usd(i.monthlyAmount())));
        }
        return lines;
    }

    /** A cost item's billed quantity with its unit ("25,000 transition"). */
    public String quantity(CostItem i) {
        return Money.count(i.billedQuantity()) + " " + i.unit();
    }

    /** A cost item's price tier ("0–4,000", "from 4,000"), empty for a first tier with no end. */
    public String tier(CostItem i) {
        return i.tierEnd().map(end -> Money.count(i.tierStart()) + "–" + Money.count(end))
                .orElse(i.tierStart().signum() == 0 ? "" : "from " + Money.count(i.tierStart()));
    }

    /** The anchor of a workflow's inline details. */
    public String anchor(String workflow) {
        return HtmlReport.anchor(workflow);
    }

    /** The values joined by {@code separator}. */
    public String joined(List<String> values, String separator) {
        return String.join(separator, values);
    }

    /** An enum constant in lower case ("high"). */
    public String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The text, or empty. */
    public String text(Optional<String> value) {
        return value.orElse("");
    }

    /** Whether a change is a definition to show as code. */
    public boolean isCode(Change change) {
        return change.kind() == Change.Kind.ASL;
    }

    /** A free tier's use ("1,200 of 4,000"). */
    public String used(FreeTierCredit c) {
        return Money.count(c.usedQuantity()) + " of " + Money.count(c.freeQuantity());
    }

    /** The plan an environment's card answers with: the chosen one, else the first. */
    public PlanOption chosen(EnvironmentAnalysis e) {
        return e.chosenPlan().orElse(e.plans().get(0));
    }

    /** A plan's work in hours and money ("40 h ($4,000.00)"). */
    public String effort(PlanOption p) {
        return WorkItem.trim(p.effortHours()) + " h (" + Money.usd(p.effortCost()) + ")";
    }

    /** A plan's payback ("6 months", "never", "no work" for keeping the environment). */
    public String payback(PlanOption p) {
        if (p.name().equals(PlanOption.KEEP)) {
            return "no work";
        }
        return p.paybackMonths().map(m -> m.toPlainString() + " months" + (p.paysBack() ? "" : " (beyond the horizon)"))
                .orElse("never");
    }

    /** The sentences of a plan's work items. */
    public List<String> work(PlanOption p) {
        return p.workItems().stream().map(WorkItem::sentence).toList();
    }

    /** When an environment's answer changes, in one sentence (empty when not known). */
    public String conditions(EnvironmentAnalysis e) {
        return e.conditions().map(c -> c.summary()).orElse("");
    }

    /** What decides an environment's answer. */
    public List<String> decidingFeatures(EnvironmentAnalysis e) {
        return e.conditions().map(c -> c.decidingFeatures()).orElse(List.of());
    }
}
