package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A Fail: ends its machine with an error. */
public record FailState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                        Optional<String> error, Optional<String> cause) implements State {
    @Override public List<String> successors() { return List.of(); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitFail(this); }

    @Override public String type() { return "Fail"; }
}
