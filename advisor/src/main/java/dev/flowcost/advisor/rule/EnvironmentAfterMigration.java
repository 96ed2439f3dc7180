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
    static final RuleInfo INFO = new RuleInfo(RULE, "MWAA environment plan: which DAGs leave together, and what the environment becomes",
            RuleInfo.Subject.ENVIRONMENT,
            "Every MWAA environment is planned as a whole: keep it; move each DAG whose own move pays back; move every "
                    + "DAG without a hard blocker (decommission when none stays, else the smallest class and workers that "
                    + "hold what stays); and, for each smaller class, the cheapest group of DAGs whose leaving lets the "
                    + "environment run on it. The month after each plan is simulated again with the DAGs that stay, each "
                    + "moving DAG goes to its cheapest target, and the plan's work items are priced at the workload's "
                    + "hourly rate. The chosen plan is the cheapest a month whose work pays back within the horizon (12 "
                    + "months by default); its finding's saving is the estate's, and the conditions say at what volume "
                    + "the answer flips.",
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
