package dev.flowcost.core.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a file named inside another input may be read from (a SAM template's {@code DefinitionUri}, a
 * CloudFormation {@code DefinitionS3Location} left as a local path for {@code aws cloudformation package}): only at
 * or below the referring file's folder, or below the {@code --base} folder the user gave. Paths are compared as real
 * paths (symbolic links resolved), so {@code ..}, an absolute path, a link pointing out, {@code /proc/self/environ} or
 * a device are all refused. The refusal names the path as the referring file wrote it and never reads the target:
 * a pull request that adds one template cannot print a CI secret into the log.
 */
public final class ReferencedFiles {

    private ReferencedFiles() {
    }

    /** Where a referenced file may be: the referring file's folder and, when given, {@code --base}. */
    public record Allowed(Optional<Path> base) {
        public static final Allowed REFERRING_FOLDER_ONLY = new Allowed(Optional.empty());

        public Allowed {
            base = base == null ? Optional.empty() : base;
        }

        public static Allowed of(Path base) {
            return new Allowed(Optional.ofNullable(base));
        }
    }

    /**
     * The real path of the regular file {@code written} names, relative to {@code referringFile}'s folder.
     *
     * @throws InputText.Refused when it lies outside what {@code allowed} permits, is missing, or is not a regular file
     */
    public static Path resolve(Path referringFile, String written, Allowed allowed) throws InputText.Refused {
        Path folder;
        Path target;
        try {
            folder = referringFile.toAbsolutePath().getParent().toRealPath();
            target = folder.resolve(written);
        } catch (InvalidPathException e) {
            throw new InputText.Refused("is not a valid path", e);
        } catch (IOException e) {
            throw new InputText.Refused("cannot be resolved: the referring file's folder cannot be read", e);
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            // only say "missing" for a path that would have been allowed; never confirm what exists outside
            if (!within(target.normalize(), folder, allowed)) {
                throw outside(folder, allowed);
            }
            throw new InputText.Refused("names no file", e);
        }
        if (!within(real, folder, allowed)) {
            throw outside(folder, allowed);
        }
        if (!Files.isRegularFile(real)) {
            throw new InputText.Refused("is not a regular file; flowcost reads only regular files", null);
        }
        return real;
    }

    private static boolean within(Path path, Path folder, Allowed allowed) {
        if (path.startsWith(folder)) {
            return true;
        }
        if (allowed.base().isEmpty()) {
            return false;
        }
        try {
            return path.startsWith(allowed.base().get().toAbsolutePath().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static InputText.Refused outside(Path folder, Allowed allowed) {
        return new InputText.Refused("lies outside the referring file's folder" + allowed.base()
                .map(b -> " and outside --base " + b).orElse("") + "; flowcost reads files named inside inputs only at or"
                + " below the referring file's folder (give --base DIR to allow a wider folder)", null);
    }
}
