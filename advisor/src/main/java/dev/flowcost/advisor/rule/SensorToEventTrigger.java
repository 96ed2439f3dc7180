package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.dag.DagTask;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.dag.OperatorCatalog;
import dev.flowcost.core.dag.SensorSettings;
import dev.flowcost.core.simulate.dag.TaskDurationDefaults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sensor → event trigger: a poke-mode sensor holds a worker slot for its whole wait. Its slot-seconds a month are
 * priced as worker capacity ({@code slot-seconds / tasks per worker / 3600 × extra-worker $/h}) and set against
 * reschedule or deferrable mode (one short poke per poke interval) and, for S3 key sensors of a DAG going to Step
 * Functions, against an S3 event → EventBridge → Step Functions trigger (one custom event and one transition a
 * run). Sensors that already release their slot raise nothing, and neither does a change that would save nothing
 * (a wait shorter than the pokes it would take).
 */
public final class SensorToEventTrigger implements DagRule {

    public static final String RULE = "sensor-to-event-trigger";
    static final RuleInfo INFO = new RuleInfo(RULE, "Poke-mode sensor → reschedule/deferrable mode or an S3 event trigger",
            RuleInfo.Subject.DAG,
            "A sensor in poke mode keeps its worker slot for the whole wait, and slots are what make MWAA add workers. "
                    + "The rule prices the sensor's slot-seconds a month as extra-worker capacity (slot-seconds / tasks "
                    + "per worker / 3600 × the class's extra-worker hourly price) and compares them with reschedule mode "
                    + "(or deferrable=True for AWS-service sensors): one short poke per poke interval. For an S3 key "
                    + "sensor of a DAG the verdict moves to Step Functions, the alternative is an S3 object-created event "
                    + "routed by EventBridge to the state machine: one custom event and one transition a run. Sensors that "
                    + "already release their slot raise nothing, nor does a change that would save nothing.",
            List.of(new Fact("In poke mode a sensor takes up a worker slot for its entire runtime; in reschedule mode only "
                            + "while it checks.", "https://airflow.apache.org/docs/apache-airflow/stable/core-concepts/sensors.html"),
                    new Fact("MWAA bills extra workers per hour above the environment's included worker.",
                            "https://aws.amazon.com/managed-workflows-for-apache-airflow/pricing/"),
                    new Fact("EventBridge bills custom events at $1.00 per million.", "https://aws.amazon.com/eventbridge/pricing/"),
                    new Fact("Amazon S3 can send object-created events to EventBridge.",
                            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html"),
                    new Fact("A Standard workflow bills $0.025 per 1,000 state transitions.",
                            "https://aws.amazon.com/step-functions/pricing/")));
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** One finding per poke-mode sensor that holds slot time and would save by the change. */
    @Override
    public List<Finding> apply(DagContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.extraWorker().isEmpty()) {
            return out;
        }
        int tasksPerWorker = EnvironmentClass.parseOrFallback(ctx.environmentClass()).tasksPerWorker();
        for (DagContext.Task p : ctx.tasks()) {
            Optional<SensorSettings> sensor = p.task().sensor();
            if (sensor.isEmpty() || !sensor.get().holdsSlotWhileWaiting() || p.slotSecondsPerRun() <= 0) {
                continue;
            }
            Finding f = finding(ctx, p, sensor.get(), ctx.extraWorker().get(), tasksPerWorker);
            if (f.isSaving()) {
                out.add(f);
            }
        }
        return out;
    }

