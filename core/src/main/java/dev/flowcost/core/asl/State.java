package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One state of a state machine. Each kind is its own immutable record; behaviour that every pass needs
 * (where control can go next) lives here so no pass has to switch over the kinds.
 */
public sealed interface State permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState,
        ParallelState, MapState {

    String name();

    /** Where the state sits in its file: pointer {@code /States/NAME} (nested: {@code .../ItemProcessor/States/NAME}). */
    SourceLocation location();

    /** The state-level Comment, if any. */
    Optional<String> comment();

    /** QueryLanguage set on this state, if any (else the machine's applies). */
    Optional<QueryLanguage> queryLanguage();

    /** The state's Next, for kinds that have one. */
    default Optional<String> next() {
        return Optional.empty();
    }

    /** Whether the state ends its machine successfully when it completes (End: true, Succeed). Fail is not an end. */
    default boolean isEnd() {
        return false;
    }

    /** Retriers, for Task, Parallel and Map; empty elsewhere. */
    default List<Retrier> retry() {
        return List.of();
    }

    /** Catchers, for Task, Parallel and Map; empty elsewhere. */
    default List<Catcher> catchers() {
        return List.of();
    }

    /** Every state name control may move to from here: Next, Choice rule targets and Default, Catch targets. */
    List<String> successors();

    <R> R accept(StateVisitor<R> visitor);

    /** The ASL "Type" name of this kind ("Task", "Map", ...). */
    String type();
}
