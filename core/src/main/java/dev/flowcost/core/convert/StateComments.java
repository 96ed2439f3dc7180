package dev.flowcost.core.convert;

import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.FailState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.PassState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.asl.StateVisitor;
import dev.flowcost.core.asl.SucceedState;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.asl.WaitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets state Comments by state name anywhere in a machine (nested machines included), since the conversion only
 * knows every note once every state exists. The records are immutable, so each state is rebuilt with its comment.
 */
final class StateComments {

    private StateComments() {
    }

    static StateMachine apply(StateMachine m, Map<String, String> commentByState) {
        Map<String, State> states = new LinkedHashMap<>();
        for (State s : m.states().values()) {
            states.put(s.name(), s.accept(new Rebuild(commentByState)));
        }
        return new StateMachine(m.startAt(), states, m.comment(), m.timeoutSeconds(), m.version(), m.queryLanguage(),
                m.pointer());
    }

    private static final class Rebuild implements StateVisitor<State> {
        private final Map<String, String> comments;

        Rebuild(Map<String, String> comments) {
            this.comments = comments;
        }

        private Optional<String> comment(State s) {
            String c = comments.get(s.name());
            return c == null || c.isEmpty() ? s.comment() : Optional.of(c);
        }

        @Override public State visitTask(TaskState s) {
            return new TaskState(s.name(), s.location(), comment(s), s.queryLanguage(), s.flow(), s.resource(),
                    s.timeoutSeconds(), s.heartbeatSeconds(), s.retry(), s.catchers());
        }

        @Override public State visitPass(PassState s) {
            return new PassState(s.name(), s.location(), comment(s), s.queryLanguage(), s.flow());
        }

        @Override public State visitChoice(ChoiceState s) {
            return new ChoiceState(s.name(), s.location(), comment(s), s.queryLanguage(), s.choices(), s.defaultNext());
        }

        @Override public State visitWait(WaitState s) {
            return new WaitState(s.name(), s.location(), comment(s), s.queryLanguage(), s.flow(), s.seconds(),
                    s.secondsExpression(), s.timestamp(), s.secondsPath(), s.timestampPath());
        }

        @Override public State visitSucceed(SucceedState s) {
            return new SucceedState(s.name(), s.location(), comment(s), s.queryLanguage());
        }

        @Override public State visitFail(FailState s) {
            return new FailState(s.name(), s.location(), comment(s), s.queryLanguage(), s.error(), s.cause());
        }

        @Override public State visitParallel(ParallelState s) {
            List<StateMachine> branches = new ArrayList<>();
            s.branches().forEach(b -> branches.add(apply(b, comments)));
            return new ParallelState(s.name(), s.location(), comment(s), s.queryLanguage(), s.flow(), branches, s.retry(),
                    s.catchers());
        }

        @Override public State visitMap(MapState s) {
            return new MapState(s.name(), s.location(), comment(s), s.queryLanguage(), s.flow(),
                    apply(s.processor(), comments), s.mode(), s.executionType(), s.itemReader(), s.itemBatcher(),
                    s.itemsPath(), s.items(), s.maxConcurrency(), s.toleratedFailurePercentage(),
                    s.toleratedFailureCount(), s.resultWriter(), s.label(), s.retry(), s.catchers());
        }
    }
}
