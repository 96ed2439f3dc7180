package dev.flowcost.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: stack traces for errors, for bug reports (read by {@link FlowcostCommand}'s error handler). */
final class DebugOption {
    @Option(names = "--debug", description = "Show stack traces for errors (for bug reports). Example: --debug")
    boolean debug;
}
