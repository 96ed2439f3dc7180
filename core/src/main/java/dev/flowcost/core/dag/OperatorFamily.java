package dev.flowcost.core.dag;

/**
 * What kind of work an operator does, which decides its default duration, whether it holds a worker slot while
 * waiting, and what a migration maps it to.
 */
public enum OperatorFamily {
    /** Runs Python or shell code on the Airflow worker itself (PythonOperator, BashOperator, @task). */
    WORKER_CODE,
    /** Waits for something outside (sensors). */
    SENSOR,
    /** Starts or drives work in an AWS service (Glue, Lambda, EMR, ECS, Batch, Athena, SageMaker, SNS, SQS, Step Functions...). */
    AWS_SERVICE,
    /** Does nothing (EmptyOperator, DummyOperator). */
    EMPTY,
    /** Chooses branches (BranchPythonOperator, @task.branch, ShortCircuitOperator). */
    BRANCH,
    /** Triggers or waits on another DAG. */
    CROSS_DAG,
    /** Talks to a database, HTTP endpoint, Kubernetes or other system not in AWS's integration list. */
    OTHER_SERVICE,
    /** An operator flowcost does not know (custom or plugin); kept, never dropped. */
    UNKNOWN
}
