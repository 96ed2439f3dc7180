package dev.flowcost.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.Retrier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The closed form for one shared retrier against the counter walk, and the ASL-maximum MaxAttempts. */
class RetryModelTest {

    private static Retrier retrier(int max, double interval, double rate, OptionalDouble cap,
                                   Retrier.JitterStrategy jitter) {
        return new Retrier(List.of("States.ALL"), interval, max, rate, cap, jitter, SourceLocation.UNKNOWN);
    }

    @Test
    void closedFormEqualsTheCounterWalk() {
        qt().withFixedSeed(15L).withExamples(300).forAll(integers().between(0, 40), doubles().between(0, 1),
                doubles().between(0, 0.5), integers().between(0, 3)).checkAssert((max, q, other, shape) -> {
                    double retried = q * (1 - other);
                    Map<String, Double> f = new LinkedHashMap<>();
                    f.put("Err.Retried", retried);
                    f.put("States.Runtime", other * (1 - retried)); // States.ALL does not match States.Runtime
                    OptionalDouble cap = shape % 2 == 0 ? OptionalDouble.empty() : OptionalDouble.of(7.5);
                    Retrier r = retrier(max, 0.5 + shape, 1 + shape * 0.7, cap,
                            shape >= 2 ? Retrier.JitterStrategy.FULL : Retrier.JitterStrategy.NONE);
                    RetryModel.Outcome closed = RetryModel.of(f, List.of(r), true);
                    RetryModel.Outcome walked = RetryModel.of(f, List.of(r), false);
                    assertThat(closed.attempts()).isCloseTo(walked.attempts(), within(1e-9 * walked.attempts()));
                    assertThat(closed.success()).isCloseTo(walked.success(), within(1e-9));
                    assertThat(closed.delaySeconds()).isCloseTo(walked.delaySeconds(),
                            within(1e-9 * Math.max(1, walked.delaySeconds())));
                    walked.failures().forEach((e, p) -> assertThat(closed.failures().get(e))
                            .as(e).isCloseTo(p, within(1e-9)));
                });
    }

    @Test
    void aslMaximumAttemptsWithCertainFailureIsCountedExactly() {
        Retrier r = retrier(99_999_999, 1, 1, OptionalDouble.empty(), Retrier.JitterStrategy.NONE);
        RetryModel.Outcome o = RetryModel.of(Map.of("States.TaskFailed", 1.0), List.of(r));
        // every attempt fails: 1 + 99,999,999 retries, each after 1 s, then the error leaves the state
        assertThat(o.attempts()).isEqualTo(100_000_000.0);
        assertThat(o.delaySeconds()).isEqualTo(99_999_999.0);
        assertThat(o.success()).isZero();
        assertThat(o.failures().get("States.TaskFailed")).isEqualTo(1.0);
    }

    @Test
    void capsTheBackoffAtMaxDelay() {
        // interval 1, rate 2, cap 10: delays 1, 2, 4, 8, then 10 for the remaining 96 retries = 15 + 960
        Retrier r = retrier(100, 1, 2, OptionalDouble.of(10), Retrier.JitterStrategy.NONE);
        RetryModel.Outcome o = RetryModel.of(Map.of("States.TaskFailed", 1.0), List.of(r));
        assertThat(o.delaySeconds()).isCloseTo(975.0, within(1e-9));
        assertThat(o.attempts()).isEqualTo(101.0);
    }

    @Test
    void anUncappedBackoffOverHugeAttemptsIsInfiniteNotNaN() {
        Retrier r = retrier(99_999_999, 1, 2, OptionalDouble.empty(), Retrier.JitterStrategy.NONE);
        RetryModel.Outcome o = RetryModel.of(Map.of("States.TaskFailed", 1.0), List.of(r));
        assertThat(o.delaySeconds()).isInfinite();
        assertThat(o.attempts()).isEqualTo(100_000_000.0);
    }
}
