/**
 * The counting stage: every count the bill needs, made before anything is priced. A state machine's exact counts and
 * simulated duration tails, a DAG's simulated runs and its converted draft (with the draft's own workload and exact
 * counts), an environment's simulated month and the counterfactual months plans ask for. The advisor prices these
 * counts and applies rules; it runs no simulator and writes no workload.
 */
package dev.flowcost.core.count;
