package dev.flowcost.core.dag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An Apache Airflow DAG as flowcost understands it, whatever format it was read from: its tasks, the edges
 * between them, and the settings that shape how often and how widely it runs.
 *
 * @param dagId         the DAG's id
 * @param file          the file it was read from
 * @param line          1-based line where it is defined (0 when the format has none)
 * @param schedule      its schedule as written
 * @param startDate     start_date as written, when known
 * @param catchup       whether missed intervals are back-filled
 * @param maxActiveRuns max_active_runs when set
 * @param maxActiveTasks max_active_tasks (or concurrency) when set
 * @param defaultArgs   default_args as written (values as source text)
 * @param tags          tags
 * @param tasks         tasks in definition order
 * @param edges         upstream → downstream pairs, without duplicates
 */
public record Dag(String dagId, String file, int line, Schedule schedule, Optional<String> startDate, boolean catchup,
                  OptionalInt maxActiveRuns, OptionalInt maxActiveTasks, Map<String, String> defaultArgs,
                  List<String> tags, List<DagTask> tasks, List<Edge> edges) {

    public Dag {
        defaultArgs = Collections.unmodifiableMap(new LinkedHashMap<>(defaultArgs));
        tags = List.copyOf(tags);
        tasks = List.copyOf(tasks);
        edges = List.copyOf(edges);
    }

    public Optional<DagTask> task(String taskId) {
        return tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst();
    }

    public List<String> upstreamOf(String taskId) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.downstream().equals(taskId)) {
                out.add(e.upstream());
            }
        }
        return out;
    }

    public List<String> downstreamOf(String taskId) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.upstream().equals(taskId)) {
                out.add(e.downstream());
            }
        }
        return out;
    }
}
