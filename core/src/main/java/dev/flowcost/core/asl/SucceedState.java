package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A Succeed: ends its machine successfully. */
public record SucceedState(String name, SourceLocation location, Optional<String> comment,
                           Optional<QueryLanguage> queryLanguage) implements State {
    @Override public boolean isEnd() { return true; }

    @Override public List<String> successors() { return List.of(); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitSucceed(this); }

    @Override public String type() { return "Succeed"; }
}
