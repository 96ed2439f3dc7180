/**
 * Migration advice for Airflow DAGs: what each DAG would cost on Step Functions and MWAA Serverless against what it
 * costs on its MWAA environment, the verdict, the blockers read from the DAG, the sensor → event trigger finding, the
 * break-even volume, and what each environment costs once the movable DAGs leave.
 *
 * <p>Entry points are pure functions over their inputs: {@link dev.flowcost.advisor.migration.DagMigrationAdvisor#assess}
 * and {@link dev.flowcost.advisor.migration.EnvironmentPlanner#plan}. Defaults are in
 * {@link dev.flowcost.advisor.migration.MigrationDefaults}.
 */
package dev.flowcost.advisor.migration;
