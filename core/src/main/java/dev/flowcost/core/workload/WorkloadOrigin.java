package dev.flowcost.core.workload;

import dev.flowcost.core.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a workload's entries were written: its file and the line and column of every workflow, state, task and
 * environment-glob key, by JSON Pointer. A warning about an entry that matches nothing can then name the very line
 * to fix, not just the key.
 *
 * @param file      the workload file as named on the command line ("" for a workload made in memory)
 * @param locations each entry's location by pointer ({@code /workflows/orders/states/Charge})
 */
public record WorkloadOrigin(String file, Map<String, SourceLocation> locations) {

    public static final WorkloadOrigin NONE = new WorkloadOrigin("", Map.of());

    public WorkloadOrigin {
        file = file == null ? "" : file;
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }

    /** The location of the entry at {@code pointer}, or one that names only the pointer. */
    public SourceLocation at(String pointer) {
        SourceLocation l = locations.get(pointer);
        return l != null ? l : new SourceLocation(pointer, 0, 0);
    }
}
