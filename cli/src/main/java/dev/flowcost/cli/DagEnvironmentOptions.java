package dev.flowcost.cli;

import picocli.CommandLine.Option;

/** Options that describe the MWAA environment a DAG runs on, when the workload file does not. */
final class DagEnvironmentOptions {
    @Option(names = "--environment-class", paramLabel = "CLASS",
            description = "MWAA environment class for DAG simulation: mw1.micro, mw1.small, mw1.medium, mw1.large, "
                    + "mw1.xlarge, mw1.2xlarge (default: the workload's environment hosting the DAG, else mw1.small). Example: --environment-class mw1.medium")
    String environmentClass;

    @Option(names = "--workers", paramLabel = "N", description = "Workers (minimum) for DAG simulation (default: the workload's, else 1). Example: --workers 2")
    Integer workers;

    @Option(names = "--max-workers", paramLabel = "N", description = "Maximum workers for the month simulation (default: the workload's, else 10). Example: --max-workers 5")
    Integer maxWorkers;
}
