package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs a pull request can bring to a CI run (issue 15): files read outside the inputs, FIFOs and devices,
 * oversized files, cycles under --keep-going, control characters, and crashes that must never exit 1 (the budget).
 * Each case exits 0 or 3 quickly, never 1 or 4, and never prints what it refused to read.
 */
class HardeningTest {

    private static final String SECRET = "AWS_SECRET_ACCESS_KEY=TOPSECRET";
    private static final String DEFINITION = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private Path repo;
    private Path secret;

    @BeforeEach
    void layout() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo/sm"));
        secret = Files.writeString(tmp.resolve("secrets.env"), SECRET);
        Files.writeString(repo.resolve("def.asl.json"), DEFINITION);
    }

    private Path template(String uri) throws IOException {
        return Files.writeString(repo.resolve("template.yaml"), "Transform: AWS::Serverless-2016-10-31\nResources:\n"
                + "  Orders:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n"
                + "      DefinitionUri: " + uri + "\n");
    }

    private static CliRun run(String... args) {
        return assertTimeoutPreemptively(QUICK, () -> CliRun.of(args));
    }

    private static void assertRefusedWithoutQuoting(CliRun r) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.out() + r.err()).contains("template.yaml:7", "DefinitionUri").doesNotContain("\tat ");
        assertThat(r.out() + r.err()).doesNotContain("TOPSECRET", "PATH=", "HOME=");
    }

    @Test
    void definitionUriOutsideTheTemplatesFolderIsRefusedInEveryPathForm() throws IOException {
        List<String> forms = new ArrayList<>(List.of(secret.toString(), "../../secrets.env", "/proc/self/environ",
                "/dev/zero", "../../../../../../../../etc/passwd"));
        Path link = repo.resolve("link.asl.json");
        try {
            Files.createSymbolicLink(link, secret);
            forms.add("link.asl.json");
        } catch (UnsupportedOperationException | IOException e) {
            // no symbolic links on this file system: the other forms still run
        }
        for (String form : forms) {
            Path t = template(form);
            assertRefusedWithoutQuoting(run("validate", t.toString()));
            assertRefusedWithoutQuoting(run("advise", t.toString()));
            assertRefusedWithoutQuoting(run("advise", repo.toString()));
        }
    }

    @Test
    void definitionUriInsideOrBelowBaseIsReadAndItsTypeKept() throws IOException {
        Path t = template("def.asl.json");
        CliRun r = run("advise", repo.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // the template's workflow, EXPRESS as its Type says; the definition file is not priced again on its own
        assertThat(r.json().get("workflows")).hasSize(1);
        assertThat(r.json().get("workflows").get(0).get("workflowType").asText()).isEqualTo("EXPRESS");

        Path shared = Files.createDirectories(tmp.resolve("repo/shared"));
        Files.writeString(shared.resolve("common.asl.json"), DEFINITION);
        template("../shared/common.asl.json");
        assertRefusedWithoutQuoting(run("validate", t.toString()));
        CliRun withBase = run("validate", t.toString(), "--base", tmp.resolve("repo").toString());
        assertThat(withBase.exitCode()).as(withBase.err()).isZero();
        CliRun notADir = run("validate", t.toString(), "--base", tmp.resolve("nowhere").toString());
        assertThat(notADir.exitCode()).isEqualTo(2);
    }

    @Test
    void aFifoNamedOnTheCommandLineIsRefusedInsteadOfBlocking() throws IOException {
        Path fifo = tmp.resolve("machine.asl.json");
        assumeTrue(mkfifo(fifo), "mkfifo not available");
        Path workload = Files.writeString(tmp.resolve("w.yaml"), "executionsPerMonth: 10\n");
        Path def = repo.resolve("def.asl.json");
        for (String[] args : List.of(new String[] {"validate", fifo.toString()}, new String[] {"advise", fifo.toString()},
                new String[] {"simulate", fifo.toString()}, new String[] {"inspect", fifo.toString()},
                new String[] {"convert", fifo.toString()}, new String[] {"diff", fifo.toString(), fifo.toString()},
                new String[] {"advise", def.toString(), "-w", fifo.toString()},
                new String[] {"advise", def.toString(), "--prices", fifo.toString()},
                new String[] {"prices", "--import", fifo.toString()})) {
            CliRun r = run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(3);
            assertThat(r.err()).contains("not a regular file");
        }
        assertThat(workload).exists();
    }

    @Test
    void aDeviceAsAnInputIsRefused() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        for (String[] args : List.of(new String[] {"validate", "/dev/zero"}, new String[] {"advise", "/dev/zero"},
                new String[] {"simulate", "/dev/zero"}, new String[] {"diff", "/dev/zero", "/dev/zero"},
                new String[] {"advise", repo.resolve("def.asl.json").toString(), "-w", "/dev/zero"})) {
            CliRun r = run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(3);
            assertThat(r.err()).contains("not a regular file");
        }
    }

    @Test
    void aWorkloadOverItsCapIsAnInputErrorSayingTheCap() throws IOException {
        Path big = tmp.resolve("big.workload.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            out.write("executionsPerMonth: 10\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written <= 17L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        CliRun r = run("advise", repo.resolve("def.asl.json").toString(), "-w", big.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("big.workload.yaml", "flowcost reads workload files up to 16 MB");
    }

    @Test
    void anAnalysisFileOverTheDiffCapIsAnInputError() throws IOException {
        Path f = Files.write(tmp.resolve("a.json"), new byte[2048]);
        try {
            FileProblems.readText(f, 1024, "analysis files");
            throw new AssertionError("not refused");
        } catch (InputException e) {
            assertThat(e.getMessage()).contains("a.json", "flowcost reads analysis files up to 1024 bytes");
        }
    }

    @Test
    void cyclicInputsExitThreeEverywhere() throws IOException {
        Path dot = Files.writeString(tmp.resolve("cycle.dot"), "digraph cyc {\n  a -> b;\n  b -> a;\n}\n");
        CliRun inspect = run("inspect", dot.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isEqualTo(3);
        assertThat(inspect.out() + inspect.err()).contains("cycle");
        String py = CliRun.fixture("dag-with-cycle.py");
        assertThat(run("convert", py).exitCode()).isEqualTo(3);
        assertThat(run("simulate", py).exitCode()).isEqualTo(3);
        assertThat(run("advise", py).exitCode()).isEqualTo(3);
        CliRun kept = run("advise", py, repo.resolve("def.asl.json").toString(), "--keep-going");
        assertThat(kept.exitCode()).as(kept.err()).isEqualTo(3);
        assertThat(kept.out()).contains("def");
        assertThat(kept.err()).contains("cycle", "incomplete");
    }

    @Test
    void controlCharactersFromInputsNeverReachTheTerminalRaw() throws IOException {
        Path asl = Files.writeString(tmp.resolve("evil.asl.json"), "{\"StartAt\":\"A\\u001b[2J\",\"States\":{"
                + "\"A\\u001b[2J\":{\"Type\":\"Pass\",\"Next\":\"B\\u0007\\r\\u202e\"}}}");
        Path dag = Files.writeString(tmp.resolve("evil.py"), "from airflow import DAG\n"
                + "from airflow.operators.empty import EmptyOperator\n"
                + "with DAG(\"evil\\x1b]8;;http://x\\x07\", schedule=\"@daily\") as dag:\n"
                + "    a = EmptyOperator(task_id=\"a\\x1b[2J\")\n    b = EmptyOperator(task_id=\"b\\x9b31m\")\n    a >> b\n");
        List<CliRun> runs = List.of(run("validate", asl.toString()), run("advise", asl.toString()),
                run("inspect", dag.toString()), run("simulate", dag.toString()), run("convert", dag.toString()),
                run("advise", dag.toString()), run("inspect", dag.toString(), "--format", "json"));
        for (CliRun r : runs) {
            String all = r.out() + r.err();
            assertThat(all.chars().filter(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x9b || c == 0x202e))
                    .as(all).isEmpty();
        }
        assertThat(runs.get(0).out() + runs.get(0).err()).contains("\\u001b[2J");
        assertThat(runs.get(2).out()).contains("a\\u001b[2J");
        assertThat(runs.get(6).json().toString()).contains("a\\u001B[2J");
    }

    @Test
    void convertToYamlQuotesTaskIdsThatWouldReadAsNumbersAndReadsItsOwnOutput() throws IOException {
        Path dag = Files.writeString(tmp.resolve("numbers.py"), "from airflow import DAG\n"
                + "from airflow.operators.empty import EmptyOperator\nwith DAG(\"numbers\", schedule=\"@daily\") as dag:\n"
                + "    a = EmptyOperator(task_id=\"1e3\")\n    b = EmptyOperator(task_id=\".inf\")\n"
                + "    c = EmptyOperator(task_id=\"yes\")\n    d = EmptyOperator(task_id=\"null\")\n    a >> b >> c >> d\n");
        Path out = tmp.resolve("numbers.asl.yaml");
        CliRun r = run("convert", dag.toString(), "--format", "yaml", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliRun again = run("validate", out.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(Files.readString(out)).contains("\"1e3\"", "\".inf\"", "\"yes\"", "\"null\"");
    }

    @Test
    void aStackOverflowOrAnyInternalErrorIsOneLineWithExitFourNeverOne() {
        assertThat(FlowcostCommand.exitCodeOf(new StackOverflowError())).isEqualTo(4);
        assertThat(FlowcostCommand.exitCodeOf(new OutOfMemoryError("Java heap space"))).isEqualTo(4);
        assertThat(FlowcostCommand.internalMessage(new StackOverflowError(), "reading the inputs"))
                .isEqualTo("internal error: the input is nested too deeply to follow (stack overflow) while reading the "
                        + "inputs; run with --debug for the trace");
        assertThat(FlowcostCommand.internalMessage(new OutOfMemoryError("Java heap space"), "writing reports"))
                .startsWith("internal error: out of memory while writing reports; run with --debug for the trace");
        java.io.StringWriter w = new java.io.StringWriter();
        int code = FlowcostCommand.report(new StackOverflowError(), false, new java.io.PrintWriter(w));
        assertThat(code).isEqualTo(4);
        assertThat(w.toString().lines()).hasSize(1);
        java.io.StringWriter d = new java.io.StringWriter();
        FlowcostCommand.report(new StackOverflowError(), true, new java.io.PrintWriter(d));
        assertThat(d.toString()).contains("StackOverflowError", "\tat ");
    }

    /**
     * An OutOfMemoryError in a real JVM with a tiny heap: exit 4 and one line naming what ran out, never the JVM's
     * trace and exit 1.
     */
    @Test
    void outOfMemoryInAChildJvmExitsFourWithOneLine() throws Exception {
        Path big = tmp.resolve("huge.workload.yaml");
        StringBuilder b = new StringBuilder("workflows:\n");
        for (int i = 0; i < 150_000; i++) {
            b.append("  wf").append(i).append(": {executionsPerMonth: ").append(i).append(", states: {A: {durationSeconds: 1}}}\n");
        }
        Files.writeString(big, b);
        assertThat(Files.size(big)).isLessThan(16L * 1024 * 1024);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx24m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FlowcostCommand.class.getName(), "advise", repo.resolve("def.asl.json").toString(), "-w", big.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isEqualTo(4);
        assertThat(stderr.lines().filter(l -> !l.startsWith("OpenJDK") && !l.isBlank()))
                .singleElement().asString()
                .startsWith("flowcost: internal error: out of memory while reading the workload file")
                .contains("run with --debug for the trace");
    }

    static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            return proc.waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void simulateSaysOnStderrWhenMonteCarloCutExecutions() throws IOException {
        // a Choice loop left with weight 1e-9: each execution is expected to take about 2 billion steps
        Path def = Files.writeString(tmp.resolve("loop.asl.json"), "{\"StartAt\":\"Work\",\"States\":{"
                + "\"Work\":{\"Type\":\"Pass\",\"Next\":\"Again?\"},\"Again?\":{\"Type\":\"Choice\",\"Choices\":"
                + "[{\"Variable\":\"$.done\",\"BooleanEquals\":true,\"Next\":\"Done\"}],\"Default\":\"Work\"},"
                + "\"Done\":{\"Type\":\"Succeed\"}}}");
        Path w = Files.writeString(tmp.resolve("loop.yaml"), "workflows:\n  loop:\n    states:\n      Again?:\n"
                + "        branches: {\"0\": 0.000000001, \"Default\": 0.999999999}\n");
        CliRun r = run("simulate", def.toString(), "-w", w.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(def + ": warning [SIM-LIMITED]", "were cut", "exact analysis");
    }

    @Test
    void inspectAsJsonStillShowsABudgetWarningOnStderr() throws IOException {
        Path dag = Files.writeString(tmp.resolve("big.py"), "from airflow import DAG\n"
                + "from airflow.operators.empty import EmptyOperator\nimport pendulum\n"
                + "with DAG('big_loop', schedule='@daily', start_date=pendulum.datetime(2024, 1, 1)) as dag:\n"
                + "    for i in range(20000):\n        EmptyOperator(task_id=f\"t{i}\")\n");
        CliRun r = run("inspect", dag.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("big.py:5: warning [DAG-LIMIT]", "big_loop", "may be missing");
    }
}
