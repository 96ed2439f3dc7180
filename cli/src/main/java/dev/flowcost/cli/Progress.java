package dev.flowcost.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Says on stderr what a long step is doing, when stderr is a terminal; silent otherwise (CI, pipes). */
final class Progress {
    private static final boolean STDERR_IS_TERMINAL = stderrIsTerminal();

    private Progress() {
    }

    static <T> T around(PrintWriter err, String what, Supplier<T> work) {
        Activity.set(what);
        boolean tty = STDERR_IS_TERMINAL;
        long start = System.nanoTime();
        if (tty) {
            err.print("flowcost: " + what + "...");
            err.flush();
        }
        T result = work.get();
        if (tty) {
            err.printf(" done in %.1f s%n", (System.nanoTime() - start) / 1e9);
            err.flush();
        }
        return result;
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 cannot ask this directly ({@link System#console()} asks about
     * stdin and stdout, so {@code flowcost ... > out.json} would hide progress and {@code 2> log} would fill the log):
     * on Linux the descriptor's link names the device; elsewhere fall back to the console.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall back below
        }
        return System.console() != null;
    }
}
