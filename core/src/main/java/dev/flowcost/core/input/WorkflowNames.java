package dev.flowcost.core.input;

import java.nio.file.Path;
import java.util.Locale;

/** How flowcost names a state machine: its file name without the definition extensions, as the workload keys it. */
public final class WorkflowNames {

    private static final String[] SUFFIXES = {".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"};

    private WorkflowNames() {
    }

    /** {@code orders.asl.json} → {@code orders}; {@code etl.yaml} → {@code etl}. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : SUFFIXES) {
            if (lower.endsWith(s) && lower.length() > s.length()) {
                return name.substring(0, name.length() - s.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
