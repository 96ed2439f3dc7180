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
                PricesCommand.class, DiffCommand.class, LawsCommand.class,
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

    /** Memory set aside so that the one-line message about an OutOfMemoryError can still be written. */
    private static byte[] reserve = new byte[256 * 1024];

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (Throwable t) { // never let the JVM's default handler exit 1, the budget's code
            code = ExitCode.INTERNAL.code();
        }
        System.exit(code);
    }

    /**
     * Runs flowcost with the given streams and returns its exit code; what {@link #main} and the tests call. Every
     * {@link Throwable} ends here as an exit code: 2 usage, 3 input, 4 internal (an OutOfMemoryError or a
     * StackOverflowError included, in one line, the trace only with --debug); 1 is only ever the budget.
     * Both streams pass through {@link TerminalWriter}, so no control character from an input reaches the terminal.
     */
    public static int execute(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = TerminalWriter.safe(rawOut);
        PrintWriter err = TerminalWriter.safe(rawErr);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        Activity.set(args.length > 0 && !args[0].startsWith("-") ? "running 'flowcost " + args[0] + "'" : "starting");
        try {
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
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, debug, err));
            return cl.execute(args);
        } catch (Throwable t) {
            return report(t, debug, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Says what went wrong in one line (the trace only with --debug) and returns the exit code. */
    static int report(Throwable ex, boolean debug, PrintWriter err) {
        if (ex instanceof OutOfMemoryError) {
            reserve = null; // give the message room
        }
        int code = exitCodeOf(ex);
        if (code == ExitCode.INTERNAL.code()) {
            err.println("flowcost: " + internalMessage(ex, Activity.current()));
        } else {
            err.println("flowcost: " + messageOf(ex));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The one line an internal error gets: what happened, while doing what, and how to see more. */
    static String internalMessage(Throwable ex, String activity) {
        String what;
        if (ex instanceof OutOfMemoryError) {
            return "internal error: out of memory while " + activity + "; run with --debug for the trace, or give Java "
                    + "more memory (FLOWCOST_JAVA_OPTS=-Xmx4g)";
        } else if (ex instanceof StackOverflowError) {
            what = "the input is nested too deeply to follow (stack overflow) while " + activity;
        } else {
            String m = ex.getMessage();
            what = "internal error while " + activity + ": " + (m == null || m.isBlank() ? ex.getClass().getSimpleName()
                    : firstLine(m));
            return what + "; run with --debug for the trace, and please report it";
        }
        return "internal error: " + what + "; run with --debug for the trace";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    static int exitCodeOf(Throwable ex) {
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
