package dev.flowcost.cli;

import dev.flowcost.core.input.ReferencedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --base DIR}: where files named inside inputs (a SAM template's {@code DefinitionUri}, a CloudFormation
 * {@code DefinitionS3Location} local path) may also be read. Without it only files at or below the referring file's
 * own folder are, so a pull request that adds one template cannot make flowcost read (and print) a file elsewhere.
 */
final class BaseOption {
    @Option(names = "--base", paramLabel = "DIR",
            description = "Also read files named inside inputs (a SAM template's DefinitionUri, a DefinitionS3Location "
                    + "local path) below this folder. Without it they are read only at or below the referring file's own "
                    + "folder; anything else (an absolute path elsewhere, '..', a link pointing out, a device) is an input "
                    + "error. Example: --base .")
    Path base;

    /** What the readers may open; a --base that is not a directory is a usage error. */
    ReferencedFiles.Allowed allowed(picocli.CommandLine commandLine) {
        if (base != null && !Files.isDirectory(base)) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--base " + base + ": not a directory");
        }
        return ReferencedFiles.Allowed.of(base);
    }
}
