package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A Parallel: runs every branch (each its own inner machine) and waits for all; lasts as long as the slowest. */
public record ParallelState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                            Flow flow, List<StateMachine> branches, List<Retrier> retry, List<Catcher> catchers) implements State {
    public ParallelState {
        branches = List.copyOf(branches);
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    @Override public Optional<String> next() { return flow.next(); }

    @Override public boolean isEnd() { return flow.end(); }

    @Override public List<String> successors() { return Successors.of(flow, catchers); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitParallel(this); }

    @Override public String type() { return "Parallel"; }
}
