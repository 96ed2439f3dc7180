package dev.flowcost.core.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.ChoiceState;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.input.LoadedStateMachine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the records said, per workflow, and the workload values that follow from it, each with its provenance.
 * Values are only given where data exists; everything else stays with the hand-written workload or the defaults.
 */
public final class Calibration {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, WorkflowObservations> workflows;
    private final List<Diagnostic> diagnostics;
    private final int filesRead;
    private final Map<String, LoadedStateMachine> machines;
    private final Map<String, Dag> dags;

    Calibration(Map<String, WorkflowObservations> workflows, List<Diagnostic> diagnostics, int filesRead,
                Map<String, LoadedStateMachine> machines, Map<String, Dag> dags) {
        this.workflows = Collections.unmodifiableMap(new LinkedHashMap<>(workflows));
        this.diagnostics = List.copyOf(diagnostics);
        this.filesRead = filesRead;
        this.machines = machines;
        this.dags = dags;
    }

    public Map<String, WorkflowObservations> workflows() {
        return workflows;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public int filesRead() {
        return filesRead;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Every workload value the records support, workflow by workflow, in definition order. */
    public List<CalibratedValue> values() {
        List<CalibratedValue> out = new ArrayList<>();
        for (WorkflowObservations w : workflows.values()) {
            if (w.isDag()) {
                dagValues(w, out);
            } else {
                machineValues(w, out);
            }
        }
        return out;
    }

    // ---- state machines ----

    private void machineValues(WorkflowObservations w, List<CalibratedValue> out) {
        String name = w.workflow();
        String source = executionsSource(w, "executions");
        WorkflowObservations.Counts counts = w.listed().executions() > 0 ? w.listed() : w.played();
        if (counts.executions() > 0) {
            out.add(new CalibratedValue(name, "", "", "workflowType", NODES.textNode(w.expressSeen ? "EXPRESS" : "STANDARD"),
                    (w.expressSeen ? "express: execution ARNs; " : "execution histories and list-executions exist only for "
                            + "Standard workflows; ") + source, Optional.empty()));
            monthly(counts).ifPresent(m -> out.add(new CalibratedValue(name, "", "", "executionsPerMonth",
                    number(m.value), m.text + (w.listed().executions() > 0 ? " (list-executions)" : " (histories; "
                    + "give list-executions if not every execution's history was exported)"), Optional.of(m.interval))));
        }
        Map<String, State> paths = machines.containsKey(name) ? StatePaths.of(machines.get(name).machine()) : Map.of();
        String played = executionsSource(w, "executions");
        for (Map.Entry<String, State> e : paths.entrySet()) {
            StepObservations s = w.steps().get(e.getKey());
            if (s == null) {
                continue;
            }
            State state = e.getValue();
            String entries = String.format(Locale.ROOT, "entered %s time(s) %s", grouped(s.entries()), played);
            if (state.type().equals("Task")) {
                failures(name, "states", s, entries, out);
                durations(name, "states", s, played, out);
            } else if (state.type().equals("Wait")) {
                durations(name, "states", s, played, out);
            } else if (state instanceof MapState m) {
                mapItems(name, s, m, played, out);
            } else if (state instanceof ChoiceState c) {
                branches(name, s, c, played, out);
            }
        }
    }

    private void failures(String wf, String section, StepObservations s, String entries, List<CalibratedValue> out) {
        if (s.attempts() == 0) {
            return;
        }
        String base = String.format(Locale.ROOT, "%s; %s attempt(s), %s retr%s", entries, grouped(s.attempts()),
                grouped(s.retries()), s.retries() == 1 ? "y" : "ies");
        if (s.failuresByError().isEmpty()) {
            Interval ci = Interval.wilson(0, s.attempts());
            out.add(new CalibratedValue(wf, section, s.path(), "failureRate", number(0.0), base
                    + "; no attempt failed; 95% CI " + fmt(ci.low()) + ".." + fmt(ci.high()), Optional.of(ci)));
            return;
        }
        if (section.equals("tasks")) {
            long f = s.failuresByError().values().stream().mapToLong(Long::longValue).sum();
            Interval ci = Interval.wilson(f, s.attempts());
            out.add(new CalibratedValue(wf, section, s.path(), "failureRate", number((double) f / s.attempts()),
                    base + "; " + grouped(f) + " failed try(s)" + perAttempt(s, "States.TaskFailed") + "; 95% CI "
                            + fmt(ci.low()) + ".." + fmt(ci.high()), Optional.of(ci)));
            return;
        }
        ObjectNode errors = NODES.objectNode();
        StringBuilder text = new StringBuilder(base);
        for (Map.Entry<String, Long> f : s.failuresByError().entrySet()) {
            double rate = (double) f.getValue() / s.attempts();
            errors.put(f.getKey(), round(rate));
            Interval ci = Interval.wilson(f.getValue(), s.attempts());
            text.append("; ").append(f.getKey()).append(' ').append(grouped(f.getValue())).append(" failure(s), 95% CI ")
                    .append(fmt(ci.low())).append("..").append(fmt(ci.high())).append(perAttempt(s, f.getKey()));
        }
        Optional<Interval> single = s.failuresByError().size() == 1
                ? Optional.of(Interval.wilson(s.failuresByError().values().iterator().next(), s.attempts()))
                : Optional.empty();
        out.add(new CalibratedValue(wf, section, s.path(), "errors", errors, text.toString(), single));
    }

    private static String perAttempt(StepObservations s, String error) {
        if (s.maxAttempt() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (by attempt:");
        for (int a = 1; a <= Math.min(5, s.maxAttempt()); a++) {
            b.append(' ').append(a).append(": ").append(fmt(s.failureRateAtAttempt(error, a)));
        }
        return b.append(')').toString();
    }

    private void durations(String wf, String section, StepObservations s, String source, List<CalibratedValue> out) {
        SampleStats d = s.duration();
        if (d.count() == 0) {
            return;
        }
        Interval mi = d.meanInterval();
        out.add(new CalibratedValue(wf, section, s.path(), "durationSeconds", number(round(d.mean())),
                String.format(Locale.ROOT, "mean of %s attempt(s) %s; 95%% CI %s..%s", grouped(d.count()), source,
                        fmt(mi.low()), fmt(mi.high())), Optional.of(mi)));
        Interval pi = d.p95Interval();
        out.add(new CalibratedValue(wf, section, s.path(), "p95Seconds", number(round(d.p95())),
                String.format(Locale.ROOT, "95th percentile of %s attempt(s) %s; 95%% CI %s..%s", grouped(d.count()), source,
                        fmt(pi.low()), fmt(pi.high())), Optional.of(pi)));
    }

    private void mapItems(String wf, StepObservations s, MapState m, String source, List<CalibratedValue> out) {
        SampleStats items = s.items();
        if (items.count() == 0) {
            return;
        }
        ObjectNode v = NODES.objectNode();
        v.put("mean", round(items.mean()));
        v.put("min", (long) items.min());
        v.put("max", (long) items.max());
        Interval mi = items.meanInterval();
        String children = "";
        if (m.isDistributed() && s.children().count() > 0) {
            children = String.format(Locale.ROOT, "; %s child execution(s) per Map Run on average",
                    fmt(s.children().mean()));
        }
        String what = m.isDistributed() ? grouped(items.count()) + " Map Run(s) (describe-map-run), " + source
                : grouped(items.count()) + " Map execution(s) " + source;
        out.add(new CalibratedValue(wf, "states", s.path(), "items", v, String.format(Locale.ROOT,
                "items per Map execution over %s; 95%% CI of the mean %s..%s%s", what, fmt(mi.low()), fmt(mi.high()),
                children), Optional.of(mi)));
    }

    private void branches(String wf, StepObservations s, ChoiceState c, String source, List<CalibratedValue> out) {
        long n = s.branchDecisions();
        if (n == 0) {
            return;
        }
        ObjectNode v = NODES.objectNode();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s decision(s) %s, by the state entered next",
                grouped(n), source));
        List<String> keys = new ArrayList<>();
        for (int r = 0; r < c.choices().size(); r++) {
            String k = HistoryPlayback.branchKey(c, c.choices().get(r).next());
            if (k != null && !keys.contains(k)) {
                keys.add(k);
            }
        }
        if (c.defaultNext().isPresent()) {
            String k = HistoryPlayback.branchKey(c, c.defaultNext().get());
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        for (String k : keys) {
            long count = s.branches().getOrDefault(k, 0L);
            v.put(k, round((double) count / n));
            Interval ci = Interval.wilson(count, n);
            text.append("; ").append(k).append(' ').append(grouped(count)).append(" (95% CI ").append(fmt(ci.low()))
                    .append("..").append(fmt(ci.high())).append(')');
        }
        out.add(new CalibratedValue(wf, "states", s.path(), "branches", v, text.toString(), Optional.empty()));
    }

    // ---- DAGs ----

    private void dagValues(WorkflowObservations w, List<CalibratedValue> out) {
        String name = w.workflow();
        WorkflowObservations.Counts counts = w.listed().executions() > 0 ? w.listed() : w.played();
        String runs = executionsSource(w, "DAG runs");
        monthly(counts).ifPresent(m -> out.add(new CalibratedValue(name, "", "", "executionsPerMonth", number(m.value),
                m.text.replace("executions", "DAG runs") + (w.listed().executions() > 0 ? " (dag-run list)"
                        : " (runs seen in task instances)"), Optional.of(m.interval))));
        Dag dag = dags.get(name);
        for (StepObservations s : w.steps().values()) {
            if (dag != null && dag.task(s.path()).isEmpty()) {
                continue;
            }
            String entries = String.format(Locale.ROOT, "%s task instance(s) %s", grouped(s.entries()), runs);
            failures(name, "tasks", s, entries, out);
            durations(name, "tasks", s, runs, out);
            if (s.queueWait().count() > 0) {
                int last = out.size() - 1;
                CalibratedValue d = out.get(last);
                if (d.step().equals(s.path()) && d.key().equals("p95Seconds")) {
                    out.set(last, new CalibratedValue(d.workflow(), d.section(), d.step(), d.key(), d.value(),
                            d.provenance() + String.format(Locale.ROOT, "; queue wait mean %s s, p95 %s s (not a "
                                    + "workload key)", fmt(s.queueWait().mean()), fmt(s.queueWait().p95())),
                            d.interval()));
                }
            }
            SampleStats items = s.items();
            if (items.count() > 0) {
                ObjectNode v = NODES.objectNode();
                v.put("mean", round(items.mean()));
                v.put("min", (long) items.min());
                v.put("max", (long) items.max());
                Interval mi = items.meanInterval();
                out.add(new CalibratedValue(name, "tasks", s.path(), "items", v, String.format(Locale.ROOT,
                        "mapped instances (map_index) per run over %s run(s), %s; 95%% CI of the mean %s..%s",
                        grouped(items.count()), runs, fmt(mi.low()), fmt(mi.high())), Optional.of(mi)));
            }
        }
    }

    // ---- shared ----

    private record Monthly(double value, Interval interval, String text) {
    }

    /**
     * Executions a month: the count of the one calendar month the data covers, or the mean over the calendar
     * months between the first and last start, leaving out a partial first and last month when full months lie
     * between. The interval is Poisson (count ± 1.96·√count, per month).
     */
    private static Optional<Monthly> monthly(WorkflowObservations.Counts c) {
        if (c.perMonth().isEmpty()) {
            return Optional.empty();
        }
        YearMonth first = c.perMonth().keySet().iterator().next();
        YearMonth last = ((java.util.TreeMap<YearMonth, Long>) c.perMonth).lastKey();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        if (months.size() > 2) {
            LocalDate firstDay = c.first().atOffset(ZoneOffset.UTC).toLocalDate();
            LocalDate lastDay = c.last().atOffset(ZoneOffset.UTC).toLocalDate();
            if (firstDay.getDayOfMonth() > 1) {
                months.remove(0);
            }
            if (lastDay.getDayOfMonth() < lastDay.lengthOfMonth()) {
                months.remove(months.size() - 1);
            }
        }
        long sum = months.stream().mapToLong(m -> c.perMonth().getOrDefault(m, 0L)).sum();
        int k = months.size();
        double mean = (double) sum / k;
        double half = Interval.Z95 * Math.sqrt(sum) / k;
        String range = months.size() == 1 ? "in " + months.get(0) : "a month on average over the " + k + " months " + months.get(0)
                + ".." + months.get(k - 1);
        return Optional.of(new Monthly(round(mean), new Interval(Math.max(0, mean - half), mean + half),
                String.format(Locale.ROOT, "from %s executions%s: %s %s; 95%% CI %s..%s", grouped(c.executions()),
                        range(c.first(), c.last()), grouped(sum), range, fmt(Math.max(0,
                        mean - half)), fmt(mean + half))));
    }

    /** "1,204 executions, 2026-10-01..2026-10-31" */
    static String executionsSource(WorkflowObservations w, String noun) {
        WorkflowObservations.Counts c = w.played().executions() > 0 ? w.played() : w.listed();
        return "from " + grouped(c.executions()) + " " + noun + range(c.first(), c.last());
    }

    static String range(Instant first, Instant last) {
        if (first == null || last == null) {
            return "";
        }
        return ", " + first.atOffset(ZoneOffset.UTC).toLocalDate() + ".." + last.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Six significant digits: enough for a workload, and stable in a diff. */
    static double round(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        double scale = Math.pow(10, 5 - Math.floor(Math.log10(Math.abs(x))));
        return Math.round(x * scale) / scale;
    }

    private static JsonNode number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? NODES.numberNode((long) x) : NODES.numberNode(x);
    }
}
