package dev.flowcost.core.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The values of a JSONPath Choice Rule's Variable and comparison operator: a {@code "NumericEquals": "5"} or a
 * {@code "StringEqualsPath": "status"} never matches what its author meant, so the rule silently sends every execution
 * to the Default branch.
 *
 * @see <a href="https://states-language.net/spec.html#choice-state">spec, "Data-test expression for JSONPath Choice
 *      Rules" and "Timestamps"</a>
 */
final class ChoiceOperands {

    private ChoiceOperands() {
    }

    /** One finding: where, whether Step Functions refuses it, and what to say. */
    record Finding(String pointer, boolean error, String message) {
    }

    /**
     * Spec "Timestamps": RFC 3339 with an uppercase T and, without a numeric offset, an uppercase Z
     * ("2016-03-14T01:59:00Z").
     */
    static final Pattern TIMESTAMP = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");

    /** The findings for the data-test fields of {@code rule} at pointer {@code p}. */
    static List<Finding> check(JsonNode rule, String p) {
        List<Finding> out = new ArrayList<>();
        JsonNode variable = rule.get("Variable");
        if (variable != null && !isPath(variable)) {
            // Spec: "A Data-test Expression MUST contain a field named Variable whose value MUST be a Path."
            out.add(new Finding(p + "/Variable", true, "Variable must be a path starting with $ (e.g. \"$.status\"), not "
                    + DefinitionBuilder.describe(variable)));
        }
        for (String op : FieldMatrix.COMPARISONS) {
            JsonNode v = rule.get(op);
            if (v == null) {
                continue;
            }
            String vp = p + "/" + SourceLocation.escapeToken(op);
            if (op.endsWith("Path")) {
                // Spec: "For those operators that end with Path, the value MUST be a Path".
                if (!isPath(v)) {
                    out.add(new Finding(vp, true, op + " must be a path starting with $ to the value to compare with, not "
                            + DefinitionBuilder.describe(v) + (v.isTextual() ? " (to compare with a constant, use "
                            + op.substring(0, op.length() - 4) + ")" : "")));
                }
            } else if (op.startsWith("Is") || op.equals("BooleanEquals")) {
                expect(out, vp, op, v, v.isBoolean() || isPlaceholder(v), "true or false");
            } else if (op.startsWith("Numeric")) {
                expect(out, vp, op, v, v.isNumber() || isPlaceholder(v), "a number");
            } else {
                expect(out, vp, op, v, v.isTextual(), "a string");
                if (op.startsWith("Timestamp") && v.isTextual() && !isPlaceholder(v) && !TIMESTAMP.matcher(v.textValue()).matches()) {
                    out.add(new Finding(vp, false, op + " \"" + v.textValue() + "\" is not an RFC 3339 timestamp with an "
                            + "uppercase T and Z (e.g. \"2016-03-14T01:59:00Z\"); the comparison never matches"));
                }
            }
        }
        return out;
    }

    private static void expect(List<Finding> out, String vp, String op, JsonNode v, boolean ok, String what) {
        if (!ok) {
            out.add(new Finding(vp, true, op + " compares with " + what + ", not " + DefinitionBuilder.describe(v)));
        }
    }

    private static boolean isPath(JsonNode v) {
        return v.isTextual() && v.textValue().startsWith("$");
    }

    private static boolean isPlaceholder(JsonNode v) {
        return v.isTextual() && DefinitionBuilder.isPlaceholder(v.textValue());
    }
}
