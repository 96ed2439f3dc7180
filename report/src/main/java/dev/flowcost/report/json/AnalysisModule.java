package dev.flowcost.report.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.EnvironmentConditions;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.core.Diagnostic;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How Jackson writes the analysis records as {@code analysis.json}, configured once: the records are serialised
 * directly (their components are the field names), and this module only says what the contract adds to them, as
 * mix-ins so the advisor's records carry no JSON annotations. It fixes the field order where the contract's differs
 * from the record's, leaves out derived predicates ({@code isSaving}), writes a workflow kind by its label, a
 * change's definition and patch as embedded JSON, a diagnostic in its one form ({@link DiagnosticJson}), and the
 * grouping {@code monthlyCost.components} (the only number the JSON adds: the recorded item amounts summed by
 * component).
 */
final class AnalysisModule extends SimpleModule {

    AnalysisModule() {
        super("flowcost-analysis");
        setMixInAnnotation(WorkflowAnalysis.class, WorkflowMixin.class);
        setMixInAnnotation(WorkflowAnalysis.Kind.class, KindMixin.class);
        setMixInAnnotation(Alternative.class, AlternativeMixin.class);
        setMixInAnnotation(EnvironmentAnalysis.class, EnvironmentMixin.class);
        setMixInAnnotation(WorkItem.class, WorkItemMixin.class);
        setMixInAnnotation(Finding.class, FindingMixin.class);
        setMixInAnnotation(CostItem.class, CostItemMixin.class);
        addSerializer(Change.class, new ChangeSerializer());
        addSerializer(Diagnostic.class, new DiagnosticSerializer());
        setSerializerModifier(new ComponentsModifier());
    }

    @JsonPropertyOrder({"name", "kind", "file", "workflowType", "executionsPerMonth", "executionsKey", "monthlyCost",
            "costItems", "steps", "graph", "alternatives", "verdict", "verdictReasons", "blockers", "defaultsUsed"})
    abstract static class WorkflowMixin {
    }

    abstract static class KindMixin {
        @JsonValue
        abstract String label();
    }

    @JsonPropertyOrder({"platform", "monthlyCost", "costItems", "notes"})
    abstract static class AlternativeMixin {
    }

    @JsonPropertyOrder({"name", "environmentClass", "monthlyCost", "monthlyCostAfter", "dags", "verdict", "costItems",
            "notes", "plans", "conditions"})
    abstract static class EnvironmentMixin {
        /** Left out, not null, when the environment has no conditions. */
        @JsonInclude(JsonInclude.Include.NON_ABSENT)
        abstract Optional<EnvironmentConditions> conditions();
    }

    @JsonPropertyOrder({"kind", "what", "count", "hoursEach", "hours"})
    abstract static class WorkItemMixin {
        @JsonProperty("hours")
        abstract double hours();
    }

    abstract static class FindingMixin {
        @JsonIgnore
        abstract boolean isSaving();
    }

    abstract static class CostItemMixin {
        @JsonIgnore
        abstract boolean isUnreachedTier();
    }

    /** {@code {"kind", "summary", "content", "definition"?, "patch"?}}, the definition and patch as JSON values. */
    private static final class ChangeSerializer extends StdSerializer<Change> {
        ChangeSerializer() {
            super(Change.class);
        }

        @Override
        public void serialize(Change c, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("kind", c.kind().name());
            g.writeStringField("summary", c.summary());
            g.writeStringField("content", c.content());
            if (c.definition().isPresent()) {
                g.writeFieldName("definition");
                g.writeTree(embedded(g, c.definition().get()));
            }
            if (c.patch().isPresent()) {
                g.writeFieldName("patch");
                g.writeTree(embedded(g, c.patch().get()));
            }
            g.writeEndObject();
        }

        private static com.fasterxml.jackson.databind.JsonNode embedded(JsonGenerator g, String text) {
            try {
                return ((ObjectMapper) g.getCodec()).readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the advisor wrote a change that is not JSON", e);
            }
        }
    }

    private static final class DiagnosticSerializer extends StdSerializer<Diagnostic> {
        DiagnosticSerializer() {
            super(Diagnostic.class);
        }

        @Override
        public void serialize(Diagnostic d, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeTree(DiagnosticJson.object(d));
        }
    }

    /**
     * Writes {@code monthlyCost} of a workflow as {@code {"total", "components"}} and adds {@code components} after an
     * alternative's {@code monthlyCost}: properties computed from the record's cost items.
     */
    private static final class ComponentsModifier extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            Class<?> type = description.getBeanClass();
            if (type != WorkflowAnalysis.class && type != Alternative.class) {
                return properties;
            }
            List<BeanPropertyWriter> changed = new ArrayList<>();
            for (BeanPropertyWriter p : properties) {
                if (!p.getName().equals("monthlyCost")) {
                    changed.add(p);
                } else if (type == WorkflowAnalysis.class) {
                    changed.add(new WorkflowMonthlyCost(p));
                } else {
                    changed.add(p);
                    changed.add(new AlternativeComponents(p));
                }
            }
            return changed;
        }
    }

    private static Map<String, BigDecimal> byComponent(List<CostItem> items) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (CostItem item : items) {
            sums.merge(item.component(), item.monthlyAmount(), BigDecimal::add);
        }
        return sums;
    }

    private static void writeComponents(JsonGenerator g, List<CostItem> items) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, BigDecimal> e : byComponent(items).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static final class WorkflowMonthlyCost extends BeanPropertyWriter {
        WorkflowMonthlyCost(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws IOException {
            WorkflowAnalysis w = (WorkflowAnalysis) bean;
            g.writeFieldName("monthlyCost");
            g.writeStartObject();
            g.writeNumberField("total", w.monthlyCost());
            g.writeFieldName("components");
            writeComponents(g, w.costItems());
            g.writeEndObject();
        }
    }

    private static final class AlternativeComponents extends BeanPropertyWriter {
        AlternativeComponents(BeanPropertyWriter base) {
            super(base, PropertyName.construct("components"));
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeFieldName("components");
            writeComponents(g, ((Alternative) bean).costItems());
        }
    }
}
