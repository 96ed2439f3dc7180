package dev.flowcost.core;

import java.util.Locale;

/**
 * The stable code of a {@link Diagnostic}: what kind of problem it is, independent of the message's wording, so that
 * callers, CI filters and code-scanning tools can act on it. Each code is documented in {@code docs/diagnostics.md}
 * (a test keeps the two in step). Codes are never renamed or reused; a code no longer raised is removed from both.
 */
public enum DiagnosticCode {
    // --- any input file
    INPUT_UNREADABLE("the file cannot be read (missing, not permitted, binary, or an I/O failure)"),
    INPUT_TOO_LARGE("the file is over the size flowcost reads"),
    INPUT_EMPTY("the file is empty"),
    INPUT_SYNTAX("the text is not valid JSON, YAML, CSV, DOT or Python; the message gives line and column"),
    INPUT_DUPLICATE_KEY("a mapping key appears more than once; the last one is used"),
    INPUT_DUPLICATE_NAME("two inputs have the same workflow name; a workload entry applies to both"),
    INPUT_UNSUPPORTED("the file is not of a kind or version flowcost reads"),
    INPUT_INTERNAL("reading the file failed inside flowcost (a bug); the other inputs are still read"),

    // --- Amazon States Language
    ASL_FIELD_MISSING("a field the state, rule or machine needs is missing"),
    ASL_FIELD_TYPE("a field holds the wrong kind of JSON value (an object where a list is needed, ...)"),
    ASL_FIELD_UNKNOWN("an unknown or misspelt field (did you mean)"),
    ASL_FIELD_MISPLACED("a field that belongs to another state type or another place"),
    ASL_FIELD_QUERY_LANGUAGE("a field or state of the other query language (JSONPath in JSONata, or the reverse)"),
    ASL_FIELD_CONFLICT("two fields that cannot be given together"),
    ASL_FIELD_IGNORED("a field that has no effect where it is (a DISTRIBUTED-only field on an INLINE Map, ...)"),
    ASL_FIELD_DEPRECATED("a deprecated field (Iterator, Parameters of a Map)"),
    ASL_NEXT_MISSING("a state needs Next or End, or a Choice rule or Catcher needs Next"),
    ASL_NEXT_UNKNOWN("StartAt, Next or Default names a state that does not exist in its scope (did you mean)"),
    ASL_TYPE_UNKNOWN("a state's Type is missing or unknown"),
    ASL_NAME_DUPLICATE("a state name is used twice in the state machine"),
    ASL_NAME_TOO_LONG("a state name is longer than 80 characters"),
    ASL_VALUE_INVALID("a value outside its allowed range or set (TimeoutSeconds, MaxAttempts, Mode, ...)"),
    ASL_STATE_UNREACHABLE("a state that no path from StartAt reaches"),
    ASL_NO_END("no path from StartAt can end"),
    ASL_CHOICE_RULE("a malformed Choice rule (operator, operand type, Variable, timestamp)"),
    ASL_ERROR_EQUALS("a problem in a Retrier's or Catcher's ErrorEquals (States.ALL not alone or last, ...)"),
    ASL_INTRINSIC("a problem with an intrinsic function call (States.*) or a path"),
    ASL_INTEGRATION_UNKNOWN("a Task, ItemReader or ResultWriter Resource that is not a known service integration"),
    ASL_VARIABLE_NAME("a variable name Assign may not use"),
    ASL_PLACEHOLDER("a template placeholder (${...}) read in place of a value that is not known yet"),

    // --- infrastructure code (CloudFormation, SAM, CDK output, Terraform)
    IAC_NO_STATE_MACHINE("a template or plan without a state machine (or environment) flowcost can read"),
    IAC_DEFINITION_UNRESOLVED("a state machine whose definition is elsewhere (S3) or built by an intrinsic flowcost cannot evaluate"),
    IAC_DEFINITION_FILE("a state machine's definition is read from the file its template names"),
    IAC_WORKFLOW_TYPE("a template's state machine type is neither STANDARD nor EXPRESS"),
    IAC_SEVERAL_STATE_MACHINES("the file defines several state machines; each is read"),
    IAC_ENVIRONMENT("an MWAA environment in code that flowcost reads in part, or that the workload overrides"),
    IAC_REGION("the code's region differs from the one priced"),

