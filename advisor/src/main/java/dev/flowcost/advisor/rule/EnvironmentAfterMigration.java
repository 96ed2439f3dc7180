package dev.flowcost.advisor.rule;

import java.util.List;

/**
 * The environment plan's finding, as a rule: what an MWAA environment costs once the DAGs advised to leave it have
 * left (downsize, or decommission when none is left), weighed against what the moved DAGs cost on their new
 * platforms. Its check is the environment planner's ({@code migration/EnvironmentPlanner}, which raises its finding
 * with this id); this class carries its metadata so the catalogue, the docs and the SARIF log know it.
 */
public final class EnvironmentAfterMigration implements Rule {

    public static final String RULE = "environment-after-migration";
    static final RuleInfo INFO = new RuleInfo(RULE, "MWAA environment once the movable DAGs leave: downsize or decommission",
            RuleInfo.Subject.ENVIRONMENT,
            "After each DAG has its verdict, the environment it runs on is planned again without the DAGs advised to "
                    + "move. An environment with no DAG left is decommissioned. Otherwise its extra-worker hours scale with "
                    + "the remaining DAGs' share of worker-slot seconds, the peak of running tasks becomes at most the sum "
                    + "of the remaining DAGs' own peaks, and the smallest class whose slots, DAG capacity and worker, "
                    + "scheduler and web server counts hold that is proposed. The finding's cost after is the planned "
                    + "environment plus what the moved DAGs cost on their new platforms, so the saving is the estate's. "
                    + "DAGs advised hybrid stay on the environment.",
            List.of(new Fact("MWAA bills each environment per hour it exists by its class, plus extra workers, schedulers "
                            + "and web servers per hour and metadata storage per GB-month.",
                            "https://aws.amazon.com/managed-workflows-for-apache-airflow/pricing/"),
                    new Fact("Each MWAA environment class runs a default number of tasks per worker and holds a "
                            + "recommended number of DAGs.",
                            "https://docs.aws.amazon.com/mwaa/latest/userguide/environment-class.html")));

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
