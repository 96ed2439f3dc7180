package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A Task: one unit of work done by a Lambda function, a service integration or an activity. */
public record TaskState(String name, SourceLocation location, Optional<String> comment, Optional<QueryLanguage> queryLanguage,
                        Flow flow, TaskResource resource, OptionalInt timeoutSeconds, OptionalInt heartbeatSeconds,
                        List<Retrier> retry, List<Catcher> catchers) implements State {

    public TaskState {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    @Override public Optional<String> next() { return flow.next(); }

    @Override public boolean isEnd() { return flow.end(); }

    @Override public List<String> successors() { return Successors.of(flow, catchers); }

    @Override public <R> R accept(StateVisitor<R> v) { return v.visitTask(this); }

    @Override public String type() { return "Task"; }
}

/** Shared successor computation for states with Next and Catch. */
final class Successors {
    private Successors() {
    }

    static List<String> of(Flow flow, List<Catcher> catchers) {
        List<String> out = new ArrayList<>();
        flow.next().ifPresent(out::add);
        for (Catcher c : catchers) {
            if (!out.contains(c.next())) {
                out.add(c.next());
            }
        }
        return List.copyOf(out);
    }
}
