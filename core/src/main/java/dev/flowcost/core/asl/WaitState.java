package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Wait: pauses for Seconds, until a Timestamp, or for a value read from the input (SecondsPath, TimestampPath,
 * or a JSONata expression in Seconds/Timestamp kept as {@code secondsExpression}).
 */
public record WaitState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                        Flow flow, OptionalDouble seconds, Optional<String> secondsExpression, Optional<String> timestamp,
                        Optional<String> secondsPath, Optional<String> timestampPath) implements State {
    @Override public Optional<String> next() { return flow.next(); }

    @Override public boolean isEnd() { return flow.end(); }

    @Override public List<String> successors() { return Successors.of(flow, List.of()); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitWait(this); }

    @Override public String type() { return "Wait"; }
}
