package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.WorkflowType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TerraformShowReaderTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(TerraformShowReaderTest.class.getResource("/iac/" + name).toURI());
    }

    private static IacReadResult read(String name) throws Exception {
        Path file = fixture(name);
        return TerraformShowReader.read(file.toString(), Files.readAllBytes(file));
    }

    @Test
    void aPlanGivesItsStateMachinesByAddressWithTheirTypeAndItsEnvironment() throws Exception {
        IacReadResult r = read("terraform-plan-standard-express-mwaa.json");
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        assertThat(r.stateMachines()).extracting(LoadedStateMachine::name)
                .containsExactly("aws_sfn_state_machine.orders", "module.events.aws_sfn_state_machine.enrich[0]");
        assertThat(r.stateMachines()).extracting(m -> m.declaredType().orElseThrow())
                .containsExactly(WorkflowType.STANDARD, WorkflowType.EXPRESS);
        assertThat(r.stateMachines().get(0).machine().states()).containsKey("Fan");
        assertThat(r.environments()).hasSize(1);
        IacEnvironment env = r.environments().get(0);
        EnvironmentSpec spec = env.spec();
        assertThat(env.address()).isEqualTo("aws_mwaa_environment.prod");
        assertThat(spec.name()).isEqualTo("prod-airflow");
        assertThat(spec.environmentClass()).isEqualTo("mw1.medium");
        assertThat(spec.minWorkers()).isEqualTo(2);
        assertThat(spec.maxWorkers()).isEqualTo(5);
        assertThat(spec.dags()).isEmpty();
        // the provider's constant region, from the plan's configuration
        assertThat(env.region()).contains("eu-west-1");
    }

    @Test
    void anEnvironmentsArgumentsLeftOutTakeCreateEnvironmentsDefaultsForItsClass() {
        String json = "{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":["
                + "{\"address\":\"aws_mwaa_environment.tiny\",\"mode\":\"managed\",\"type\":\"aws_mwaa_environment\","
                + "\"name\":\"tiny\",\"values\":{\"name\":\"tiny\",\"environment_class\":\"mw1.micro\"}},"
                + "{\"address\":\"aws_mwaa_environment.plain\",\"mode\":\"managed\",\"type\":\"aws_mwaa_environment\","
                + "\"name\":\"plain\",\"values\":{\"name\":\"plain\"}}]}}}";
        IacReadResult r = TerraformShowReader.read("state.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.environments()).extracting(IacEnvironment::spec).satisfiesExactly(
                tiny -> {
                    // mw1.micro runs 1 scheduler and 1 web server unless told otherwise
                    assertThat(tiny.environmentClass()).isEqualTo("mw1.micro");
                    assertThat(tiny.schedulers()).isEqualTo(1);
                    assertThat(tiny.webServers()).isEqualTo(1);
                },
                plain -> {
                    assertThat(plain.environmentClass()).isEqualTo("mw1.small");
                    assertThat(plain.minWorkers()).isEqualTo(1);
                    assertThat(plain.maxWorkers()).isEqualTo(10);
                    assertThat(plain.schedulers()).isEqualTo(2);
                    assertThat(plain.webServers()).isEqualTo(2);
                });
    }

    @Test
    void aStateGivesTheRegionOfTheEnvironmentsArn() throws Exception {
        IacReadResult r = read("terraform-state-one-environment.json");
        assertThat(r.stateMachines()).isEmpty();
        assertThat(r.environments()).singleElement().satisfies(e -> {
            assertThat(e.spec().name()).isEqualTo("etl");
            assertThat(e.spec().maxWorkers()).isEqualTo(3);
            assertThat(e.region()).contains("us-west-2");
        });
    }

    @Test
    void anUnknownDefinitionIsAWarningAndABadOneTheReadersErrorNamingTheAddress() {
        String plan = """
                {"format_version":"1.2","planned_values":{"root_module":{"resources":[
                 {"address":"aws_sfn_state_machine.later","mode":"managed","type":"aws_sfn_state_machine","name":"later",
                  "values":{"name":"later","type":"EXPRESS"}},
                 {"address":"aws_sfn_state_machine.broken","mode":"managed","type":"aws_sfn_state_machine","name":"broken",
                  "values":{"definition":"{\\"StartAt\\":\\"A\\",\\"States\\":{\\"A\\":{\\"Type\\":\\"Pass\\",\\"Next\\":\\"B\\"}}}"}}
                ]}}}
                """;
        IacReadResult r = TerraformShowReader.read("plan.json", plan.getBytes(StandardCharsets.UTF_8));
        assertThat(r.stateMachines()).isEmpty();
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).contains("aws_sfn_state_machine.later", "not costed");
        });
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.file()).contains("plan.json", "aws_sfn_state_machine.broken");
        });
    }

    @Test
    void anotherMajorFormatVersionAndNonJsonAreRefused() {
        IacReadResult v2 = TerraformShowReader.read("p.json",
                "{\"format_version\":\"2.0\",\"planned_values\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(v2.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("format_version 2.0");
        });
        IacReadResult junk = TerraformShowReader.read("p.json", "{\"format_version\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(junk.diagnostics()).singleElement().satisfies(d -> assertThat(d.isError()).isTrue());
    }

    @Test
    void deeplyNestedModulesAreWalkedWithoutRecursion() {
        StringBuilder b = new StringBuilder("{\"format_version\":\"1.0\",\"values\":{\"root_module\":");
        int depth = 400;
        for (int i = 0; i < depth; i++) {
            b.append("{\"child_modules\":[");
        }
        b.append("{\"resources\":[{\"address\":\"m.aws_mwaa_environment.x\",\"mode\":\"managed\",")
                .append("\"type\":\"aws_mwaa_environment\",\"name\":\"x\",\"values\":{\"name\":\"deep\"}}]}");
        for (int i = 0; i < depth; i++) {
            b.append("]}");
        }
        b.append("}}");
        IacReadResult r = TerraformShowReader.read("deep.json", b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.environments()).extracting(e -> e.spec().name()).containsExactly("deep");
    }

    @Test
    void aPlanIsToldFromAStateMachineByItsFirstBytes() throws Exception {
        assertThat(InputFiles.kindOf(fixture("terraform-plan-standard-express-mwaa.json"))).isEqualTo(InputKind.IAC);
        assertThat(InputFiles.kindOf(fixture("cloudformation-mwaa-environment.yaml"))).isEqualTo(InputKind.IAC);
    }

    @Test
    void aCloudFormationEnvironmentFollowsRefToTheParametersDefault() throws Exception {
        Path file = fixture("cloudformation-mwaa-environment.yaml");
        IacReadResult r = CloudFormationEnvironments.read(file.toString(), Files.readString(file), true);
        assertThat(r.environments()).singleElement().satisfies(e -> {
            assertThat(e.address()).isEqualTo("Airflow");
            assertThat(e.spec().name()).isEqualTo("analytics-airflow");
            assertThat(e.spec().environmentClass()).isEqualTo("mw1.large");
            assertThat(e.spec().maxWorkers()).isEqualTo(4);
            assertThat(e.spec().schedulers()).isEqualTo(2);
        });
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void workflowInputsReadTheCodeAlongsideOtherInputs() throws Exception {
        WorkflowInputs in = WorkflowInputs.read(List.of(fixture("terraform-plan-standard-express-mwaa.json"),
                fixture("cloudformation-mwaa-environment.yaml")));
        assertThat(in.stateMachines()).hasSize(2);
        assertThat(in.environments()).extracting(e -> e.spec().name())
                .containsExactly("prod-airflow", "analytics-airflow");
        assertThat(in.isEmpty()).isFalse();
    }

    @Test
    void tooLargeIsRefusedWithTheLimit() throws IOException {
        assertThat(TerraformShowReader.tooLarge("big.json", 1L << 30).message()).contains("64 MiB");
    }
}
