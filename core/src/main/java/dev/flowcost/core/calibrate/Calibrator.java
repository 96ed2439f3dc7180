package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.Severity;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.input.LoadedStateMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads record exports one file at a time — execution histories, list-executions, describe-map-run, Airflow task
 * instances and DAG runs — and adds what they say to the observations of the workflow each belongs to. Memory stays
 * flat in the number of files: a history is played and dropped (only the page of an execution whose next page may
 * follow is kept). Problems never stop the reading: a file or record that cannot be used is a diagnostic naming the
 * file and event id or row; an unreadable file is an error.
 */
public final class Calibrator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LoadedStateMachine> machines = new LinkedHashMap<>();
    private final Map<String, HistoryPlayback> playbacks = new HashMap<>();
    private final Map<String, Dag> dags = new LinkedHashMap<>();
    private final Map<String, WorkflowObservations> observations = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> warnedUnknown = new HashSet<>();
    private final Map<String, Long> unmatchedRecords = new LinkedHashMap<>();
    private final Set<String> runsSeen = new HashSet<>();
    private final Map<String, Pages> pages = new LinkedHashMap<>();
    private ExecutionHistory pending;
    private Path pendingPath;
    private int filesRead;

    public Calibrator(List<LoadedStateMachine> stateMachines, List<Dag> dagList) {
        for (LoadedStateMachine m : stateMachines) {
            machines.putIfAbsent(m.name(), m);
            playbacks.put(m.name(), new HistoryPlayback(m.machine()));
        }
        for (Dag d : dagList) {
            dags.putIfAbsent(d.dagId(), d);
        }
    }

    /** Reads one export file of the given kind. */
    public void read(Path file, ExportKind kind) {
        filesRead++;
        String name = file.toString();
        try {
            switch (kind) {
                case TASK_INSTANCE_CSV:
                    flushPending();
                    airflow(AirflowRecords::taskInstanceCsv, file);
                    return;
                case DAG_RUN_CSV:
                    flushPending();
                    AirflowRecords.dagRunCsv(file, this::dagRun, diagnostics::add);
                    return;
                case NONE:
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.INPUT_UNSUPPORTED, name, SourceLocation.UNKNOWN,
                            "not a record export flowcost "
                            + "calibrates from; not read"));
                    return;
                default:
                    break;
            }
            JsonNode root = parse(file);
            if (root == null) {
                return;
            }
            switch (kind) {
                case EXECUTION_HISTORY:
                    ExecutionHistory.of(name, root, diagnostics::add).ifPresent(h -> history(h, file));
                    break;
                case EXECUTION_LIST:
                    flushPending();
                    executionList(name, root);
                    break;
                case MAP_RUN:
                    flushPending();
                    mapRun(name, root);
                    break;
                case TASK_INSTANCES:
                    flushPending();
                    airflow((f, out, rep) -> AirflowRecords.taskInstances(name, root, out, rep), file);
                    page("task instances", "task_instances", name, root);
                    break;
                case DAG_RUNS:
                    flushPending();
                    AirflowRecords.dagRuns(name, root, this::dagRun, diagnostics::add);
                    page("DAG runs", "dag_runs", name, root);
                    break;
                default:
                    break;
            }
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, name, SourceLocation.UNKNOWN,
                    "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.CALIBRATE_UNUSABLE, name, SourceLocation.UNKNOWN,
                    "cannot use this export: " + e));
        }
    }

    /** Ends the reading (a last page still waiting for its continuation is judged) and returns what was found. */
    public Calibration finish() {
        flushPending();
        for (Map.Entry<String, Long> u : unmatchedRecords.entrySet()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, "", SourceLocation.UNKNOWN,
                    u.getValue() + " record(s) of " + u.getKey()
                    + " were not counted: no definition or DAG of that name was given"));
        }
        for (Pages p : pages.values()) {
            if (p.held < p.total) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, p.files.get(0), SourceLocation.UNKNOWN,
                        (p.files.size() > 1 ? "these " + p.files.size() + " files (" + String.join(", ", p.files) + ") hold " : "holds ")
                        + p.held + " of the " + p.total + " " + p.what + " the list reports (total_entries): Airflow's "
                        + "REST API returns one page at a time (at most [api] maximum_page_limit, 100 by default); give "
                        + "every page (limit and offset, or page_limit and page_offset in a batch body), or counts a "
                        + "month come out short"));
            }
        }
        return new Calibration(observations, diagnostics, filesRead, machines, dags);
    }

    /** A REST list's page: how many records it holds of the total_entries its query matched. */
    private static final class Pages {
        final String what;
        final long total;
        long held;
        final List<String> files = new ArrayList<>();

        Pages(String what, long total) {
            this.what = what;
            this.total = total;
        }
    }

    /**
     * Counts a REST list page towards its query's total_entries (v1 CollectionInfo and v2 *CollectionResponse both carry
     * it; https://airflow.apache.org/docs/apache-airflow/stable/stable-rest-api-ref.html). Pages of one query share
     * the total; a total the pages given fall short of is warned about in {@link #finish}.
     */
    private void page(String what, String key, String file, JsonNode root) {
        JsonNode list = root.get(key);
        JsonNode total = root.get("total_entries");
        if (list == null || !list.isArray() || total == null || !total.isIntegralNumber()) {
            return;
        }
        Pages p = pages.computeIfAbsent(what + "\u0000" + total.asLong(), k -> new Pages(what, total.asLong()));
        p.held += list.size();
        p.files.add(file);
    }

    private JsonNode parse(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                diagnostics.add(Diagnostic.error(DiagnosticCode.CALIBRATE_UNUSABLE, file.toString(),
                        SourceLocation.UNKNOWN, "expected a JSON object"));
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            diagnostics.add(new Diagnostic(Severity.ERROR, DiagnosticCode.INPUT_SYNTAX, file.toString(), "", l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr(), "not valid JSON (cut off?): " + e.getOriginalMessage()));
            return null;
        }
    }

    // ---- Step Functions ----

    private void history(ExecutionHistory h, Path file) {
        if (pending != null) {
            if (h.firstId() == pending.lastId() + 1 && !h.hasStart()) {
                pending = pending.join(h);
                if (pending.isComplete() || !pending.morePages()) {
                    ExecutionHistory done = pending;
                    Path p = pendingPath;
                    pending = null;
                    pendingPath = null;
                    playComplete(done, p);
                }
                return;
            }
            flushPending();
        }
        if (!h.hasStart()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, h.file(), SourceLocation.UNKNOWN,
                    "history begins at event " + h.firstId()
                    + ", not ExecutionStarted, and follows no page of its execution; not counted (give its pages in order)"));
            return;
        }
        if (!h.isComplete() && h.morePages()) {
            pending = h;
            pendingPath = file;
            return;
        }
        playComplete(h, file);
    }

    private void flushPending() {
        if (pending != null) {
            ExecutionHistory p = pending;
            Path f = pendingPath;
            pending = null;
            pendingPath = null;
            playComplete(p, f);
        }
    }

    private void playComplete(ExecutionHistory h, Path file) {
        if (!h.isComplete()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, h.file(), SourceLocation.UNKNOWN,
                    "history ends at event " + h.lastId()
                    + " without ExecutionSucceeded/Failed/Aborted/TimedOut (still running, or a page is missing); "
                    + "not counted"));
            return;
        }
        Optional<String> name = machineOf(h, file);
        if (name.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, h.file(), SourceLocation.UNKNOWN,
                    "cannot tell which state machine this "
                    + "history belongs to; add \"executionArn\" to the file or name it after the definition's file stem; "
                    + "not counted"));
            return;
        }
        HistoryPlayback playback = playbacks.get(name.get());
        Optional<String> child = playback.childOf(h);
        WorkflowObservations obs = observations(name.get(), false);
        Optional<String> problem = playback.play(h, child.orElse(null), obs);
        if (problem.isPresent()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, h.file(), SourceLocation.UNKNOWN,
                    problem.get() + " (state machine \""
                    + name.get() + "\"); this execution is not counted"));
        }
    }

    private Optional<String> machineOf(ExecutionHistory h, Path file) {
        List<String> fromArns = new ArrayList<>();
        h.executionArn().flatMap(Arns::stateMachine).ifPresent(fromArns::add);
        h.events().stream().filter(e -> e.type().equals("ExecutionStarted")).map(HistoryEvent::arn)
                .map(Arns::stateMachine).flatMap(Optional::stream).forEach(fromArns::add);
        for (String n : fromArns) {
            if (machines.containsKey(n)) {
                return Optional.of(n);
            }
        }
        if (!fromArns.isEmpty()) {
            return Optional.empty();
        }
        String fileName = file.getFileName().toString();
        for (String n : machines.keySet()) {
            if (fileName.startsWith(n) && fileName.length() > n.length()
                    && ":._-".indexOf(fileName.charAt(n.length())) >= 0) {
                return Optional.of(n);
            }
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
            if (machines.containsKey(p.getFileName().toString())) {
                return Optional.of(p.getFileName().toString());
            }
        }
        if (machines.size() == 1) {
            return Optional.of(machines.keySet().iterator().next());
        }
        Optional<String> first = h.events().stream().filter(HistoryEvent::isStateEntered).map(HistoryEvent::name).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        List<String> knowing = machines.keySet().stream().filter(n -> playbacks.get(n).knowsState(first.get())).toList();
        return knowing.size() == 1 ? Optional.of(knowing.get(0)) : Optional.empty();
    }

    private void executionList(String file, JsonNode root) {
        JsonNode list = root.get("executions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            String arn = x.path("stateMachineArn").asText(x.path("executionArn").asText(""));
            Optional<String> machine = Arns.stateMachine(arn);
            String at = "/executions/" + i;
            if (machine.isEmpty()) {
                diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file,
                        new SourceLocation(at, 0, 0), "execution without a state machine "
                        + "or execution ARN is not counted"));
                continue;
            }
            if (!machines.containsKey(machine.get())) {
                unmatched("state machine \"" + machine.get() + "\" (first at " + file + ":" + at + ")");
                continue;
            }
            WorkflowObservations obs = observations(machine.get(), false);
            if (Arns.isExpress(x.path("executionArn").asText(""))) {
                obs.expressSeen = true;
            }
            Optional<String> label = Arns.mapLabel(x.path("executionArn").asText(""));
            if (label.isPresent()) {
                obs.childExecutions++;
                continue;
            }
            obs.listed.add(Timestamps.of(x.get("startDate")).orElse(null), x.path("status").asText(""));
        }
    }

    private void mapRun(String file, JsonNode root) {
        String arn = root.path("mapRunArn").asText("");
        Optional<String> machine = Arns.stateMachine(arn);
        Optional<String> label = Arns.mapLabel(arn);
        if (machine.isEmpty() || label.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file,
                    new SourceLocation("/mapRunArn", 0, 0), "mapRunArn \"" + arn
                    + "\" does not name a state machine and Map label; not counted"));
            return;
        }
        if (!machines.containsKey(machine.get())) {
            unmatched("state machine \"" + machine.get() + "\" (first at " + file + ")");
            return;
        }
        Optional<String> path = mapPathOf(machine.get(), label.get());
        if (path.isEmpty()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, file,
                    new SourceLocation("/mapRunArn", 0, 0), "state machine \""
                    + machine.get() + "\" has no Distributed Map labelled \"" + label.get() + "\"; not counted"));
            return;
        }
        StepObservations step = observations(machine.get(), false).step(path.get(), "Map");
        JsonNode items = root.path("itemCounts").path("total");
        JsonNode children = root.path("executionCounts").path("total");
        if (items.isNumber()) {
            step.items.add(items.asDouble());
        }
        if (children.isNumber()) {
            step.children.add(children.asDouble());
        }
        step.mapRuns++;
    }

    private Optional<String> mapPathOf(String machine, String label) {
        for (Map.Entry<String, State> e : StatePaths.of(machines.get(machine).machine()).entrySet()) {
            if (e.getValue() instanceof MapState m && m.isDistributed()
                    && (m.label().orElse(m.name()).equals(label) || m.name().equals(label))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    // ---- Airflow ----

    private interface TaskInstanceSource {
        void read(Path file, java.util.function.Consumer<AirflowRecords.TaskInstance> out,
                  java.util.function.Consumer<Diagnostic> report) throws IOException;
    }

    private void airflow(TaskInstanceSource source, Path file) throws IOException {
        Map<String, AirflowRecords.TaskInstance> latest = new LinkedHashMap<>();
        Map<String, Integer> mapped = new HashMap<>();
        source.read(file, ti -> {
            if (!dags.containsKey(ti.dagId())) {
                unmatched("DAG \"" + ti.dagId() + "\" (first at " + ti.where() + ")");
                return;
            }
            if (dags.get(ti.dagId()).task(ti.taskId()).isEmpty()) {
                if (warnedUnknown.add(ti.dagId() + "\u0000" + ti.taskId())) {
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.CALIBRATE_SKIPPED, ti.where(),
                            SourceLocation.UNKNOWN, "task \"" + ti.taskId()
                            + "\" is not in DAG \"" + ti.dagId() + "\" as given; its instances are not counted"));
                }
                return;
            }
            WorkflowObservations obs = observations(ti.dagId(), true);
            StepObservations step = obs.step(ti.taskId(), "AirflowTask");
            if (ranOrIsRunning(ti.state())) {
                step.duration.add(ti.seconds());
                if (ti.queuedAt().isPresent() && ti.start().isPresent()) {
                    double wait = HistoryPlayback.seconds(ti.queuedAt().get(), ti.start().get());
                    if (wait >= 0) {
                        step.queueWait.add(wait);
                    }
                }
            }
            String key = ti.dagId() + "\u0000" + ti.runId() + "\u0000" + ti.taskId() + "\u0000" + ti.mapIndex();
            latest.merge(key, ti, (a, b) -> b.tryNumber() >= a.tryNumber() ? b : a);
            if (runsSeen.add(ti.dagId() + "\u0000" + ti.runId())) {
                obs.played.add(ti.start().or(ti::queuedAt).orElse(null), "");
            }
        }, diagnostics::add);
        for (AirflowRecords.TaskInstance ti : latest.values()) {
            StepObservations step = observations(ti.dagId(), true).step(ti.taskId(), "AirflowTask");
            step.entries++;
            if (ti.mapIndex() >= 0) {
                mapped.merge(ti.dagId() + "\u0000" + ti.runId() + "\u0000" + ti.taskId(), 1, Integer::sum);
            }
            int tries = Math.max(0, ti.tryNumber());
            int failures;
            switch (ti.state()) {
                case "success":
                    tries = Math.max(1, tries);
                    failures = tries - 1;
                    break;
                case "failed":
                case "up_for_retry":
                    tries = Math.max(1, tries);
                    failures = tries;
                    break;
                case "running", "queued", "scheduled", "deferred", "up_for_reschedule", "restarting":
                    tries = Math.max(0, tries - 1);
                    failures = tries;
                    break;
                default:
                    tries = 0;
                    failures = 0;
            }
            for (int a = 1; a <= tries; a++) {
                step.attempt(a);
                if (a <= failures) {
                    step.failure("States.TaskFailed", a);
                }
            }
        }
        for (Map.Entry<String, Integer> m : mapped.entrySet()) {
            String[] k = m.getKey().split("\u0000", -1);
            observations(k[0], true).step(k[2], "AirflowTask").items.add(m.getValue());
        }
    }

    private static boolean ranOrIsRunning(String state) {
        return state.equals("success") || state.equals("failed") || state.equals("up_for_retry");
    }

    private void dagRun(AirflowRecords.DagRun run) {
        if (!dags.containsKey(run.dagId())) {
            unmatched("DAG \"" + run.dagId() + "\" (first at " + run.where() + ")");
            return;
        }
        observations(run.dagId(), true).listed.add(run.start().orElse(null), run.state());
    }

    private void unmatched(String what) {
        String key = what.substring(0, what.indexOf(" (first at"));
        String existing = unmatchedRecords.keySet().stream().filter(k -> k.startsWith(key + " ")).findFirst().orElse(null);
        if (existing == null) {
            unmatchedRecords.put(what, 1L);
        } else {
            unmatchedRecords.merge(existing, 1L, Long::sum);
        }
    }

    private WorkflowObservations observations(String name, boolean dag) {
        return observations.computeIfAbsent(name, n -> new WorkflowObservations(n, dag));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
