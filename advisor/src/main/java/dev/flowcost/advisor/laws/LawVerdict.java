package dev.flowcost.advisor.laws;

import java.util.Optional;

/**
 * What checking one law gave: held, failed (with the smallest counterexample QuickTheories shrank to, the reason and
 * the seed that replays it), or not applicable to this price book and region.
 *
 * @param examples examples tried before the verdict
 * @param seed     the seed the law ran with: {@code --seed} replays a failure
 * @param millis   wall time of the check
 */
public record LawVerdict(String law, String description, Outcome outcome, int examples, long seed,
                         Optional<String> counterexample, Optional<String> reason, long millis) {

    public enum Outcome { PASSED, FAILED, NOT_APPLICABLE }

    public LawVerdict {
        counterexample = counterexample == null ? Optional.empty() : counterexample;
        reason = reason == null ? Optional.empty() : reason;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
