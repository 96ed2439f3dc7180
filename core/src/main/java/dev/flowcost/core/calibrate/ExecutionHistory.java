package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The events of one Step Functions execution as {@code aws stepfunctions get-execution-history} prints them
 * ({@code {"events": [...], "NextToken": ...}}; https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html),
 * with or without execution data (inputs and outputs are not read), in either order ({@code --reverse-order}), possibly
 * one page of several. The execution ARN is not part of that output; flowcost reads it from a top-level
 * {@code executionArn} when the export adds one (the README's loop does).
 *
 * @param file         the file (first page) it was read from
 * @param executionArn the execution ARN when the file names it
 * @param events       events by ascending id
 * @param morePages    whether the file says a next page exists (NextToken / nextToken)
 */
public record ExecutionHistory(String file, Optional<String> executionArn, List<HistoryEvent> events, boolean morePages) {

    public ExecutionHistory {
        events = List.copyOf(events);
    }

    public long firstId() {
        return events.isEmpty() ? 0 : events.get(0).id();
    }

    public long lastId() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    /** Whether the history ends the execution (ExecutionSucceeded, ExecutionFailed, ExecutionAborted, ExecutionTimedOut). */
    public boolean isComplete() {
        return events.stream().anyMatch(e -> ExecutionOutcome.of(e.type()).isPresent());
    }

    /** Whether it begins with ExecutionStarted. */
    public boolean hasStart() {
        return !events.isEmpty() && events.get(0).type().equals("ExecutionStarted");
    }

    /** This page followed by the next one of the same execution. */
    public ExecutionHistory join(ExecutionHistory next) {
        List<HistoryEvent> all = new ArrayList<>(events);
        all.addAll(next.events);
        return new ExecutionHistory(file, executionArn.or(next::executionArn), all, next.morePages);
    }

    /** Reads a parsed history; bad events become errors naming their JSON Pointer ({@code /events/3/id}). */
    public static Optional<ExecutionHistory> of(String file, JsonNode root, Consumer<Diagnostic> report) {
        JsonNode ev = root.get("events");
        if (ev == null || !ev.isArray()) {
            report.accept(Diagnostic.error(DiagnosticCode.CALIBRATE_UNUSABLE, file,
                    new SourceLocation("/events", 0, 0), "an execution history needs an "
                    + "\"events\" array (the output of aws stepfunctions get-execution-history)"));
            return Optional.empty();
        }
        List<HistoryEvent> events = new ArrayList<>(ev.size());
        for (int i = 0; i < ev.size(); i++) {
            JsonNode e = ev.get(i);
            String at = "/events/" + i;
            if (!e.isObject() || !e.path("id").canConvertToLong() || !e.path("type").isTextual()) {
                report.accept(Diagnostic.error(DiagnosticCode.CALIBRATE_UNUSABLE, file, new SourceLocation(at, 0, 0),
                        "event without a numeric \"id\" and a \"type\"; is the file cut off or edited?"));
                return Optional.empty();
            }
            Optional<java.time.Instant> ts = Timestamps.of(e.get("timestamp"));
            if (ts.isEmpty()) {
                report.accept(Diagnostic.error(DiagnosticCode.CALIBRATE_UNUSABLE, file, new SourceLocation(at + "/timestamp", 0, 0),
                        "event " + e.get("id").asLong() + " has no readable timestamp: " + e.get("timestamp")));
                return Optional.empty();
            }
            events.add(event(e, ts.get()));
        }
        events.sort(Comparator.comparingLong(HistoryEvent::id));
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).id() == events.get(i - 1).id()) {
                report.accept(Diagnostic.error(DiagnosticCode.CALIBRATE_UNUSABLE, file, SourceLocation.UNKNOWN,
                        "event id " + events.get(i).id()
                        + " appears twice; are two executions' pages mixed in one file?"));
                return Optional.empty();
            }
        }
        boolean more = textual(root, "NextToken") || textual(root, "nextToken");
        Optional<String> arn = Optional.ofNullable(root.get("executionArn")).filter(JsonNode::isTextual).map(JsonNode::asText);
        return Optional.of(new ExecutionHistory(file, arn, events, more));
    }

    private static boolean textual(JsonNode root, String key) {
        JsonNode n = root.get(key);
        return n != null && n.isTextual() && !n.asText().isEmpty();
    }

    private static HistoryEvent event(JsonNode e, java.time.Instant ts) {
        JsonNode details = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().endsWith("EventDetails") && f.getValue().isObject()) {
                details = f.getValue();
                break;
            }
        }
        String name = "";
        String error = "";
        long length = -1;
        String arn = "";
        if (details != null) {
            name = details.path("name").asText("");
            error = details.path("error").asText("");
            if (details.has("length")) {
                length = details.path("length").asLong(-1);
            }
            for (String k : new String[] {"mapRunArn", "stateMachineVersionArn", "stateMachineAliasArn"}) {
                if (details.path(k).isTextual()) {
                    arn = details.get(k).asText();
                    break;
                }
            }
        }
        return new HistoryEvent(e.get("id").asLong(), e.path("previousEventId").asLong(0), ts,
                e.get("type").asText(), name, error, length, arn);
    }
}
