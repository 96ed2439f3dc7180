package dev.flowcost.core.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.WorkflowType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the output of {@code terraform show -json} (a saved plan or the state): every {@code aws_sfn_state_machine}
 * becomes a state machine named by its Terraform address, with the type the code declares, and every
 * {@code aws_mwaa_environment} an environment with its class and worker, scheduler and web server counts.
 * <p>
 * The format is Terraform's "JSON Output Format" (https://developer.hashicorp.com/terraform/internals/json-format):
 * a plan keeps the resources it would leave in {@code planned_values.root_module}, a state in
 * {@code values.root_module}; each module lists {@code resources} (address, mode, type, name, values) and
 * {@code child_modules}. Only major {@code format_version} 1 is read, as the format's own rules ask. Resource
 * arguments are the AWS provider's: {@code definition}, {@code type}, {@code name} for state machines;
 * {@code environment_class}, {@code min_workers}, {@code max_workers}, {@code schedulers}, {@code min_webservers},
 * {@code max_webservers} for environments (with AWS's defaults when the code leaves one out).
 */
public final class TerraformShowReader {

    /** Terraform resource types flowcost reads. */
    public static final String STATE_MACHINE = "aws_sfn_state_machine";
    public static final String MWAA_ENVIRONMENT = "aws_mwaa_environment";

    /** Larger than any plan of a real estate, small enough that a hostile file cannot exhaust memory. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TerraformShowReader() {
    }

    /** Whether the first bytes of a JSON file look like {@code terraform show -json} output. */
    public static boolean looksLike(String head) {
        return head.contains("\"format_version\"") && (head.contains("\"terraform_version\"")
                || head.contains("\"planned_values\"") || head.contains("\"root_module\""));
    }

    /** Reads one file's content; {@code file} names it in diagnostics. Never throws on bad input. */
    public static IacReadResult read(String file, byte[] content) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<LoadedStateMachine> machines = new ArrayList<>();
        List<IacEnvironment> environments = new ArrayList<>();
        if (content.length > MAX_BYTES) {
            diagnostics.add(tooLarge(file, content.length));
            return new IacReadResult(machines, environments, diagnostics);
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            diagnostics.add(new Diagnostic(dev.flowcost.core.Severity.ERROR, DiagnosticCode.INPUT_SYNTAX, file, "",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage()));
            return new IacReadResult(machines, environments, diagnostics);
        }
        if (root == null || !root.isObject()) {
            diagnostics.add(error(DiagnosticCode.INPUT_UNSUPPORTED, file, "",
                    "expected the JSON object that 'terraform show -json' writes"));
            return new IacReadResult(machines, environments, diagnostics);
        }
        String version = root.path("format_version").asText("");
        if (!version.isEmpty() && !version.startsWith("1.") && !version.equals("1")) {
            diagnostics.add(error(DiagnosticCode.INPUT_UNSUPPORTED, file, "/format_version", "Terraform JSON format_version " + version
                    + " is not supported (flowcost reads major version 1)"));
            return new IacReadResult(machines, environments, diagnostics);
        }
        String modulesAt = root.has("planned_values") ? "/planned_values/root_module" : "/values/root_module";
        JsonNode rootModule = root.at(modulesAt);
        if (rootModule.isMissingNode()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.IAC_NO_STATE_MACHINE, file, SourceLocation.UNKNOWN,
                    "no resources: the plan or state is empty"));
            return new IacReadResult(machines, environments, diagnostics);
        }
        Optional<String> providerRegion = providerRegion(root);
        AslReader asl = new AslReader();
        Deque<Module> modules = new ArrayDeque<>();
        modules.push(new Module(rootModule, modulesAt));
        while (!modules.isEmpty()) {
            Module m = modules.pop();
            JsonNode resources = m.node().path("resources");
            for (int i = 0; i < resources.size(); i++) {
                JsonNode r = resources.get(i);
                String at = m.pointer() + "/resources/" + i;
                if (!"managed".equals(r.path("mode").asText("managed"))) {
                    continue;
                }
                String type = r.path("type").asText("");
                String address = r.path("address").asText(type + "." + r.path("name").asText(""));
                if (type.equals(STATE_MACHINE)) {
                    stateMachine(file, address, at, r.path("values"), asl, machines, diagnostics);
                } else if (type.equals(MWAA_ENVIRONMENT)) {
                    environments.add(environment(file, address, at, r.path("values"), providerRegion));
                }
            }
            JsonNode children = m.node().path("child_modules");
            for (int i = children.size() - 1; i >= 0; i--) {
                modules.push(new Module(children.get(i), m.pointer() + "/child_modules/" + i));
            }
        }
        if (machines.isEmpty() && environments.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.info(DiagnosticCode.IAC_NO_STATE_MACHINE, file, SourceLocation.UNKNOWN,
                    "no " + STATE_MACHINE + " or "
                    + MWAA_ENVIRONMENT + " resource in this Terraform " + (modulesAt.startsWith("/planned")
                    ? "plan" : "state")));
        }
        return new IacReadResult(machines, environments, diagnostics);
    }

    /** The refusal of a file over {@link #MAX_BYTES}. */
    public static Diagnostic tooLarge(String file, long bytes) {
        return error(DiagnosticCode.INPUT_TOO_LARGE, file, "", "the file is " + bytes + " bytes; flowcost reads Terraform JSON of up to "
                + MAX_BYTES / (1024 * 1024) + " MiB");
    }

    private record Module(JsonNode node, String pointer) {
    }

    private static void stateMachine(String file, String address, String at, JsonNode values, AslReader asl,
                                     List<LoadedStateMachine> machines, List<Diagnostic> diagnostics) {
        JsonNode definition = values.path("definition");
        if (!definition.isTextual() || definition.textValue().isBlank()) {
            diagnostics.add(warning(DiagnosticCode.IAC_DEFINITION_UNRESOLVED, file, at + "/values",
                    "state machine " + address + " has no definition this file"
                    + " knows (computed until apply?); it is not costed"));
            return;
        }
        byte[] text = definition.textValue().getBytes(StandardCharsets.UTF_8);
        AslReadResult r = asl.read(file + ":" + address + ".definition.json", text);
        diagnostics.addAll(r.diagnostics());
        if (r.machine().isEmpty() || r.hasErrors()) {
            return;
        }
        Optional<WorkflowType> type = Optional.empty();
        String declared = values.path("type").asText("");
        if (declared.isEmpty()) {
            // the provider's default when the argument is left out
            type = Optional.of(WorkflowType.STANDARD);
        } else {
            try {
                type = Optional.of(WorkflowType.valueOf(declared.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                diagnostics.add(warning(DiagnosticCode.IAC_WORKFLOW_TYPE, file, at + "/values/type",
                        "state machine " + address + " has type '"
                        + declared + "'; expected STANDARD or EXPRESS; priced as STANDARD"));
            }
        }
        machines.add(new LoadedStateMachine(address, file, r.machine().get(), type, text.length));
    }

    private static IacEnvironment environment(String file, String address, String at, JsonNode v,
                                              Optional<String> providerRegion) {
        String name = v.path("name").asText("");
        // defaults as AWS applies them when the argument is absent (EnvironmentSpec, from the CreateEnvironment API)
        String environmentClass = v.path("environment_class").asText(EnvironmentSpec.DEFAULT_CLASS);
        int minWorkers = v.path("min_workers").asInt(EnvironmentSpec.DEFAULT_MIN_WORKERS);
        int maxWorkers = v.path("max_workers").asInt(EnvironmentSpec.DEFAULT_MAX_WORKERS);
        int schedulers = v.path("schedulers").asInt(EnvironmentSpec.defaultSchedulers(environmentClass));
        int webServers = v.path("min_webservers").asInt(EnvironmentSpec.defaultWebServers(environmentClass));
        EnvironmentSpec spec = new EnvironmentSpec(name.isEmpty() ? address : name, environmentClass, minWorkers,
                maxWorkers, schedulers, webServers, 0, List.of());
        Optional<String> region = regionOfArn(v.path("arn").asText("")).or(() -> providerRegion);
        return new IacEnvironment(address, file, at, spec, region);
    }

    /** {@code arn:aws:airflow:eu-west-1:123456789012:environment/x} → eu-west-1. */
    static Optional<String> regionOfArn(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 4 && parts[0].equals("arn") && !parts[3].isEmpty() ? Optional.of(parts[3])
                : Optional.empty();
    }

    /** The AWS provider's region when the plan's configuration gives it as a constant. */
    private static Optional<String> providerRegion(JsonNode root) {
        JsonNode providers = root.path("configuration").path("provider_config");
        for (Iterator<Map.Entry<String, JsonNode>> it = providers.fields(); it.hasNext(); ) {
            JsonNode p = it.next().getValue();
            if ("aws".equals(p.path("name").asText(""))) {
                JsonNode region = p.path("expressions").path("region").path("constant_value");
                if (region.isTextual() && !region.textValue().isBlank()) {
                    return Optional.of(region.textValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Diagnostic error(DiagnosticCode code, String file, String pointer, String message) {
        return new Diagnostic(dev.flowcost.core.Severity.ERROR, code, file, pointer, 0, 0, message);
    }

    private static Diagnostic warning(DiagnosticCode code, String file, String pointer, String message) {
        return new Diagnostic(dev.flowcost.core.Severity.WARNING, code, file, pointer, 0, 0, message);
    }
}
