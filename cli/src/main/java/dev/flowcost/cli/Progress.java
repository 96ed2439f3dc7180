package dev.flowcost.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** Says on stderr what a long step is doing, when stderr is a terminal; silent otherwise (CI, pipes). */
final class Progress {
    private Progress() {
    }

    static <T> T around(PrintWriter err, String what, Supplier<T> work) {
        boolean tty = System.console() != null;
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
}
