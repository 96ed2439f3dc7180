package dev.flowcost.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that price workflows (advise, report). */
final class AnalysisOptions {
    @Mixin
    WorkloadOption workload;

    @Mixin
    PricesOption prices;

    @Option(names = "--region", paramLabel = "R", description = "AWS region for prices (default: the workload's, else us-east-1). "
                    + "Example: --region eu-west-1")
    String region;

    @Option(names = "--keep-going", description = "Analyse the workflows that could be read even when some inputs have errors (the errors are "
                    + "still printed on stderr, and the exit code is then 3: the result leaves those inputs out). "
                    + "Example: --keep-going")
    boolean keepGoing;

    @Mixin
    BaseOption base;

    @Option(names = "--fail-over", paramLabel = "USD", converter = UsdAmount.class,
            description = "Exit 1 when the estate's monthly cost now is more than this many US dollars (a CI budget). "
                    + "Example: --fail-over 500")
    BigDecimal failOver;
}
