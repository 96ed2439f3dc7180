package dev.flowcost.core.input;

import dev.flowcost.core.workload.EnvironmentSpec;

import java.util.Optional;

/**
 * An Amazon MWAA environment declared in infrastructure code. It is costed even when no DAG is given for it, since
 * an environment bills by the hour whether or not it runs anything.
 *
 * @param address the resource's address in its file: a Terraform address ({@code module.etl.aws_mwaa_environment.main})
 *                or a CloudFormation logical id
 * @param file    the file that declares it
 * @param pointer JSON Pointer of the resource in that file
 * @param spec    its class, workers, schedulers and web servers (no DAGs: the workload's {@code dags} globs add them)
 * @param region  the region the code puts it in, when the file says
 */
public record IacEnvironment(String address, String file, String pointer, EnvironmentSpec spec,
                             Optional<String> region) {
}
