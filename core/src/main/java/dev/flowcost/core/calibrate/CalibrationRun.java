package dev.flowcost.core.calibrate;

import dev.flowcost.core.input.InputFiles;
import dev.flowcost.core.input.InputKind;
import dev.flowcost.core.input.WorkflowInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One calibration from the paths a user gives: record exports (told by content) are read one by one, everything else
 * is read as the definitions and DAGs they belong to. Directories are walked in sorted order, so the pages of one
 * execution saved as {@code h-1.json}, {@code h-2.json} follow each other.
 *
 * @param definitions the state machines and DAGs read
 * @param calibration what the records said
 */
public record CalibrationRun(WorkflowInputs definitions, Calibration calibration) {

    public static CalibrationRun of(List<Path> paths) throws IOException {
        List<Path> definitionFiles = new ArrayList<>();
        List<Path> exports = new ArrayList<>();
        List<ExportKind> kinds = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).filter(f -> !hidden(p, f)).sorted().toList();
                }
                for (Path f : files) {
                    ExportKind k = ExportKind.of(f);
                    if (k != ExportKind.NONE) {
                        exports.add(f);
                        kinds.add(k);
                    } else if (InputFiles.kindOf(f) == InputKind.STATE_MACHINE || InputFiles.kindOf(f) == InputKind.DAG) {
                        definitionFiles.add(f);
                    }
                }
            } else if (Files.exists(p)) {
                ExportKind k = ExportKind.of(p);
                if (k != ExportKind.NONE) {
                    exports.add(p);
                    kinds.add(k);
                } else {
                    definitionFiles.add(p);
                }
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        WorkflowInputs definitions = definitionFiles.isEmpty()
                ? new WorkflowInputs(List.of(), List.of(), List.of(), List.of())
                : WorkflowInputs.read(definitionFiles);
        Calibrator c = new Calibrator(definitions.stateMachines(), definitions.dags());
        for (int i = 0; i < exports.size(); i++) {
            c.read(exports.get(i), kinds.get(i));
        }
        return new CalibrationRun(definitions, c.finish());
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            String s = part.toString();
            if (s.startsWith(".") && !s.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
