package dev.flowcost.cli;

import picocli.CommandLine.Option;

/** Options every command that prints a result shares. */
final class CommonOptions {
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output for people (text, the default) or for machines (json: stdout is then only JSON, "
                    + "warnings go to stderr). Example: --format json")
    OutputFormat format = OutputFormat.text;

    @picocli.CommandLine.Mixin
    DebugOption debug;
}
