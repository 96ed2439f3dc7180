package dev.flowcost.advisor.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The edit {@link LoopInsideLambda} proposes, on the user's definition: the inline Map becomes one Lambda Task that
 * loops over the items (or, in chunks, the Map's iteration becomes one such Task per chunk). The Map's own fields
 * that still mean something on the new state are kept as written (Comment, QueryLanguage, InputPath, ResultPath,
 * ResultSelector, OutputPath, Output, Assign, Retry, Catch, Next/End); the Task calls the function of the chain's
 * first Task, with its other Parameters, and hands it the items.
 */
final class LoopEdits {

    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    static final String CHUNK_TASK = "LoopOverChunk";

    /** Map fields a Task keeps, in the order they are written. */
    private static final List<String> KEPT_ON_TASK = List.of("InputPath", "ResultPath", "ResultSelector",
            "OutputPath", "Output", "Assign", "Retry", "Catch", "Next", "End");
    /** Fields of a Map that shape each item: gone when the item is the whole list or a chunk. */
    private static final List<String> ITEM_SHAPING = List.of("ItemSelector", "Parameters");

    private LoopEdits() {
    }

    /**
     * Edits the Map at {@code mapPath}; returns what the edit drops that the user wrote (one line each), for the
     * finding's blockers.
     */
    static List<String> loopInLambda(ChangeEdits edits, String mapPath, String firstTaskPath, long chunks,
                                     int maxChunks, int timeoutSeconds) {
        ObjectNode map = edits.originalState(mapPath);
        ObjectNode first = edits.originalState(firstTaskPath);
        boolean jsonata = jsonata(edits.definition(), map);
        List<String> lost = new ArrayList<>();
        for (String f : ITEM_SHAPING) {
            if (map.has(f)) {
                lost.add("the Map's " + f + " shaped each item; the looping function must do it now");
            }
        }
        if (chunks == 1) {
            ObjectNode task = JsonNodeFactory.instance.objectNode();
            task.put("Type", "Task");
            copy(map, task, "Comment");
            copy(map, task, "QueryLanguage");
            task.put("Resource", LAMBDA_INVOKE);
            task.set(jsonata ? "Arguments" : "Parameters", invocation(first, jsonata, itemsOf(map, jsonata)));
            task.put("TimeoutSeconds", timeoutSeconds);
            KEPT_ON_TASK.forEach(f -> copy(map, task, f));
            edits.replace(mapPath, task);
            return lost;
        }
        ObjectNode edited = edits.state(mapPath);
        ITEM_SHAPING.forEach(edited::remove);
        if (jsonata) {
            edited.remove("ItemsPath");
            edited.put("Items", "{% $states.input.chunks %}");
        } else {
            edited.remove("Items");
            edited.put("ItemsPath", "$.chunks");
        }
        edited.put("MaxConcurrency", (int) Math.min(chunks, maxChunks));
        String field = edited.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        ObjectNode processor = edited.get(field) instanceof ObjectNode p ? p : edited.putObject(field);
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        task.put("Type", "Task");
        task.put("Resource", LAMBDA_INVOKE);
        task.set(jsonata ? "Arguments" : "Parameters", invocation(first, jsonata,
                jsonata ? "{% $states.input %}" : "$"));
        task.put("TimeoutSeconds", timeoutSeconds);
        task.put("End", true);
        processor.put("StartAt", CHUNK_TASK);
        processor.putObject("States").set(CHUNK_TASK, task);
        return lost;
    }

    /** The first Task's Parameters (or Arguments) with the Payload set to {@code payload}. */
    private static ObjectNode invocation(ObjectNode first, boolean jsonata, String payload) {
        JsonNode given = first.get(jsonata ? "Arguments" : "Parameters");
        ObjectNode out = given instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!out.has("FunctionName") && !out.has("FunctionName.$")) {
            out.put("FunctionName", first.path("Resource").asText(""));
        }
        out.remove("Payload");
        out.remove("Payload.$");
        out.put(jsonata ? "Payload" : "Payload.$", payload);
        return out;
    }

    /** Where the Map reads its items: its ItemsPath (or Items expression), else the whole input. */
    private static String itemsOf(ObjectNode map, boolean jsonata) {
        if (jsonata) {
            return map.path("Items").isTextual() ? map.get("Items").asText() : "{% $states.input %}";
        }
        return map.path("ItemsPath").isTextual() ? map.get("ItemsPath").asText() : "$";
    }

    private static boolean jsonata(JsonNode definition, ObjectNode state) {
        JsonNode own = state.get("QueryLanguage");
        if (own != null && own.isTextual()) {
            return own.asText().equals("JSONata");
        }
        return definition.path("QueryLanguage").asText("").equals("JSONata");
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }
}
