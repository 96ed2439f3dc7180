package dev.flowcost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A Terraform plan advised with no workload file, and the Infracost usage file written from it. */
class InfrastructureCodeTest {

    private static final String PLAN = CliRun.fixture("iac/terraform-plan-standard-express-mwaa.json");
    private static final String ORDERS = "aws_sfn_state_machine.orders";
    private static final String ENRICH = "module.events.aws_sfn_state_machine.enrich[0]";

    @TempDir
    Path tmp;

    @Test
    void aPlanIsAdvisedWithNoWorkloadFile() {
        CliRun r = CliRun.of("advise", PLAN, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode a = r.json();
        assertThat(a.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(a.get("workflows")).hasSize(2);
        assertThat(a.get("workflows").get(0).get("name").asText()).isEqualTo(ORDERS);
        assertThat(a.get("workflows").get(0).get("workflowType").asText()).isEqualTo("STANDARD");
        assertThat(a.get("workflows").get(1).get("name").asText()).isEqualTo(ENRICH);
        assertThat(a.get("workflows").get(1).get("workflowType").asText()).isEqualTo("EXPRESS");
        JsonNode env = a.get("environments").get(0);
        assertThat(env.get("name").asText()).isEqualTo("prod-airflow");
        assertThat(env.get("environmentClass").asText()).isEqualTo("mw1.medium");
        // no DAG given, yet the environment's hours are billed: costed
        assertThat(env.get("monthlyCost").decimalValue()).isGreaterThan(new BigDecimal("500"));
    }

    @Test
    void theInfracostUsageFileCarriesTheDerivedCountsByAddress() throws Exception {
        Path workload = tmp.resolve("workload.yaml");
        Files.writeString(workload, """
                workflows:
                  aws_sfn_state_machine.orders:
                    executionsPerMonth: 5000
                    states:
                      Fan:
                        items: 10
                """);
        CliRun json = CliRun.of("advise", PLAN, "-w", workload.toString(), "--region", "eu-west-1", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        BigDecimal transitions = BigDecimal.ZERO;
        for (JsonNode item : json.json().get("workflows").get(0).get("costItems")) {
            if (item.get("unit").asText().equals("transition")) {
                transitions = transitions.add(item.get("monthlyQuantity").decimalValue());
            }
        }
        // Fan with 10 items: 1 (Fan) + 10 iterations x 1 (Charge) + ... per execution, times 5,000
        assertThat(transitions).isGreaterThan(new BigDecimal("50000"));

        CliRun r = CliRun.of("advise", PLAN, "-w", workload.toString(), "--region", "eu-west-1", "--format",
                "infracost-usage");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode usage = new YAMLMapper().readTree(r.out());
        assertThat(usage.get("version").asText()).isEqualTo("0.1");
        JsonNode orders = usage.get("resource_usage").get(ORDERS);
        assertThat(orders.get("monthly_transitions").decimalValue())
                .isEqualByComparingTo(transitions.setScale(0, java.math.RoundingMode.HALF_UP));
        JsonNode enrich = usage.get("resource_usage").get(ENRICH);
        assertThat(enrich.get("monthly_requests").asLong()).isEqualTo(1000);
        assertThat(enrich.get("memory_mb").asInt()).isEqualTo(64);
        assertThat(enrich.get("workflow_duration_ms").asLong() % 100).isZero();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(CliRun.of("advise", PLAN, "--format", "yaml").exitCode()).isEqualTo(2);
    }
}
