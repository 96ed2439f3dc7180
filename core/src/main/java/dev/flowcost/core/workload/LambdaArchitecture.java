package dev.flowcost.core.workload;

import java.util.Locale;
import java.util.Optional;

/**
 * The instruction set a Lambda function runs on, as the workload names it: Arm (Graviton) is billed at a lower
 * GB-second price than x86, so the advisor needs to know which one a Task invokes. x86_64 is Lambda's default.
 */
public enum LambdaArchitecture {
    X86_64,
    ARM64;

    /** The words a workload may write, case-insensitively, for {@link #parse}. */
    /** What Lambda gives a function that names no architecture (CreateFunction's Architectures, cited in ServiceDefaults). */
    public static final LambdaArchitecture DEFAULT = X86_64;

    public static final String ACCEPTED = "arm64, arm, graviton, x86_64 or x86";

    /** The architecture a workload word names ({@code arm}, {@code arm64}, {@code graviton}, {@code x86}, {@code x86_64}), or empty. */
    public static Optional<LambdaArchitecture> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "arm", "arm64", "graviton":
                return Optional.of(ARM64);
            case "x86", "x86_64":
                return Optional.of(X86_64);
            default:
                return Optional.empty();
        }
    }
}
