package dev.flowcost.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives (files and directories) into the input files flowcost reads, each with its kind.
 * A directory is walked recursively (hidden folders, {@code __pycache__} and {@code target} skipped); files in it are
 * kept by extension and by a look at their first bytes, so a workload or a README in the same folder is not
 * mistaken for a workflow. A file named explicitly is always kept.
 */
public final class InputFiles {

    /** Bytes read to tell an ambiguous file's kind. */
    private static final int SNIFF_BYTES = 16 * 1024;

    private InputFiles() {
    }

    /** One input file and what it holds. {@code explicit} is true when the user named it rather than its folder. */
    public record InputFile(Path path, InputKind kind, boolean explicit) {
    }

    /** Every input file under the given paths, in a stable order (as given; directory contents sorted). */
    public static List<InputFile> expand(List<Path> paths) throws IOException {
        List<InputFile> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).filter(f -> !skipped(p, f)).sorted().toList();
                }
                for (Path f : files) {
                    InputKind kind = kindOf(f);
                    if (kind != InputKind.OTHER) {
                        out.add(new InputFile(f, kind, false));
                    }
                }
            } else if (Files.exists(p)) {
                out.add(new InputFile(p, kindOf(p), true));
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString());
            }
        }
        return out;
    }

    /** The kind of one file, by extension and, for JSON and YAML, by its first bytes. */
    public static InputKind kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".asl.json") || name.endsWith(".asl.yaml") || name.endsWith(".asl.yml")) {
            return InputKind.STATE_MACHINE;
        }
        if (name.endsWith(".py") || name.endsWith(".dot") || name.endsWith(".gv")) {
            return InputKind.DAG;
        }
        if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            return kindOfContent(head(file));
        }
        return InputKind.OTHER;
    }

    /** The kind of a JSON or YAML text from its first bytes. */
    static InputKind kindOfContent(String head) {
        // before the ASL test: a plan's definitions are strings that mention StartAt and States
        if (TerraformShowReader.looksLike(head)) {
            return InputKind.IAC;
        }
        if (CloudFormationEnvironments.mentioned(head) && !head.contains("AWS::StepFunctions::StateMachine")
                && !head.contains("AWS::Serverless::StateMachine")) {
            return InputKind.IAC;
        }
        boolean asl = head.contains("StartAt") && head.contains("States");
        boolean wrapped = head.contains("stateMachineArn") || head.contains("\"definition\"");
        if (asl || wrapped) {
            return InputKind.STATE_MACHINE;
        }
        if (head.contains("workflows:") || head.contains("\"workflows\"") || head.contains("environments:")
                || head.contains("executionsPerMonth")) {
            return InputKind.WORKLOAD;
        }
        if (head.contains("task_id") || head.contains("downstream_task_ids") || head.contains("__version")
                || head.contains("tasks:") || head.contains("operator:")) {
            return InputKind.DAG;
        }
        return InputKind.OTHER;
    }

    private static boolean skipped(Path root, Path file) {
        Path rel = root.relativize(file);
        for (Path part : rel) {
            String s = part.toString();
            if ((s.startsWith(".") && !s.equals(".")) || s.equals("__pycache__") || s.equals("target") || s.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
