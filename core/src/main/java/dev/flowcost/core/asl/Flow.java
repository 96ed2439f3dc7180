package dev.flowcost.core.asl;

import java.util.Optional;

/** How a non-choice state hands on control: to its Next, or End. A definition may (wrongly) give both or neither. */
public record Flow(Optional<String> next, boolean end) {
    public static Flow to(String next) {
        return new Flow(Optional.of(next), false);
    }

    public static Flow ending() {
        return new Flow(Optional.empty(), true);
    }
}
