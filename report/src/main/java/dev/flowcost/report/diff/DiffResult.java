package dev.flowcost.report.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().nodeFactory(NODES)
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
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("workflows");
        for (WorkflowChange w : workflows) {
            ObjectNode o = list.addObject();
            o.put("name", w.name());
            o.put("before", money(w.before()));
            o.put("after", money(w.after()));
            o.put("change", money(w.change()));
            o.put("status", w.status().name().toLowerCase(Locale.ROOT));
            ArrayNode components = o.putArray("components");
            for (ComponentChange c : w.components()) {
                ObjectNode co = components.addObject();
                co.put("component", c.component());
                co.put("unit", c.unit());
                co.put("per", c.perRun() ? "run" : "month");
                co.put("quantityBefore", c.quantityBefore().stripTrailingZeros());
                co.put("quantityAfter", c.quantityAfter().stripTrailingZeros());
                co.put("before", money(c.amountBefore()));
                co.put("after", money(c.amountAfter()));
                co.put("change", money(c.change()));
            }
        }
        ArrayNode addedNames = root.putArray("added");
        added().forEach(addedNames::add);
        ArrayNode removedNames = root.putArray("removed");
        removed().forEach(removedNames::add);
        root.put("unchanged", unchangedCount());
        root.put("freeTierCreditsBefore", money(creditsBefore));
        root.put("freeTierCreditsAfter", money(creditsAfter));
        root.put("totalBefore", money(totalBefore));
        root.put("totalAfter", money(totalAfter));
        root.put("totalChange", money(totalChange()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree we built ourselves", e);
        }
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
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(Character.isISOControl(c) ? '?' : (char) c));
        return b.toString();
    }
}
