package dev.flowcost.bench;

/**
 * Writes Airflow DAG files in the idioms real projects mix, so the Python DAG reader is timed on varied code:
 * {@code with DAG} blocks with {@code >>} chains over lists, TaskGroups, tasks made in {@code for} loops with
 * f-string ids, and a module-level {@code dag = DAG(...)} with {@code default_args} and {@code dag=dag}.
 */
public final class DagSourceGenerator {

    private static final String HEADER = """
            from datetime import datetime, timedelta

            from airflow import DAG
            from airflow.operators.bash import BashOperator
            from airflow.operators.empty import EmptyOperator
            from airflow.operators.python import PythonOperator
            from airflow.utils.task_group import TaskGroup


            def _work(**context):
                return context["ds"]


            default_args = {
                "owner": "data",
                "retries": 2,
                "retry_delay": timedelta(minutes=5),
            }

            """;

    private DagSourceGenerator() {
    }

    /** The dag_id of file {@code index}. */
    public static String dagId(int index) {
        return "bench_dag_%04d".formatted(index);
    }

    /**
     * One file defining DAG {@link #dagId(int)} of exactly {@code tasks} tasks (at least 6), in idiom
     * {@code index mod 4}.
     */
    public static String source(int index, int tasks) {
        if (tasks < 6) {
            throw new IllegalArgumentException("at least 6 tasks: " + tasks);
        }
        StringBuilder b = new StringBuilder(HEADER);
        String id = dagId(index);
        switch (index % 4) {
            case 0 -> chains(b, id, tasks);
            case 1 -> groups(b, id, tasks);
            case 2 -> loops(b, id, tasks);
            default -> moduleLevel(b, id, tasks);
        }
        return b.toString();
    }

    /** with DAG: start >> [a, b, c] >> join >> [d, e, f] >> join ... >> end. */
    private static void chains(StringBuilder b, String id, int tasks) {
        b.append("with DAG(\n    dag_id=\"").append(id).append("\",\n    schedule=\"@hourly\",\n")
                .append("    start_date=datetime(2025, 1, 1),\n    catchup=False,\n    default_args=default_args,\n")
                .append("    tags=[\"bench\"],\n) as dag:\n");
        b.append("    start = EmptyOperator(task_id=\"start\")\n");
        int made = 1;
        String previous = "start";
        int stage = 0;
        while (made < tasks - 1) {
            int width = Math.min(3, tasks - 1 - made);
            if (width >= 2) {
                StringBuilder list = new StringBuilder("[");
                for (int w = 0; w < width - 1; w++) {
                    String t = "s" + stage + "_" + w;
                    b.append("    ").append(t).append(" = PythonOperator(task_id=\"").append(t)
                            .append("\", python_callable=_work)\n");
                    list.append(w == 0 ? "" : ", ").append(t);
                }
                list.append("]");
                String join = "join" + stage;
                b.append("    ").append(join).append(" = BashOperator(task_id=\"").append(join)
                        .append("\", bash_command=\"echo ").append(stage).append("\")\n");
                b.append("    ").append(previous).append(" >> ").append(list).append(" >> ").append(join).append('\n');
                previous = join;
                made += width;
            } else {
                String t = "tail" + stage;
                b.append("    ").append(t).append(" = EmptyOperator(task_id=\"").append(t).append("\")\n");
                b.append("    ").append(previous).append(" >> ").append(t).append('\n');
                previous = t;
                made++;
            }
            stage++;
        }
        b.append("    end = EmptyOperator(task_id=\"end\")\n    ").append(previous).append(" >> end\n");
    }

    /** with DAG and TaskGroups of five tasks each, groups chained. */
    private static void groups(StringBuilder b, String id, int tasks) {
        b.append("with DAG(\"").append(id).append("\", schedule=\"0 * * * *\", start_date=datetime(2025, 1, 1),")
                .append(" catchup=False, default_args=default_args) as dag:\n");
        b.append("    start = EmptyOperator(task_id=\"start\")\n");
        int made = 2;
        String previous = "start";
        int g = 0;
        while (made < tasks) {
            int size = Math.min(5, tasks - made);
            String group = "group" + g;
            b.append("    with TaskGroup(\"").append(group).append("\") as ").append(group).append(":\n");
            b.append("        first = PythonOperator(task_id=\"extract\", python_callable=_work)\n");
            for (int k = 1; k < size; k++) {
                b.append("        t").append(k).append(" = BashOperator(task_id=\"step_").append(k)
                        .append("\", bash_command=\"run ").append(k).append("\")\n");
                b.append("        first >> t").append(k).append('\n');
            }
            b.append("    ").append(previous).append(" >> ").append(group).append('\n');
            previous = group;
            made += size;
            g++;
        }
        b.append("    end = EmptyOperator(task_id=\"end\", trigger_rule=\"all_done\")\n    ")
                .append(previous).append(" >> end\n");
    }

    /** with DAG and tasks made in a for loop over range with f-string ids. */
    private static void loops(StringBuilder b, String id, int tasks) {
        int loop = tasks - 3;
        b.append("with DAG(dag_id=\"").append(id).append("\", schedule=timedelta(hours=1),")
                .append(" start_date=datetime(2025, 1, 1), catchup=False, max_active_runs=1) as dag:\n");
        b.append("    start = EmptyOperator(task_id=\"start\")\n");
        b.append("    merge = EmptyOperator(task_id=\"merge\", trigger_rule=\"none_failed\")\n");
        b.append("    end = BashOperator(task_id=\"end\", bash_command=\"echo done\")\n");
        b.append("    for i in range(").append(loop).append("):\n");
        b.append("        load = PythonOperator(task_id=f\"load_{i}\", python_callable=_work, retries=i % 3)\n");
        b.append("        start >> load >> merge\n");
        b.append("    merge >> end\n");
    }

    /** dag = DAG(...) at module level, dag=dag on each task, set_downstream and a chain of pairs. */
    private static void moduleLevel(StringBuilder b, String id, int tasks) {
        b.append("dag = DAG(\n    \"").append(id).append("\",\n    default_args=default_args,\n")
                .append("    schedule_interval=\"@hourly\",\n    start_date=datetime(2025, 1, 1),\n")
                .append("    catchup=False,\n)\n\n");
        for (int t = 0; t < tasks; t++) {
            b.append("task_").append(t).append(" = BashOperator(task_id=\"task_").append(t)
                    .append("\", bash_command=\"echo ").append(t).append("\", dag=dag)\n");
        }
        for (int t = 1; t < tasks; t++) {
            if (t % 2 == 0) {
                b.append("task_").append(t - 1).append(".set_downstream(task_").append(t).append(")\n");
            } else {
                b.append("task_").append(t - 1).append(" >> task_").append(t).append('\n');
            }
        }
    }
}
