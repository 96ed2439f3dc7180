package dev.flowcost.core.asl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An Amazon States Language state machine, or the inner machine of a Map's ItemProcessor or a Parallel's branch.
 * States keep the order the definition wrote them in, so output follows the author's reading order.
 *
 * @param startAt        name of the first state (may name a missing state; validation reports it)
 * @param states         states by name, in definition order
 * @param comment        the definition's Comment
 * @param timeoutSeconds the machine's TimeoutSeconds
 * @param version        the definition's Version
 * @param queryLanguage  JSONPath unless the definition says JSONata
 * @param pointer        JSON Pointer of this machine in its file ("" at top level, {@code /States/Fan/ItemProcessor} inside a Map)
 */
public record StateMachine(String startAt, Map<String, State> states, Optional<String> comment, OptionalInt timeoutSeconds,
                           Optional<String> version, QueryLanguage queryLanguage, String pointer) {

    public StateMachine {
        startAt = startAt == null ? "" : startAt;
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        queryLanguage = queryLanguage == null ? QueryLanguage.JSONPATH : queryLanguage;
        pointer = pointer == null ? "" : pointer;
    }

    public Optional<State> state(String name) {
        return Optional.ofNullable(states.get(name));
    }
}
