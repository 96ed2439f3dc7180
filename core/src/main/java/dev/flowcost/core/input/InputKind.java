package dev.flowcost.core.input;

/** What an input file holds, as far as its name and first bytes tell. */
public enum InputKind {
    /** An Amazon States Language definition (or a wrapper around one). */
    STATE_MACHINE,
    /** An Airflow DAG in any format flowcost reads. */
    DAG,
    /** Infrastructure code: {@code terraform show -json} output, or a CloudFormation template with MWAA environments. */
    IAC,
    /** A flowcost workload file. */
    WORKLOAD,
    /** Anything else: skipped when found in a directory. */
    OTHER
}
