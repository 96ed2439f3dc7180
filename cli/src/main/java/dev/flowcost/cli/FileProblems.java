package dev.flowcost.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns the JDK's terse file exceptions (whose message is often just a path, or a temporary file's name) into a
 * sentence that names the user's file and says what is wrong with it, and writes output files so that a failure is
 * an input error about the target the user named.
 */
final class FileProblems {
    private FileProblems() {
    }

    /** "FILE: reason" for an exception met while reading or writing {@code file} (or the exception's own file). */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile();
            if ("-".equals(file)) {
                return "'-' (standard input) is not supported: give the path of a file";
            }
            return (file == null ? "" : file + ": ") + reason(e);
        }
        return reason(e);
    }

    /** What went wrong with {@code target}, naming the exception's file only when it is another one. */
    static String about(Path target, IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null
                && Path.of(fs.getFile()).toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            return reason(e);
        }
        return describe(e);
    }

    /** What went wrong, without the file name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way (it already exists and is not a directory)";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text (binary file?)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lower(fs.getReason());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : lower(m);
    }

    /** Writes {@code content} to {@code target} whole or not at all; a failure is an input error naming the target. */
    static void write(Path target, byte[] content) {
        if (Files.isDirectory(target)) {
            throw new InputException("cannot write " + target + ": it is a directory (give a file name)");
        }
        try {
            dev.flowcost.report.AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new InputException("cannot write " + target + ": " + reason(e));
        }
    }

    /**
     * Reads a whole text file of at most {@code maxBytes} ({@code what} names the kind in the size message): a missing,
     * unreadable, binary, non-regular file, one over the cap, or a directory is an input error.
     */
    static String readText(Path file, long maxBytes, String what) {
        if ("-".equals(file.toString()) && !Files.exists(file)) {
            throw new InputException("'-' (standard input) is not supported: give the path of a file");
        }
        try {
            return dev.flowcost.core.input.InputText.text(file, maxBytes, what);
        } catch (dev.flowcost.core.input.InputText.Refused e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
