package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.StateMachineInput;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A state machine the advice laws analyse, with the workload shape it is given: {@code items} per run for its Map (if
 * any), {@code seconds} per task, {@code executions} a month. Built from ASL text, so a law of one's own can add more.
 *
 * @param mapState  the Map state whose items vary, or empty
 * @param taskState the Task whose duration varies (its workload key, {@code Map/Task} inside a Map), or empty
 */
public record LawMachine(StateMachineInput machine, Optional<String> mapState, Optional<String> taskState) {

    /** The inline Map of one Lambda per order: the transition trap every rule looks at. */
    public static final LawMachine ORDERS = of("orders", """
            {"StartAt": "LoadOrders", "States": {
              "LoadOrders": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "load-orders", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "ChargeEach"},
              "ChargeEach": {"Type": "Map", "ItemsPath": "$.orders", "MaxConcurrency": 40,
                "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Charge", "States": {
                  "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "charge-order", "Payload.$": "$"},
                    "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 3,
                      "BackoffRate": 2.0}], "End": true}}},
                "Next": "Report"},
              "Report": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:done", "Message": "done"}, "End": true}}}
            """, "ChargeEach", "ChargeEach/Charge");

    /** Four Pass states: exactly 4 transitions an execution, nothing else billed. */
    public static final LawMachine FOUR = of("four", """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"},
              "C": {"Type": "Pass", "Next": "D"}, "D": {"Type": "Pass", "End": true}}}
            """, null, null);

    /** Two Lambda tasks in a row: short enough to be advised Express, until its task takes too long. */
    public static final LawMachine TWO_TASKS = of("two", """
            {"StartAt": "Resize", "States": {
              "Resize": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "resize", "Payload.$": "$"}, "Next": "Charge"},
              "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true}}}
            """, null, "Resize");

    /** The built-in machines. */
    public static List<LawMachine> builtIn() {
        return List.of(ORDERS, FOUR, TWO_TASKS);
    }

    /** A machine read from ASL text; it must read without errors. */
    public static LawMachine of(String name, String asl, String mapState, String taskState) {
        byte[] bytes = asl.getBytes(StandardCharsets.UTF_8);
        AslReadResult r = new AslReader().read(name + ".asl.json", bytes);
        if (r.hasErrors() || r.machine().isEmpty()) {
            throw new IllegalArgumentException(name + ": " + r.diagnostics());
        }
        return new LawMachine(new StateMachineInput(name, name + ".asl.json", r.machine().get(), Optional.empty(),
                bytes.length), Optional.ofNullable(mapState), Optional.ofNullable(taskState));
    }

    public String name() {
        return machine.name();
    }

    /** The workload YAML of one shape of use in a region. */
    public String workloadYaml(String region, WorkloadShape shape) {
        StringBuilder y = new StringBuilder();
        y.append("region: ").append(region).append('\n').append("workflows:\n  ").append(name()).append(":\n")
                .append("    workflowType: STANDARD\n")
                .append("    executionsPerMonth: ").append(shape.executions()).append('\n');
        if (mapState.isPresent() || taskState.isPresent()) {
            y.append("    states:\n");
            mapState.ifPresent(m -> y.append("      ").append(m).append(":\n        items: ").append(shape.items())
                    .append('\n'));
            taskState.ifPresent(t -> y.append("      ").append(t).append(":\n        durationSeconds: ")
                    .append(String.format(Locale.ROOT, "%.6f", shape.seconds())).append("\n        memoryMb: 256\n"));
        }
        return y.toString();
    }

    /** The workload of one shape of use in a region, read as the CLI reads a workload file. */
    public Workload workload(String region, WorkloadShape shape) {
        String yaml = workloadYaml(region, shape);
        WorkloadReadResult r = new WorkloadReader().read("laws-workload.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (r.hasErrors() || r.workload().isEmpty()) {
            throw new IllegalArgumentException("law workload does not read: " + r.diagnostics() + "\n" + yaml);
        }
        return r.workload().get();
    }

    @Override
    public String toString() {
        return name();
    }

    /** How a machine is used: items per run of its Map, seconds per task, executions a month. */
    public record WorkloadShape(int items, double seconds, long executions) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "{items=%d, seconds=%s, executions=%d}", items, seconds, executions);
        }
    }
}
