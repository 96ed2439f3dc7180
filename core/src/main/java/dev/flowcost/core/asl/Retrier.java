package dev.flowcost.core.asl;

import dev.flowcost.core.SourceLocation;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One Retry entry. Defaults follow the ASL specification: IntervalSeconds 1, MaxAttempts 3 (0 means never retry),
 * BackoffRate 2.0, JitterStrategy NONE. Every retry attempt is one more billed state transition.
 */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                      OptionalDouble maxDelaySeconds, JitterStrategy jitterStrategy, SourceLocation location) {

    public static final double DEFAULT_INTERVAL_SECONDS = 1.0;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
        jitterStrategy = jitterStrategy == null ? JitterStrategy.NONE : jitterStrategy;
    }

    /** Whether this retrier handles the named error ({@code States.ALL} matches every error but States.Runtime). */
    public boolean matches(String error) {
        return ErrorNames.matches(errorEquals, error);
    }

    /** Delay before retry number {@code n} (1-based), without jitter: interval × rate^(n-1), capped by MaxDelaySeconds. */
    public double delayBeforeRetrySeconds(int n) {
        double d = intervalSeconds * Math.pow(backoffRate, n - 1);
        return maxDelaySeconds.isPresent() ? Math.min(d, maxDelaySeconds.getAsDouble()) : d;
    }

    public enum JitterStrategy { FULL, NONE }
}
