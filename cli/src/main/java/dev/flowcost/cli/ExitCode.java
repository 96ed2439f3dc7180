package dev.flowcost.cli;

/** Every exit code flowcost returns: part of its public interface, relied on by CI scripts. */
public enum ExitCode {
    /** Done, nothing over budget. */
    OK(0),
    /** Findings or a cost increase over the {@code --fail-over} budget. */
    OVER_BUDGET(1),
    /** The command line was wrong (unknown option, missing argument, bad value). */
    USAGE(2),
    /** An input could not be used (bad file, invalid definition); the message names the file and place. */
    INPUT(3),
    /** A bug in flowcost: please report it with the output of {@code --debug}. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
