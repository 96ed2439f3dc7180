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
import java.util.List;
import java.util.Locale;

/**
 * What changed in monthly cost between two analyses: per workflow, added and removed workflows, and the estate's
 * total. Rendered as text for people and JSON for CI.
 *
 * @param workflows   every workflow of either analysis: those of {@code before} in order, then the added ones
 * @param totalBefore the earlier estate's monthly cost
 * @param totalAfter  the later estate's monthly cost
 */
public record DiffResult(List<WorkflowChange> workflows, BigDecimal totalBefore, BigDecimal totalAfter) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().nodeFactory(NODES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).enable(SerializationFeature.INDENT_OUTPUT).build();

    public DiffResult {
        workflows = List.copyOf(workflows);
    }

    /** Names only in the later analysis, in its order. */
    public List<String> added() {
        return names(Status.ADDED);
    }

    /** Names only in the earlier analysis, in its order. */
    public List<String> removed() {
        return names(Status.REMOVED);
    }

    /** after − before of the estate's recorded totals (negative: a saving). */
    public BigDecimal totalChange() {
        return totalAfter.subtract(totalBefore);
    }

    private List<String> names(Status status) {
        return workflows.stream().filter(w -> w.status() == status).map(WorkflowChange::name).toList();
    }

    /** How a workflow fared between the two analyses. */
    public enum Status { CHANGED, UNCHANGED, ADDED, REMOVED }

    /** One workflow's monthly cost before and after (zero on the side where it does not exist). */
    public record WorkflowChange(String name, Status status, BigDecimal before, BigDecimal after) {

        /** after − before (negative: a saving). */
        public BigDecimal change() {
            return after.subtract(before);
        }
    }

    /** Whether the estate's monthly cost rose by more than {@code failOver} USD. */
    public boolean exceeds(BigDecimal failOver) {
        return totalChange().compareTo(failOver) > 0;
    }

    /** {@code {"workflows": [{"name","before","after","change","status"}], "added", "removed", "totalBefore", ...}}. */
    public String toJson() {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("workflows");
        for (WorkflowChange w : workflows) {
            ObjectNode o = list.addObject();
            o.put("name", w.name());
            o.put("before", w.before());
            o.put("after", w.after());
            o.put("change", w.change());
            o.put("status", w.status().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode addedNames = root.putArray("added");
        added().forEach(addedNames::add);
        ArrayNode removedNames = root.putArray("removed");
        removed().forEach(removedNames::add);
        root.put("totalBefore", totalBefore);
        root.put("totalAfter", totalAfter);
        root.put("totalChange", totalChange());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree we built ourselves", e);
        }
    }

    /** A table for the terminal: one workflow a line, then the total. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-40s %14s %14s %14s%n", "workflow", "before", "after", "change"));
        for (WorkflowChange w : workflows) {
            String name = w.name() + (w.status() == Status.ADDED ? " (added)"
                    : w.status() == Status.REMOVED ? " (removed)" : "");
            out.append(String.format("%-40s %14s %14s %14s%n", printable(name), Money.usd(w.before()),
                    Money.usd(w.after()), signed(w.change())));
        }
        out.append(String.format("%-40s %14s %14s %14s%n", "total (estate)", Money.usd(totalBefore),
                Money.usd(totalAfter), signed(totalChange())));
        return out.toString();
    }

    private static String signed(BigDecimal amount) {
        return amount.signum() > 0 ? "+" + Money.usd(amount) : Money.usd(amount);
    }

    private static String printable(String s) {
        return dev.flowcost.core.input.TerminalText.escapeLine(s);
    }
}
