package dev.flowcost.core.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.write.AslWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A draft state machine converted from an Airflow DAG: the machine (which the simulator can count directly), the
 * per-state fields the model has no place for (Parameters, ResultSelector, ResultPath), keyed by state path
 * ("Fan/Charge" for nested states), and the notes on what did not carry over faithfully.
 */
public record ConversionResult(StateMachine machine, Map<String, JsonNode> extraFields, List<ConversionNote> notes) {

    public ConversionResult {
        extraFields = Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
        notes = List.copyOf(notes);
    }

    /** The draft as pretty ASL JSON, Parameters included. */
    public String toJson() {
        return AslWriter.toJsonString(machine, extraFields);
    }

    /** The draft as ASL YAML, Parameters included. */
    public String toYaml() {
        return AslWriter.toYamlString(machine, extraFields);
    }

    /** Whether every task was converted without a note that needs rewriting. */
    public boolean faithful() {
        return notes.stream().allMatch(ConversionNote::faithful);
    }
}
