package dev.flowcost.core.asl;

import java.util.List;

/** Matching of error names against ErrorEquals lists, as the ASL specification defines it. */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String RUNTIME = "States.Runtime";

    private ErrorNames() {
    }

    /** States.ALL matches any error except States.Runtime; States.TaskFailed matches any error except States.Timeout. */
    public static boolean matches(List<String> errorEquals, String error) {
        for (String e : errorEquals) {
            if (e.equals(error)) {
                return true;
            }
            if (e.equals(ALL) && !RUNTIME.equals(error)) {
                return true;
            }
            if (e.equals(TASK_FAILED) && !TIMEOUT.equals(error) && !RUNTIME.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
