package dev.flowcost.advisor.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.write.AslWriter;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ASL change written as edits of the user's own definition: a rule takes a copy of the definition as read, edits
 * only the states its finding names (by state path, {@code "Fan/Charge"} for nested states), and gets back a
 * {@link Change} holding the changed states, the whole changed definition and the RFC 6902 JSON Patch from the
 * original to it. So every field a rule does not touch (Parameters, ResultSelector, OutputPath, Retry, Catch,
 * Comment, ItemBatcher's BatchInput, ItemReader, ResultWriter...) is kept as the user wrote it: the model the rules
 * reason on keeps none of those, and a change rebuilt from it would lose them.
 *
 * <p>The patch is computed with zjsonpatch (com.flipkart.zjsonpatch, RFC 6902 on Jackson trees), with add, remove
 * and replace operations only, so each operation's path names the state it edits.
 */
public final class ChangeEdits {

    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_VALUE_ON_REMOVE,
            DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION);

    private final JsonNode original;
    private final ObjectNode edited;
    /** State path → JSON Pointer of the state in the definition. */
    private final Map<String, String> pointers;

    private ChangeEdits(JsonNode original) {
        if (original == null || !original.isObject()) {
            throw new IllegalArgumentException("a state machine definition is an object");
        }
        this.original = original;
        this.edited = (ObjectNode) original.deepCopy();
        this.pointers = pointers(original);
    }

    /** Edits of the definition of the context's workflow. */
    public static ChangeEdits of(StateMachineContext ctx) {
        return new ChangeEdits(ctx.definition());
    }

    /** Edits of {@code definition} (not modified). */
    public static ChangeEdits of(JsonNode definition) {
        return new ChangeEdits(definition);
    }

    /** Every state's JSON Pointer in a definition, by state path. */
    public static Map<String, String> pointers(JsonNode definition) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(definition, "", "", out, 0);
        return out;
    }

    private static void collect(JsonNode scope, String pointer, String prefix, Map<String, String> out, int depth) {
        JsonNode states = scope == null ? null : scope.get("States");
        if (states == null || !states.isObject() || depth > 64) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            String p = pointer + "/States/" + SourceLocation.escapeToken(e.getKey());
            out.putIfAbsent(path, p);
            JsonNode s = e.getValue();
            String field = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            if (s.has(field)) {
                collect(s.get(field), p + "/" + field, path + "/", out, depth + 1);
            }
            JsonNode branches = s.get("Branches");
            if (branches != null && branches.isArray()) {
                for (int i = 0; i < branches.size(); i++) {
                    collect(branches.get(i), p + "/Branches/" + i, path + "/", out, depth + 1);
                }
            }
        }
    }

    /** The state at {@code path} as the user wrote it (a copy). */
    public ObjectNode originalState(String path) {
        return (ObjectNode) node(original, path).deepCopy();
    }

    /** The state at {@code path} in the edited definition, to edit in place. */
    public ObjectNode state(String path) {
        return (ObjectNode) node(edited, path);
    }

    /** Whether the definition has a state at {@code path}. */
    public boolean has(String path) {
        return pointers.containsKey(path) && original.at(pointers.get(path)).isObject();
    }

    /** Replaces the state at {@code path} by {@code state}, under the same name. */
    public void replace(String path, ObjectNode state) {
        statesOf(path).set(name(path), state);
    }

    /** Removes the state at {@code path}. */
    public void remove(String path) {
        statesOf(path).remove(name(path));
    }

    /** The machine (top level, branch or item processor) whose States hold the state at {@code path}, edited. */
    public ObjectNode scopeOf(String path) {
        String states = statesPointer(path);
        return (ObjectNode) edited.at(states.substring(0, states.lastIndexOf('/')));
    }

    /** The path of the state named {@code name} beside the state at {@code path} (in the same States). */
    public String sibling(String path, String name) {
        String states = statesPointer(path);
        String wanted = states + "/" + SourceLocation.escapeToken(name);
        return pointers.entrySet().stream().filter(e -> e.getValue().equals(wanted)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no state " + name + " beside " + path));
    }

    /** The changed definition, for rules that edit outside states (StartAt). */
    public ObjectNode definition() {
        return edited;
    }

    /**
     * The change: {@code content} is the changed state among {@code shown} that is still there (or those states by
     * name when several are), {@code definition} the whole edited definition, {@code patch} the JSON Patch to it.
     */
    public Change change(String summary, List<String> shown) {
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        for (String p : shown) {
            JsonNode s = pointers.containsKey(p) ? edited.at(pointers.get(p)) : null;
            if (s != null && s.isObject()) {
                kept.put(name(p), s);
            }
        }
        JsonNode content;
        if (kept.size() == 1) {
            content = kept.values().iterator().next();
        } else {
            ObjectNode states = edited.objectNode();
            kept.forEach(states::set);
            content = states;
        }
        return new Change(Change.Kind.ASL, summary, AslWriter.pretty(content),
                Optional.of(AslWriter.pretty(edited)), Optional.of(AslWriter.pretty(patch())));
    }

    /** The RFC 6902 JSON Patch from the original definition to the edited one. */
    public ArrayNode patch() {
        return (ArrayNode) JsonDiff.asJson(original, edited, FLAGS);
    }

    private JsonNode node(JsonNode root, String path) {
        String p = pointers.get(path);
        JsonNode n = p == null ? null : root.at(p);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the definition has no state " + path);
        }
        return n;
    }

    private ObjectNode statesOf(String path) {
        return (ObjectNode) edited.at(statesPointer(path));
    }

    private String statesPointer(String path) {
        String p = pointers.get(path);
        if (p == null) {
            throw new IllegalArgumentException("the definition has no state " + path);
        }
        return p.substring(0, p.lastIndexOf('/'));
    }

    /** The state's own name: the last token of its pointer (a name may itself hold a '/'). */
    private String name(String path) {
        String p = pointers.get(path);
        if (p == null) {
            throw new IllegalArgumentException("the definition has no state " + path);
        }
        return p.substring(p.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
