package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.Optional;

/** One Catch entry: errors that, once retries are exhausted, move control to {@code next}. */
public record Catcher(List<String> errorEquals, String next, Optional<String> resultPath, SourceLocation location) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
        next = next == null ? "" : next;
    }

    public boolean matches(String error) {
        return ErrorNames.matches(errorEquals, error);
    }
}
