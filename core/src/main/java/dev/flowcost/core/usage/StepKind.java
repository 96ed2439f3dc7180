package dev.flowcost.core.usage;

/** The kinds of step the defaults table ({@link UsageDefaults}) declares usage keys for. */
public enum StepKind {
    /** The estate as a whole: what every workflow and environment shares (the length of a month). */
    ESTATE("estate"),
    /** A state machine as a whole. */
    WORKFLOW("workflow"),
    /** A Task state. */
    TASK("Task state"),
    /** A Task state that invokes Lambda. */
    LAMBDA_TASK("Lambda Task state"),
    /** A Pass, Choice, Succeed, Fail or Parallel state (its own time, not its branches'). */
    OTHER_STATE("flow state"),
    /** A Wait state whose time is read at run time. */
    WAIT("Wait state"),
    /** A Map state. */
    MAP("Map state"),
    /** An EXPRESS child execution of a Distributed Map. */
    EXPRESS_CHILD("Express child execution"),
    /** An Airflow task, by operator family. */
    DAG_TASK("DAG task"),
    /** An Airflow sensor. */
    SENSOR("DAG sensor"),
    /** A dynamically mapped Airflow task. */
    MAPPED_TASK("mapped DAG task"),
    /** Airflow worker code once converted to run on Lambda or Fargate. */
    CONVERTED_WORKER_CODE("DAG worker code after conversion"),
    /** An Airflow environment's scheduling limits, as its configuration sets them. */
    AIRFLOW_SETTINGS("Airflow settings");

    private final String words;

    StepKind(String words) {
        this.words = words;
    }

    /** The kind in a reader's words. */
    public String words() {
        return words;
    }
}
