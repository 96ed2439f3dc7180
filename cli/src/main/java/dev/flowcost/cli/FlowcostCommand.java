package dev.flowcost.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flowcost} command: reads the workflows a team has (Step Functions state machines, Airflow DAGs),
 * counts what the bill counts, prices it and says what to change. Each subcommand is its own class.
 */
@Command(name = "flowcost", mixinStandardHelpOptions = true, versionProvider = FlowcostCommand.Version.class,
        description = {"What your workflow orchestration (AWS Step Functions, Amazon MWAA) costs, and what to change.", ""},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ValidateCommand.class, SimulateCommand.class, InspectCommand.class, ConvertCommand.class,
                AdviseCommand.class, ReportCommand.class, CalibrateCommand.class, ReconcileCommand.class,
                PricesCommand.class, DiffCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 over the --fail-over budget, 2 usage error, 3 input error, 4 internal error.",
                "Example:", "  flowcost report examples/ -w examples/workload.yaml --out flowcost-report",
                "Run 'flowcost help COMMAND' (or 'flowcost COMMAND --help') for a command's options and examples."})
public final class FlowcostCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs flowcost with the given streams and returns its exit code; what {@link #main} and the tests call. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FlowcostCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(FlowcostCommand::exitCodeOf);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("flowcost: " + usageMessage(ex));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.originalArgs().contains("--debug");
            int code = exitCodeOf(ex);
            commandLine.getErr().println("flowcost: " + messageOf(ex));
            if (debug || code == ExitCode.INTERNAL.code()) {
                if (debug) {
                    ex.printStackTrace(commandLine.getErr());
                } else {
                    commandLine.getErr().println("(run again with --debug for details, and please report it)");
                }
            }
            return code;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int exitCodeOf(Throwable ex) {
        if (ex instanceof InputException || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException) {
            return ExitCode.INPUT.code();
        }
        if (ex instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE.code();
        }
        return ExitCode.INTERNAL.code();
    }

    /** Picocli's message, except that a word where the command should be is called an unknown command. */
    private static String usageMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", ex.getCommandLine().getSubcommands().keySet()) + ")";
        }
        return ex.getMessage();
    }

    private static String messageOf(Throwable ex) {
        if (ex instanceof java.io.IOException io) {
            return FileProblems.describe(io);
        }
        if (ex instanceof java.io.UncheckedIOException && ex.getCause() != null) {
            return messageOf(ex.getCause());
        }
        String m = ex.getMessage();
        return m == null ? ex.getClass().getSimpleName() : m;
    }

    /** Reads the version from the jar manifest, or says "development build". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FlowcostCommand.class.getPackage().getImplementationVersion();
            return new String[] {"flowcost " + (v == null ? "0.1.0 (development build)" : v)};
        }
    }
}
