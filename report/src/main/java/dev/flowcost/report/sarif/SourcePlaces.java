package dev.flowcost.report.sarif;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagInputReader;
import dev.flowcost.core.dag.DagTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where in the user's files a finding's target is written: the line and column of a state in its definition (or
 * template), of a task in its DAG file, else of the workflow itself. Code scanning annotates that line, so it must be
 * the line the user would edit. The files are read again, one at a time, only for the workflows that have findings.
 */
final class SourcePlaces {

    /** A file (as the analysis names it) and a 1-based line and column; line 0 when only the file is known. */
    record Place(String file, int line, int column) {
    }

    private final Map<String, WorkflowAnalysis> workflows = new HashMap<>();
    private final Map<String, Map<String, Place>> byWorkflow = new HashMap<>();

    SourcePlaces(Analysis analysis) {
        for (WorkflowAnalysis w : analysis.workflows()) {
            workflows.putIfAbsent(w.name(), w);
        }
    }

    /** The place of {@code target} (a state path or task id) in workflow {@code workflow}, else of the workflow. */
    Optional<Place> of(String workflow, List<String> targets) {
        WorkflowAnalysis w = workflows.get(workflow);
        if (w == null || w.file() == null || w.file().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Place> places = byWorkflow.computeIfAbsent(workflow, k -> read(w));
        for (String t : targets) {
            Place p = places.get(t);
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.of(places.getOrDefault("", new Place(w.file(), 0, 0)));
    }

    private static Map<String, Place> read(WorkflowAnalysis w) {
        Map<String, Place> out = new HashMap<>();
        Path file = Path.of(w.file());
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            if (w.kind() == WorkflowAnalysis.Kind.STATE_MACHINE) {
                AslReadResult r = new AslReader().read(file);
                r.machine().ifPresent(m -> {
                    for (Map.Entry<String, State> e : StatePaths.of(m).entrySet()) {
                        int line = e.getValue().location().line();
                        if (line > 0) {
                            out.put(e.getKey(), new Place(w.file(), line, Math.max(1, e.getValue().location().column())));
                        }
                    }
                });
            } else {
                for (Dag d : new DagInputReader().read(file).dags()) {
                    if (d.dagId().equals(w.name())) {
                        if (d.line() > 0) {
                            out.put("", new Place(w.file(), d.line(), 1));
                        }
                        for (DagTask t : d.tasks()) {
                            if (t.line() > 0) {
                                out.put(t.taskId(), new Place(w.file(), t.line(), 1));
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // a file that changed since it was analysed: the finding keeps its file without a line
        }
        return out;
    }
}