    // --- Airflow DAGs
    DAG_NONE_FOUND("the file has no DAG"),
    DAG_CYCLE("a DAG's tasks depend on each other in a cycle"),
    DAG_ID_DUPLICATE("two DAGs have the same dag_id"),
    DAG_TASK_DUPLICATE("two tasks of a DAG have the same task_id"),
    DAG_DEPENDENCY("a dependency on an unknown task, on itself, across DAGs, or that cannot be read"),
    DAG_SCHEDULE("a DAG's schedule is missing, not known statically, or read with an assumption"),
    DAG_OPERATOR_UNKNOWN("an operator flowcost does not know; its task is read by its family"),
    DAG_TRIGGER_RULE("an unknown trigger rule; all_success is assumed"),
    DAG_NOT_STATIC("a value (dag_id, task_id, condition, loop) not known statically; the message says what was assumed"),
    DAG_GENERATED("DAGs or tasks generated when Airflow parses the file (dag-factory, Cosmos), which flowcost does not see"),
    DAG_LIMIT("a reading limit was reached (tasks, loop iterations, evaluation steps, nesting)"),
    DAG_ENTRY_IGNORED("an entry of a declared DAG (YAML, serialized, REST) that is ignored"),
    DAG_NOTE("a task or DAG noted for what it means to the count (SubDAG, catchup, mapped task)"),
    DAG_PYTHON_ERROR("the Python reader stopped on a statement it cannot evaluate"),

    // --- the workload file
    WORKLOAD_FIELD_UNKNOWN("an unknown or misspelt workload key (did you mean); it is ignored"),
    WORKLOAD_INVALID("a workload value of the wrong kind or out of range"),
    WORKLOAD_DOUBTFUL("a workload value that is accepted but doubtful, or that another entry overrides"),
    WORKLOAD_NO_MATCH("a workload entry that names no workflow, state, task or DAG read; it is not used"),
    WORKLOAD_MATCHED("a workload entry matched by its bare name (a state path or task id)"),

    // --- simulation and counting
    SIM_UNCOUNTABLE("the workflow cannot be counted as written (no execution ends, a loop never exits, runs never finish)"),
    SIM_CHOICE_WEIGHTS("the workload's Choice weights do not fit the Choice"),
    SIM_POOL("a task needs more slots than its pool has; Airflow would never run it"),
    SIM_NOTE("how the simulation read or shortened the month (a repeating pattern, ...)"),
    SIM_LIMITED("the simulation ran fewer executions than asked, or many of them hit a limit"),

    // --- calibration from execution histories and Airflow records
    CALIBRATE_UNUSABLE("an execution history or record export that cannot be used"),
    CALIBRATE_SKIPPED("records or events that are not counted (incomplete history, unknown state machine, ...)"),

    // --- price books and AWS Price List imports
    PRICE_ROW_INVALID("a price row that cannot be read"),
    PRICE_FILE_INVALID("a price file that cannot be used (no rows, missing columns)"),
    PRICE_OVERRIDE_UNMATCHED("a --prices row that overrides no row of the price book"),
    PRICE_NOTE("a price-list row read with an assumption (a second rate, a free tier)"),

    // --- advice
    ADVICE_INCOMPLETE("a workflow or DAG left without a cost or advice, and why"),
    /** A DAG whose simulated runs mostly fail: its cost rests on runs that end in failure. */
    ADVICE_UNCERTAIN("a DAG succeeds in under half of its simulated runs (the likely reason named): its cost is uncertain");

    private final String summary;

    DiagnosticCode(String summary) {
        this.summary = summary;
    }

    /** The code as written in messages and JSON: {@code ASL-NEXT-MISSING}. */
    public String id() {
        return name().replace('_', '-');
    }

    /** One line on what the code means. */
    public String summary() {
        return summary;
    }

    /** The code written as {@link #id()}, case-insensitive. */
    public static java.util.Optional<DiagnosticCode> ofId(String id) {
        try {
            return java.util.Optional.of(valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
