package dev.flowcost.core.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.input.InputText;
import dev.flowcost.core.input.LocatedDocument;
import dev.flowcost.core.input.LocatedParser;
import dev.flowcost.core.input.TextDecoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a workload file (YAML or JSON) as DESIGN.md's contract describes it, turning every mistake into a
 * diagnostic with a JSON Pointer and line: unknown keys are warnings (with a "did you mean"), bad values are
 * errors. A file without {@code workflows:} (top-level {@code executionsPerMonth}, {@code states}, ...) applies to
 * the single input given and is stored under {@link Workload#ANY_WORKFLOW}. Never throws for bad input; the
 * workload is returned only when the file has no errors.
 */
public final class WorkloadReader {

    /** More items than this is a typo, not a workload (and would overflow counts). */
    private static final double MAX_ITEMS = 1e12;
    /**
     * Upper bounds for the other numbers, for the same reason (issue 15: 1e300 executions were priced, 1.79e308 broke
     * the arithmetic). Executions a month: 10^12, about 380,000 a second for 31 days, above any account's quota.
     * Seconds: one 366-day year, the most a Standard execution can run ("Maximum execution time: 1 year",
     * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html); no task of a priced run lasts longer.
     * Branch weights: 10^15 (they are relative; the bound keeps their sum finite). Metadata storage: 10^6 GB.
     */
    static final double MAX_EXECUTIONS_PER_MONTH = 1e12;
    static final double MAX_SECONDS = 31_622_400;
    static final double MAX_BRANCH_WEIGHT = 1e15;
    static final double MAX_STORAGE_GB = 1e6;
    private static final Set<String> WORKFLOW_KEYS = Set.of("workflowType", "executionsPerMonth", "billedMemoryMb",
            "states", "tasks", "lambdaArchitecture");
    private static final Set<String> TOP_KEYS = union(Set.of("region", "hoursPerMonth", "workflows", "environments", "migration"),
            WORKFLOW_KEYS);
    private static final Set<String> STEP_KEYS = Set.of("items", "failureRate", "errors", "durationSeconds",
            "p95Seconds", "memoryMb", "branches", "architecture");
    private static final Set<String> ITEM_KEYS = Set.of("mean", "min", "max");
    private static final Set<String> MIGRATION_KEYS = Set.of("hourlyRate", "horizonMonths", "effortHours");
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("environmentClass", "minWorkers", "maxWorkers",
            "schedulers", "webServers", "metadataStorageGb", "dags");

    private static final LocatedParser.Options OPTIONS = new LocatedParser.Options("workload file",
            "a mapping of region, workflows, environments, ...", false, false);

    /** Reads a workload file: a regular file of at most {@link InputText#MAX_WORKLOAD_BYTES}, UTF-8 or marked UTF-16. */
    public WorkloadReadResult read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = InputText.bytes(file, InputText.MAX_WORKLOAD_BYTES, "workload files");
        } catch (InputText.Refused e) {
            return new WorkloadReadResult(Optional.empty(), List.of(Diagnostic.error(e.code(), name, SourceLocation.UNKNOWN,
                    "cannot read the workload file: " + e.getMessage())));
        }
        return read(name, bytes);
    }

    public WorkloadReadResult read(String fileName, byte[] content) {
        String file = fileName == null ? "" : fileName;
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (content.length > InputText.MAX_WORKLOAD_BYTES) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.INPUT_TOO_LARGE, file, SourceLocation.UNKNOWN,
                    "the file is " + InputText.sizeOf(content.length)
                    + "; flowcost reads workload files up to " + InputText.size(InputText.MAX_WORKLOAD_BYTES)));
            return new WorkloadReadResult(Optional.empty(), diagnostics);
        }
        String text;
        try {
            text = TextDecoding.decode(content);
        } catch (TextDecoding.NotText e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.INPUT_UNREADABLE, file, SourceLocation.UNKNOWN, e.getMessage()));
            return new WorkloadReadResult(Optional.empty(), diagnostics);
        }
        LocatedTree tree;
        if (text.isBlank()) {
            tree = LocatedTree.EMPTY;
        } else {
            LocatedDocument doc = LocatedParser.parse(file, text, !isJson(file, text), true, OPTIONS, diagnostics);
            if (doc == null) {
                return new WorkloadReadResult(Optional.empty(), diagnostics);
            }
            tree = new LocatedTree(doc);
        }
        try {
            Optional<Workload> w = new Reading(file, tree, diagnostics).workload();
            boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
            return new WorkloadReadResult(errors ? Optional.empty() : w, diagnostics);
        } catch (RuntimeException e) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.INPUT_INTERNAL, file, SourceLocation.UNKNOWN,
                    "cannot read the workload: " + e));
            return new WorkloadReadResult(Optional.empty(), diagnostics);
        }
    }

    private static boolean isJson(String file, String text) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    /** One reading of one file: the tree, where to report, and the findings so far. */
    private static final class Reading {
        private final String file;
        private final LocatedTree tree;
        private final List<Diagnostic> diagnostics;
        private final Map<String, SourceLocation> located = new LinkedHashMap<>();

        Reading(String file, LocatedTree tree, List<Diagnostic> diagnostics) {
            this.file = file;
            this.tree = tree;
            this.diagnostics = diagnostics;
        }

        private void error(String pointer, String message) {
            error(DiagnosticCode.WORKLOAD_INVALID, pointer, message);
        }

        private void error(DiagnosticCode code, String pointer, String message) {
            diagnostics.add(Diagnostic.error(code, file, tree.at(pointer), message));
        }

        private void warning(String pointer, String message) {
            warning(DiagnosticCode.WORKLOAD_DOUBTFUL, pointer, message);
        }

        private void warning(DiagnosticCode code, String pointer, String message) {
            diagnostics.add(Diagnostic.warning(code, file, tree.at(pointer), message));
        }

        private static String child(String pointer, String key) {
            return pointer + "/" + SourceLocation.escapeToken(key);
        }

        Optional<Workload> workload() {
            JsonNode root = tree.root;
            if (root == null || root.isNull()) {
                error(DiagnosticCode.INPUT_EMPTY, "", "the workload file is empty");
                return Optional.empty();
            }
            if (!root.isObject()) {
                error("", "a workload file must be a mapping (region, workflows, environments, ...)");
                return Optional.empty();
            }
            unknownKeys(root, "", TOP_KEYS, "the workload file");
            String region = text(root, "", "region").orElse(Workload.DEFAULT_REGION);
            double hours = number(root, "", "hoursPerMonth", 1e-9, 744, "a number of hours above 0, at most 744")
                    .orElse(Workload.DEFAULT_HOURS_PER_MONTH);
            Map<String, WorkflowWorkload> workflows = new LinkedHashMap<>();
            JsonNode wf = root.get("workflows");
            if (wf != null && !wf.isNull()) {
                if (!wf.isObject()) {
                    error("/workflows", "workflows must map workflow names to their workload");
                } else {
                    fields(wf).forEachRemaining(e -> {
                        String p = child("/workflows", e.getKey());
                        if (!e.getValue().isObject()) {
                            error(p, "workflow \"" + e.getKey() + "\" must be a mapping of workflowType, "
                                    + "executionsPerMonth, states, ...");
                            return;
                        }
                        unknownKeys(e.getValue(), p, WORKFLOW_KEYS, "workflow \"" + e.getKey() + "\"");
                        located.put(p, tree.at(p));
                        workflows.put(e.getKey(), workflow(e.getValue(), p));
                    });
                }
            }
            boolean single = WORKFLOW_KEYS.stream().anyMatch(root::has);
            if (single) {
                if (workflows.containsKey(Workload.ANY_WORKFLOW)) {
                    warning("", "top-level workflow keys and a workflow named \"*\" both given; the top-level keys win");
                }
                workflows.put(Workload.ANY_WORKFLOW, workflow(root, ""));
            }
            Map<String, EnvironmentSpec> environments = new LinkedHashMap<>();
            JsonNode envs = root.get("environments");
            if (envs != null && !envs.isNull()) {
                if (!envs.isObject()) {
                    error("/environments", "environments must map environment names to their settings");
                } else {
                    fields(envs).forEachRemaining(e -> environment(e.getKey(), e.getValue(),
                            child("/environments", e.getKey())).ifPresent(s -> environments.put(e.getKey(), s)));
                }
            }
            MigrationSettings migration = migration(root.get("migration"));
            return Optional.of(new Workload(region, hours, workflows, environments, new WorkloadOrigin(file, located),
                    migration));
        }

        /** The {@code migration:} section: hourlyRate, horizonMonths and effortHours per work item kind. */
        private MigrationSettings migration(JsonNode n) {
            if (n == null || n.isNull()) {
                return MigrationSettings.NONE;
            }
            if (!n.isObject()) {
                error("/migration", "migration must be a mapping of hourlyRate, horizonMonths and effortHours");
                return MigrationSettings.NONE;
            }
            unknownKeys(n, "/migration", MIGRATION_KEYS, "migration");
            Map<String, String> lines = new LinkedHashMap<>();
            OptionalDouble rate = number(n, "/migration", "hourlyRate", 0, 1e6, "a cost per engineer-hour from 0 to 10^6");
            OptionalDouble horizon = number(n, "/migration", "horizonMonths", 0.1, 1200,
                    "a number of months above 0, at most 1200");
            rate.ifPresent(r -> lines.put("hourlyRate", where("/migration/hourlyRate")));
            horizon.ifPresent(h -> lines.put("horizonMonths", where("/migration/horizonMonths")));
            Map<String, Double> effort = new LinkedHashMap<>();
            JsonNode e = n.get("effortHours");
            if (e != null && !e.isNull()) {
                if (!e.isObject()) {
                    error("/migration/effortHours", "effortHours must map work item kinds ("
                            + String.join(", ", MigrationSettings.EFFORT_KEYS) + ") to hours");
                } else {
                    unknownKeys(e, "/migration/effortHours", Set.copyOf(MigrationSettings.EFFORT_KEYS),
                            "migration.effortHours");
                    for (String k : MigrationSettings.EFFORT_KEYS) {
                        number(e, "/migration/effortHours", k, 0, 1e5, "hours from 0 to 10^5").ifPresent(h -> {
                            effort.put(k, h);
                            lines.put("effortHours." + k, where("/migration/effortHours/" + k));
                        });
                    }
                }
            }
            return new MigrationSettings(rate, horizon, effort, lines);
        }

        private String where(String pointer) {
            SourceLocation l = tree.at(pointer);
            return file + ":" + l.line() + ":" + l.column();
        }

        private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode n) {
            return n.properties().iterator();
        }

        private WorkflowWorkload workflow(JsonNode n, String p) {
            Optional<WorkflowType> type = Optional.empty();
            Optional<String> t = text(n, p, "workflowType");
            if (t.isPresent()) {
                try {
                    type = Optional.of(WorkflowType.valueOf(t.get().trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    error(child(p, "workflowType"), "workflowType must be STANDARD or EXPRESS, not \"" + t.get() + "\"");
                }
            }
            OptionalDouble runs = number(n, p, "executionsPerMonth", 0, MAX_EXECUTIONS_PER_MONTH,
                    "a number from 0 to 10^12");
            OptionalInt memory = integer(n, p, "billedMemoryMb", 1, 1_000_000, "a whole number of MB above 0");
            Optional<LambdaArchitecture> arch = architecture(n, p, "lambdaArchitecture");
            return new WorkflowWorkload(type, runs, memory, steps(n, p, "states"), steps(n, p, "tasks"), arch);
        }

        private Map<String, StepWorkload> steps(JsonNode n, String p, String key) {
            Map<String, StepWorkload> out = new LinkedHashMap<>();
            JsonNode s = n.get(key);
            String sp = child(p, key);
            if (s == null || s.isNull()) {
                return out;
            }
            if (!s.isObject()) {
                error(sp, key + " must map " + (key.equals("states") ? "state paths" : "task ids")
                        + " to their workload");
                return out;
            }
            fields(s).forEachRemaining(e -> {
                String ep = child(sp, e.getKey());
                if (!e.getValue().isObject()) {
                    error(ep, "\"" + e.getKey() + "\" must be a mapping of items, failureRate, durationSeconds, ...");
                    return;
                }
                located.put(ep, tree.at(ep));
                out.put(e.getKey(), step(e.getValue(), ep, e.getKey()));
            });
            return out;
        }

        private StepWorkload step(JsonNode n, String p, String name) {
            unknownKeys(n, p, STEP_KEYS, "\"" + name + "\"");
            Optional<ItemCount> items = items(n.get("items"), child(p, "items"));
            Map<String, Double> errors = new LinkedHashMap<>();
            JsonNode errs = n.get("errors");
            if (errs != null && !errs.isNull()) {
                if (!errs.isObject()) {
                    error(child(p, "errors"), "errors must map error names to the probability an attempt fails with each");
                } else {
                    fields(errs).forEachRemaining(e -> probability(e.getValue(), child(child(p, "errors"), e.getKey()),
                            "error \"" + e.getKey() + "\"").ifPresent(v -> errors.put(e.getKey(), v)));
                }
            }
            JsonNode rate = n.get("failureRate");
            if (rate != null) {
                probability(rate, child(p, "failureRate"), "failureRate").ifPresent(v -> {
                    if (errors.containsKey("States.TaskFailed")) {
                        warning(child(p, "failureRate"), "failureRate and errors.States.TaskFailed both given; "
                                + "failureRate is used");
                    }
                    errors.put("States.TaskFailed", v);
                });
            }
            double sum = errors.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sum > 1 + 1e-9) {
                error(errors.size() > 1 && n.has("errors") ? child(p, "errors") : child(p, "failureRate"),
                        "failure probabilities of \"" + name + "\" add up to " + sum + ", more than 1");
            }
            Map<String, Double> branches = new LinkedHashMap<>();
            JsonNode b = n.get("branches");
            String bp = child(p, "branches");
            if (b != null && !b.isNull()) {
                if (!b.isObject()) {
                    error(bp, "branches must map rule indexes (\"0\", \"1\", ...) and \"Default\" to weights");
                } else {
                    fields(b).forEachRemaining(e -> {
                        String kp = child(bp, e.getKey());
                        if (!e.getKey().equals("Default") && !e.getKey().matches("0|[1-9][0-9]{0,8}")) {
                            error(kp, "branch \"" + e.getKey() + "\" must be a rule index (\"0\", \"1\", ...) or "
                                    + "\"Default\"" + suggestion(e.getKey(), Set.of("Default")));
                            return;
                        }
                        if (!e.getValue().isNumber() || e.getValue().asDouble() < 0
                                || !(e.getValue().asDouble() <= MAX_BRANCH_WEIGHT)) {
                            error(kp, "branch weight must be a number from 0 to 10^15, not " + e.getValue());
                            return;
                        }
                        branches.put(e.getKey(), e.getValue().asDouble());
                    });
                    if (!branches.isEmpty() && branches.values().stream().allMatch(v -> v == 0)) {
                        error(bp, "every branch weight of \"" + name + "\" is 0; at least one must be above 0");
                    }
                }
            }
            OptionalDouble duration = number(n, p, "durationSeconds", 0, MAX_SECONDS,
                    "seconds from 0 to 31622400 (366 days)");
            OptionalDouble p95 = number(n, p, "p95Seconds", 0, MAX_SECONDS,
                    "seconds from 0 to 31622400 (366 days)");
            if (duration.isPresent() && p95.isPresent() && p95.getAsDouble() < duration.getAsDouble()) {
                warning(child(p, "p95Seconds"), "p95Seconds is below the mean durationSeconds; durations are taken "
                        + "as fixed");
            }
            OptionalInt memory = integer(n, p, "memoryMb", 1, 1_000_000, "a whole number of MB above 0");
            if (memory.isPresent() && (memory.getAsInt() < 128 || memory.getAsInt() > 10_240)) {
                warning(child(p, "memoryMb"), "Lambda memory is between 128 and 10240 MB; " + memory.getAsInt()
                        + " is used as given");
            }
            Optional<LambdaArchitecture> arch = architecture(n, p, "architecture");
            return new StepWorkload(items, errors, branches, duration, p95, memory, arch);
        }

        private Optional<LambdaArchitecture> architecture(JsonNode n, String p, String key) {
            Optional<String> word = text(n, p, key);
            if (word.isEmpty()) {
                return Optional.empty();
            }
            Optional<LambdaArchitecture> a = LambdaArchitecture.parse(word.get());
            if (a.isEmpty()) {
                error(child(p, key), key + " must be " + LambdaArchitecture.ACCEPTED + ", not \"" + word.get() + "\"");
            }
            return a;
        }

        private Optional<ItemCount> items(JsonNode n, String p) {
            if (n == null || n.isNull()) {
                return Optional.empty();
            }
            if (n.isNumber()) {
                double v = n.asDouble();
                if (v < 0 || !Double.isFinite(v) || v > MAX_ITEMS) {
                    error(p, "items must be a number from 0 to 10^12, not " + n);
                    return Optional.empty();
                }
                return Optional.of(new ItemCount(v, (long) Math.floor(v), (long) Math.ceil(v)));
            }
            if (!n.isObject()) {
                error(p, "items must be a number or {mean, min, max}, not " + n);
                return Optional.empty();
            }
            unknownKeys(n, p, ITEM_KEYS, "items");
            OptionalDouble mean = number(n, p, "mean", 0, MAX_ITEMS, "a number from 0 to 10^12");
            OptionalDouble min = number(n, p, "min", 0, MAX_ITEMS, "a number from 0 to 10^12");
            OptionalDouble max = number(n, p, "max", 0, MAX_ITEMS, "a number from 0 to 10^12");
            if (mean.isEmpty() && (min.isEmpty() || max.isEmpty())) {
                if (!n.has("mean") && !(n.has("min") && n.has("max"))) {
                    error(p, "items needs a mean, or both min and max");
                }
                return Optional.empty();
            }
            double m = mean.orElse((min.orElse(0) + max.orElse(0)) / 2);
            long lo = (long) Math.floor(min.orElse(m));
            long hi = (long) Math.ceil(max.orElse(m));
            if (lo > hi) {
                error(p, "items min " + lo + " is above max " + hi);
                return Optional.empty();
            }
            if (m < lo || m > hi) {
                error(child(p, "mean"), "items mean " + m + " lies outside min " + lo + " .. max " + hi);
                return Optional.empty();
            }
            return Optional.of(new ItemCount(m, lo, hi));
        }

        private Optional<EnvironmentSpec> environment(String name, JsonNode n, String p) {
            if (!n.isObject()) {
                error(p, "environment \"" + name + "\" must be a mapping of environmentClass, minWorkers, ...");
                return Optional.empty();
            }
            unknownKeys(n, p, ENVIRONMENT_KEYS, "environment \"" + name + "\"");
            String cls = text(n, p, "environmentClass").orElse(EnvironmentSpec.DEFAULT_CLASS);
            OptionalInt min = integer(n, p, "minWorkers", 1, 1000, "a whole number at least 1");
            OptionalInt max = integer(n, p, "maxWorkers", 1, 1000, "a whole number at least 1");
            if (min.isPresent() && max.isPresent() && max.getAsInt() < min.getAsInt()) {
                error(child(p, "maxWorkers"), "maxWorkers " + max.getAsInt() + " is below minWorkers "
                        + min.getAsInt());
            }
            OptionalInt schedulers = integer(n, p, "schedulers", 1, 100, "a whole number at least 1");
            OptionalInt web = integer(n, p, "webServers", 1, 100, "a whole number at least 1");
            OptionalDouble storage = number(n, p, "metadataStorageGb", 0, MAX_STORAGE_GB,
                    "GB from 0 to 10^6");
            List<String> dags = new ArrayList<>();
            JsonNode d = n.get("dags");
            String dp = child(p, "dags");
            if (d == null || d.isNull()) {
                dags.add("*");
            } else if (d.isTextual()) {
                located.put(dp + "/0", tree.at(dp));
                dags.add(d.asText());
            } else if (d.isArray()) {
                for (int i = 0; i < d.size(); i++) {
                    if (d.get(i).isTextual()) {
                        located.put(dp + "/" + dags.size(), tree.at(dp + "/" + i));
                        dags.add(d.get(i).asText());
                    } else {
                        error(dp + "/" + i, "a dag_id glob must be text, not " + d.get(i));
                    }
                }
            } else {
                error(dp, "dags must be a list of dag_id globs");
            }
            int minWorkers = min.orElse(EnvironmentSpec.DEFAULT_MIN_WORKERS);
            return Optional.of(new EnvironmentSpec(name, cls, minWorkers,
                    max.orElse(Math.max(minWorkers, EnvironmentSpec.DEFAULT_MAX_WORKERS)),
                    schedulers.orElse(EnvironmentSpec.defaultSchedulers(cls)),
                    web.orElse(EnvironmentSpec.defaultWebServers(cls)), storage.orElse(0), dags));
        }

        private Optional<String> text(JsonNode n, String p, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isTextual()) {
                error(child(p, key), key + " must be text, not " + v);
                return Optional.empty();
            }
            return Optional.of(v.asText());
        }

        private OptionalDouble number(JsonNode n, String p, String key, double min, double max, String what) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return OptionalDouble.empty();
            }
            double d = v.asDouble();
            if (!v.isNumber() || !Double.isFinite(d) || d < min || d > max) {
                error(child(p, key), key + " must be " + what + ", not " + v);
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(d);
        }

        private OptionalInt integer(JsonNode n, String p, String key, int min, int max, String what) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return OptionalInt.empty();
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                error(child(p, key), key + " must be " + what + ", not " + v);
                return OptionalInt.empty();
            }
            return OptionalInt.of(v.asInt());
        }

        private Optional<Double> probability(JsonNode v, String p, String what) {
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            double d = v.asDouble();
            if (!v.isNumber() || !Double.isFinite(d) || d < 0 || d > 1) {
                error(p, what + " is a probability and must lie between 0 and 1, not " + v);
                return Optional.empty();
            }
            return Optional.of(d);
        }

        private void unknownKeys(JsonNode n, String p, Set<String> known, String where) {
            n.fieldNames().forEachRemaining(k -> {
                if (known.contains(k) && p.startsWith("/workflows/")) {
                    located.putIfAbsent(child(p, k), tree.at(child(p, k))); // where each value was written
                }
                if (!known.contains(k)) {
                    warning(DiagnosticCode.WORKLOAD_FIELD_UNKNOWN, child(p, k), "unknown key \"" + k + "\" in " + where + " is ignored"
                            + suggestion(k, known));
                }
            });
        }
    }

    /** " (did you mean "x"?)" for the closest known key within two edits, or "". */
    static String suggestion(String key, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = k.equalsIgnoreCase(key) ? 0 : distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
