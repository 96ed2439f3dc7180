package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A Pass: moves or shapes data, does no work; still one billed transition. */
public record PassState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                        Flow flow) implements State {
    @Override public Optional<String> next() { return flow.next(); }

    @Override public boolean isEnd() { return flow.end(); }

    @Override public List<String> successors() { return Successors.of(flow, List.of()); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitPass(this); }

    @Override public String type() { return "Pass"; }
}
