package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.Schedule;
import dev.flowcost.core.workload.MigrationSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What moving one DAG off MWAA takes, graded: the work items (each has a Step Functions equivalent, with the change
 * named), the hard blockers (no equivalent: the DAG cannot leave), and its links to other DAGs. A link is work when
 * both DAGs move together (an EventBridge rule or a StartExecution chain) and a hard blocker when only one of them
 * moves: a plan decides which, by {@link #blockedBy}.
 *
 * @param dagId        the DAG
 * @param items        work items by kind, in {@link MigrationSettings#EFFORT_KEYS} order, counts above 0 only
 * @param hardBlockers sentences naming what has no Step Functions equivalent whatever moves
 * @param links        other DAGs of the inputs this one depends on or triggers, with why
 */
public record DagWork(String dagId, List<WorkItem> items, List<String> hardBlockers, Map<String, String> links) {

    public DagWork {
        items = List.copyOf(items);
        hardBlockers = List.copyOf(hardBlockers);
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }

    /** Whether no hard blocker stops the DAG whatever else moves. */
    public boolean movable() {
        return hardBlockers.isEmpty();
    }

    /** Hours of all its work items. */
    public double hours() {
        return items.stream().mapToDouble(WorkItem::hours).sum();
    }

    /** Its links to DAGs that do not move with it, as blocker sentences (none when all move together). */
    public List<String> blockedBy(Set<String> moving) {
        List<String> out = new ArrayList<>();
        links.forEach((other, why) -> {
            if (!moving.contains(other)) {
                out.add(why + "; DAG " + other + " stays on MWAA, so the two cannot be split");
            }
        });
        return out;
    }

    /** The work of one DAG read from its tasks, blockers and schedule; {@code inputs} are the DAGs read with it. */
    static DagWork of(Dag dag, List<TaskProfile> profiles, List<Blocker> blockers, MigrationSettings settings,
                      Collection<Dag> inputs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : MigrationSettings.EFFORT_KEYS) {
            counts.put(k, 0);
        }
        List<String> hard = new ArrayList<>();
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, Dag> byId = new LinkedHashMap<>();
        inputs.forEach(d -> byId.put(d.dagId(), d));
        for (TaskProfile p : profiles) {
            DagTask t = p.task();
            String named = "task " + t.taskId() + " (" + t.operator() + ")";
            switch (t.family()) {
                case EMPTY:
                    break;
                case AWS_SERVICE:
                    add(counts, "serviceTask");
                    break;
                case SENSOR:
                    if (Blockers.isTimeSensor(t.operator())) {
                        add(counts, "serviceTask"); // a Wait state
                    } else if (Blockers.waitsOnAwsState(t)) {
                        add(counts, "sensor");
                    } else {
                        hard.add(named + " waits on state outside AWS with no event flowcost knows of: Step Functions"
                                + " has no equivalent; keep it on Airflow or find an event that announces it");
                    }
                    break;
                case CROSS_DAG:
                    String other = otherDag(t);
                    if (!other.isEmpty() && byId.containsKey(other) && !other.equals(dag.dagId())) {
                        add(counts, "dependency");
                        links.put(other, named + " links DAG " + dag.dagId() + " to DAG " + other);
                    } else {
                        hard.add(named + " depends on DAG " + (other.isEmpty() ? "(not named)" : other)
                                + ", which is not among the inputs: its runs cannot be followed from Step Functions");
                    }
                    break;
                case UNKNOWN:
                    add(counts, "customOperator");
                    break;
                default: // worker code, branch callables, other services: code that runs on a worker today
                    add(counts, p.longestSeconds() > MigrationDefaults.LAMBDA_MAX_SECONDS ? "fargateTask" : "lambdaTask");
                    break;
            }
            if (!DagTask.DEFAULT_POOL.equals(t.pool())) {
                add(counts, "pool");
            }
        }
        Schedule.Kind kind = dag.schedule().kind();
        if (kind == Schedule.Kind.DATASET) {
            List<String> producers = producers(dag, byId.values());
            if (producers.isEmpty()) {
                hard.add("DAG " + dag.dagId() + " is scheduled on datasets (" + dag.schedule().expression() + ") that no"
                        + " DAG among the inputs produces: only Airflow tracks them");
            } else {
                for (String pr : producers) {
                    add(counts, "dependency");
                    links.put(pr, "DAG " + dag.dagId() + " is scheduled on a dataset DAG " + pr + " produces");
                }
            }
        } else if (kind != Schedule.Kind.NONE) {
            add(counts, "schedule");
        }
        add(counts, "cutover");
        List<WorkItem> items = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (n > 0) {
                items.add(new WorkItem(k, describe(k), n, settings.hours(k)));
            }
        });
        return new DagWork(dag.dagId(), items, hard, links);
    }

    /** The work in words, for one item of {@code kind}. */
    static String describe(String kind) {
        switch (kind) {
            case "serviceTask":
                return "AWS operator or time sensor to map to a Step Functions integration or Wait state";
            case "lambdaTask":
                return "task whose code moves to a Lambda function";
            case "fargateTask":
                return "task longer than 15 minutes whose code moves to an ECS/Fargate task";
            case "sensor":
                return "sensor on AWS state to replace with a .sync integration, a poll loop or an EventBridge rule";
            case "customOperator":
                return "custom operator to rewrite";
            case "dependency":
                return "DAG-to-DAG link to rebuild as an EventBridge rule or a StartExecution chain";
            case "pool":
                return "pool to rebuild as MaxConcurrency or a semaphore";
            case "schedule":
                return "schedule to create as an EventBridge Scheduler rule";
            case "cutover":
                return "DAG to run side by side, compare and cut over";
            case "decommission":
                return "environment to decommission";
            default:
                return kind;
        }
    }

    private static void add(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    /** The DAG an ExternalTaskSensor waits on or a TriggerDagRunOperator starts, "" when not a literal. */
    static String otherDag(DagTask t) {
        for (String k : List.of("external_dag_id", "trigger_dag_id")) {
            String v = t.arguments().get(k);
            if (v != null) {
                String s = v.trim();
                if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
                    s = s.substring(1, s.length() - 1);
                }
                return s.contains("{") || s.contains("(") ? "" : s;
            }
        }
        return "";
    }

    /** DAGs among the inputs whose tasks name, in their arguments (outlets), a dataset URI of the schedule. */
    static List<String> producers(Dag dag, Collection<Dag> inputs) {
        List<String> uris = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("['\"]([^'\"]+)['\"]").matcher(dag.schedule().expression());
        while (m.find()) {
            uris.add(m.group(1));
        }
        if (uris.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Dag d : inputs) {
            if (d.dagId().equals(dag.dagId())) {
                continue;
            }
            boolean produces = d.tasks().stream().anyMatch(t -> t.arguments().entrySet().stream()
                    .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("outlet"))
                    .anyMatch(e -> uris.stream().anyMatch(u -> e.getValue().contains(u))));
            if (produces) {
                out.add(d.dagId());
            }
        }
        return out;
    }
}
