package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IacEnvironmentsTest {

    private static IacEnvironment code(String name, String cls, int min, int max, String region) {
        return new IacEnvironment("aws_mwaa_environment." + name, "plan.json", "/planned_values/root_module/resources/0",
                new EnvironmentSpec(name, cls, min, max, 2, 2, 0, List.of()), Optional.ofNullable(region));
    }

    @Test
    void withoutAWorkloadTheOnlyEnvironmentHostsEveryDagAndSetsTheRegion() {
        IacEnvironments.Merged m = IacEnvironments.merge(Workload.defaults(),
                List.of(code("prod", "mw1.medium", 2, 5, "eu-west-1")), false);
        EnvironmentSpec prod = m.workload().environments().get("prod");
        assertThat(prod.environmentClass()).isEqualTo("mw1.medium");
        assertThat(prod.hosts("any_dag")).isTrue();
        assertThat(m.workload().region()).isEqualTo("eu-west-1");
        assertThat(m.declared()).containsExactly("prod");
    }

    @Test
    void theWorkloadAddsDagsAndMetadataAndIsWarnedWhereItContradictsTheCode() {
        Workload w = new Workload("eu-west-1", 730, Map.of(), Map.of("prod",
                new EnvironmentSpec("prod", "mw1.small", 1, 10, 2, 2, 10, List.of("etl_*"))));
        IacEnvironments.Merged m = IacEnvironments.merge(w, List.of(code("prod", "mw1.medium", 2, 5, "eu-west-1")),
                true);
        EnvironmentSpec prod = m.workload().environments().get("prod");
        assertThat(prod.environmentClass()).isEqualTo("mw1.medium");
        assertThat(prod.maxWorkers()).isEqualTo(5);
        assertThat(prod.metadataStorageGb()).isEqualTo(10);
        assertThat(prod.hosts("etl_daily")).isTrue();
        assertThat(prod.hosts("other")).isFalse();
        assertThat(m.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).contains("mw1.small", "mw1.medium", "the code's values are used");
        });
    }

    @Test
    void anEnvironmentOnlyTheCodeDeclaresIsKeptWithNoDagsWhenOthersExist() {
        Workload w = new Workload("us-east-1", 730, Map.of(), Map.of("shared",
                new EnvironmentSpec("shared", "mw1.small", 1, 10, 2, 2, 0, List.of("*"))));
        IacEnvironments.Merged m = IacEnvironments.merge(w, List.of(code("idle", "mw1.small", 1, 2, null)), true);
        assertThat(m.workload().environments()).containsKeys("shared", "idle");
        assertThat(m.workload().environments().get("idle").dags()).isEmpty();
        assertThat(m.diagnostics()).isEmpty();
    }

    @Test
    void aRegionThatDiffersFromAGivenWorkloadIsAWarningNotASilentSwitch() {
        Workload w = new Workload("us-east-1", 730, Map.of(), Map.of());
        IacEnvironments.Merged m = IacEnvironments.merge(w, List.of(code("prod", "mw1.small", 1, 2, "eu-west-3")),
                true);
        assertThat(m.workload().region()).isEqualTo("us-east-1");
        assertThat(m.diagnostics()).filteredOn(d -> d.message().contains("--region eu-west-3")).hasSize(1);
        assertThat(m.diagnostics()).noneMatch(Diagnostic::isError);
    }
}
