package dev.flowcost.report.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowcost.report.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * What changed in monthly cost between two analyses: per workflow (with the billed components that moved), added and
 * removed workflows, the free-tier credits, and the estate's total. Rendered as text for people, JSON for CI and
 * Markdown for a pull-request comment ({@link DiffMarkdown}).
 *
 * @param workflows     every workflow of either analysis: those of {@code before} in order, then the added ones
 * @param totalBefore   the earlier estate's monthly cost
 * @param totalAfter    the later estate's monthly cost
 * @param creditsBefore the earlier estate's account-wide free-tier credits (zero or negative), part of its total
 * @param creditsAfter  the later estate's credits
 */
public record DiffResult(List<WorkflowChange> workflows, BigDecimal totalBefore, BigDecimal totalAfter,
                         BigDecimal creditsBefore, BigDecimal creditsAfter) {

    /** Decimal places of every amount in the JSON: a millionth of a dollar, so a cheap workflow's change still shows. */
    public static final int JSON_MONEY_SCALE = 6;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).enable(SerializationFeature.INDENT_OUTPUT).build();

    public DiffResult {
        workflows = List.copyOf(workflows);
    }

    /** A diff whose analyses carry no free-tier credits. */
    public DiffResult(List<WorkflowChange> workflows, BigDecimal totalBefore, BigDecimal totalAfter) {
        this(workflows, totalBefore, totalAfter, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Names only in the later analysis, in its order. */
    public List<String> added() {
        return names(Status.ADDED);
    }

    /** Names only in the earlier analysis, in its order. */
    public List<String> removed() {
        return names(Status.REMOVED);
    }

    /** Workflows whose cost moved, or that came or went: what a reviewer needs to see. */
    public List<WorkflowChange> moved() {
        return workflows.stream().filter(w -> w.status() != Status.UNCHANGED).toList();
    }

    /** How many workflows cost the same before and after. */
    public int unchangedCount() {
        return workflows.size() - moved().size();
    }

    /** after − before of the estate's recorded totals (negative: a saving). */
    public BigDecimal totalChange() {
        return totalAfter.subtract(totalBefore);
    }

    /** after − before of the free-tier credits. */
    public BigDecimal creditsChange() {
        return creditsAfter.subtract(creditsBefore);
    }

    private List<String> names(Status status) {
        return workflows.stream().filter(w -> w.status() == status).map(WorkflowChange::name).toList();
    }

    /** How a workflow fared between the two analyses. */
    public enum Status { CHANGED, UNCHANGED, ADDED, REMOVED }

    /**
     * One workflow's monthly cost before and after (zero on the side where it does not exist).
     *
     * @param components the billed components whose quantity or amount differs, in the order of the later analysis
     */
    public record WorkflowChange(String name, Status status, BigDecimal before, BigDecimal after,
                                 List<ComponentChange> components) {

        public WorkflowChange {
            components = List.copyOf(components);
        }

        /** A change with no component breakdown. */
        public WorkflowChange(String name, Status status, BigDecimal before, BigDecimal after) {
            this(name, status, before, after, List.of());
        }

        /** after − before (negative: a saving). */
        public BigDecimal change() {
            return after.subtract(before);
        }
    }

    /**
     * One billed component of a workflow (state transitions, Express requests, an environment's hours...) on both
     * sides: its quantity a run (or a month, for fixed monthly quantities and workflows without executions) and its
     * monthly amount. Zero on the side where it does not exist.
     */
    public record ComponentChange(String component, String unit, boolean perRun, BigDecimal quantityBefore,
                                  BigDecimal quantityAfter, BigDecimal amountBefore, BigDecimal amountAfter) {

        /** after − before of the monthly amount. */
        public BigDecimal change() {
            return amountAfter.subtract(amountBefore);
        }
    }

    /** Whether the estate's monthly cost rose by more than {@code failOver} USD. */
    public boolean exceeds(BigDecimal failOver) {
        return totalChange().compareTo(failOver) > 0;
    }

    /**
     * {@code {"workflows": [{"name","before","after","change","status","components"}], "added", "removed",
     * "unchanged", "totalBefore", ...}}; amounts at {@link #JSON_MONEY_SCALE} decimals; ends with a newline.
     */
    public String toJson() {
        List<WorkflowJson> list = workflows.stream().map(w -> new WorkflowJson(w.name(), money(w.before()),
                money(w.after()), money(w.change()), w.status().name().toLowerCase(Locale.ROOT),
                w.components().stream().map(c -> new ComponentJson(c.component(), c.unit(), c.perRun() ? "run" : "month",
                        c.quantityBefore().stripTrailingZeros(), c.quantityAfter().stripTrailingZeros(),
                        money(c.amountBefore()), money(c.amountAfter()), money(c.change()))).toList())).toList();
        Json json = new Json(list, added(), removed(), unchangedCount(), money(creditsBefore), money(creditsAfter),
                money(totalBefore), money(totalAfter), money(totalChange()));
        try {
            return MAPPER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }

    /** The JSON of a diff ({@link #toJson}), field by field: amounts already at {@link #JSON_MONEY_SCALE}. */
    record Json(List<WorkflowJson> workflows, List<String> added, List<String> removed, int unchanged,
                BigDecimal freeTierCreditsBefore, BigDecimal freeTierCreditsAfter, BigDecimal totalBefore,
                BigDecimal totalAfter, BigDecimal totalChange) {
    }

    /** One workflow in {@link Json}: its status in lower case, its moved components. */
    record WorkflowJson(String name, BigDecimal before, BigDecimal after, BigDecimal change, String status,
                        List<ComponentJson> components) {
    }

    /** One component in {@link WorkflowJson}: {@code per} is "run" or "month", quantities without trailing zeros. */
    record ComponentJson(String component, String unit, String per, BigDecimal quantityBefore,
                         BigDecimal quantityAfter, BigDecimal before, BigDecimal after, BigDecimal change) {
    }

    /** A pull-request comment: the budget verdict first, then what changed. {@code budget} may be null. */
    public String toMarkdown(BigDecimal budget) {
        return DiffMarkdown.render(this, budget);
    }

    /** A table for the terminal: one changed workflow a line, the unchanged counted, the credits, then the total. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-40s %14s %14s %14s%n", "workflow", "before", "after", "change"));
        for (WorkflowChange w : moved()) {
            String name = w.name() + (w.status() == Status.ADDED ? " (added)"
                    : w.status() == Status.REMOVED ? " (removed)" : "");
            out.append(String.format("%-40s %14s %14s %14s%n", printable(name), Money.usd(w.before()),
                    Money.usd(w.after()), signed(w.change())));
        }
        if (unchangedCount() > 0) {
            out.append(String.format("%-40s%n", "(" + unchangedCount() + " unchanged workflow"
                    + (unchangedCount() == 1 ? "" : "s") + " not shown)"));
        }
        if (creditsBefore.signum() != 0 || creditsAfter.signum() != 0) {
            out.append(String.format("%-40s %14s %14s %14s%n", "free-tier credits (estate)", Money.usd(creditsBefore),
                    Money.usd(creditsAfter), signed(creditsChange())));
        }
        out.append(String.format("%-40s %14s %14s %14s%n", "total (estate)", Money.usd(totalBefore),
                Money.usd(totalAfter), signed(totalChange())));
        return out.toString();
    }

    static String signed(BigDecimal amount) {
        return amount.signum() > 0 ? "+" + Money.usd(amount) : Money.usd(amount);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(JSON_MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static String printable(String s) {
        return dev.flowcost.core.input.TerminalText.escapeLine(s);
    }
}