    private static Finding finding(DagContext ctx, DagContext.Task p, SensorSettings sensor, Rate worker,
                                   int tasksPerWorker) {
        DagTask t = p.task();
        CostItems.Volume vol = ctx.runs();
        BigDecimal perWorkerHour = BigDecimal.valueOf(tasksPerWorker).multiply(SECONDS_PER_HOUR);
        List<CostItem> now = List.of(CostItems.perExecution("worker capacity held by poke-mode sensor " + t.taskId(),
                Money.quantity(p.slotSecondsPerRun()).divide(perWorkerHour, Money.DIVISION), vol, worker));
        double poke = sensor.pokeIntervalSeconds().orElse(TaskDurationDefaults.POKE_INTERVAL_SECONDS);
        double pokes = Math.ceil(p.durationSeconds() / Math.max(1, poke)) + 1;
        double releasedSlotSeconds = pokes * TaskDurationDefaults.POKE_SECONDS;
        boolean deferrable = OperatorCatalog.awsService(t.operator()).isPresent();
        String mode = deferrable ? "deferrable" : "reschedule";
        List<CostItem> released = List.of(CostItems.perExecution("worker capacity of sensor " + t.taskId() + " in " + mode
                + " mode", Money.quantity(releasedSlotSeconds).divide(perWorkerHour, Money.DIVISION), vol, worker));
        List<CostItem> event = List.of(
                CostItems.perExecution("EventBridge custom events (S3 object created)", BigDecimal.ONE, vol,
                        Rate.from(ctx.prices(), ctx.region(), Services.EVENTBRIDGE, Services.CUSTOM_EVENT)),
                CostItems.perExecution("state transition starting the Standard execution", BigDecimal.ONE, vol,
                        Rate.from(ctx.prices(), ctx.region(), Services.STATES_STANDARD, Services.TRANSITION)));
        boolean useEvent = p.s3KeySensor() && ctx.onStepFunctions();
        List<CostItem> after = useEvent ? event : released;
        List<String> assumptions = new ArrayList<>();
        assumptions.add("the sensor's " + String.format(Locale.ROOT, "%.0f", p.slotSecondsPerRun())
                + " slot-seconds a run are priced as worker capacity: slot-seconds / " + tasksPerWorker
                + " tasks per worker / 3600 × $" + worker.price().toPlainString() + " per extra-worker hour ("
                + ctx.environmentClass() + "); the saving is real when the held slots make MWAA add workers");
        assumptions.add(mode + " mode: one poke of " + (long) TaskDurationDefaults.POKE_SECONDS + " s every "
                + (long) poke + " s (" + (long) pokes + " a run) → " + Money.displayPrecise(CostItems.total(released)) + " a month");
        if (p.s3KeySensor()) {
            assumptions.add("S3 event → EventBridge → Step Functions: one custom event and one transition a run → "
                    + Money.displayPrecise(CostItems.total(event)) + " a month (applies once the DAG runs on Step Functions)");
        }
        Change change = useEvent
                ? new Change(Change.Kind.DAG_NOTE, "start the state machine from an EventBridge rule on the S3 object"
                + " instead of polling with " + t.taskId(), eventRule(t))
                : new Change(Change.Kind.DAG_NOTE, "set " + (deferrable ? "deferrable=True" : "mode='reschedule'") + " on "
                + t.taskId() + " so it stops holding a worker slot while it waits",
                t.taskId() + " = " + t.operator() + "(..., " + (deferrable ? "deferrable=True" : "mode='reschedule'") + ")");
        String title = "Sensor " + t.taskId() + " holds a worker slot while it waits: "
                + (useEvent ? "trigger on the S3 event instead" : "use " + mode + " mode");
        return Findings.priced(RULE, ctx.dagId(), List.of(t.taskId()), title, now, after,
                p.durationFromWorkload() ? Finding.Confidence.MEDIUM : Finding.Confidence.LOW, assumptions, List.of(),
                change, Optional.empty());
    }

    /** An EventBridge rule matching the object the sensor waits for (the key up to its first template). */
    static String eventRule(DagTask t) {
        String bucket = literal(t.arguments().get("bucket_name")).orElse("BUCKET");
        String key = literal(t.arguments().get("bucket_key")).orElse("");
        int template = key.indexOf("{{");
        String prefix = template >= 0 ? key.substring(0, template) : key;
        String keyFilter = template >= 0 || key.isEmpty()
                ? "[{\"prefix\": \"" + json(prefix) + "\"}]" : "[\"" + json(key) + "\"]";
        return "{\n  \"source\": [\"aws.s3\"],\n  \"detail-type\": [\"Object Created\"],\n  \"detail\": {\n"
                + "    \"bucket\": {\"name\": [\"" + json(bucket) + "\"]},\n"
                + "    \"object\": {\"key\": " + keyFilter + "}\n  }\n}\n"
                + "(enable EventBridge notifications on the bucket; target: the state machine)";
    }

    private static Optional<String> literal(String source) {
        if (source == null) {
            return Optional.empty();
        }
        String s = source.trim();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return Optional.of(s.substring(1, s.length() - 1));
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
