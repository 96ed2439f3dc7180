package dev.flowcost.cli;

/**
 * What flowcost is doing right now, in the user's words ("reading the workload file", "writing reports"), so that
 * an internal error met deep inside (an {@code OutOfMemoryError} above all) can still say in one line what it
 * interrupted.
 */
final class Activity {
    private static volatile String current = "starting";

    private Activity() {
    }

    static void set(String what) {
        current = what;
    }

    static String current() {
        return current;
    }
}
