package dev.flowcost.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The front door every reader opens a file through: only regular files (a FIFO would block forever, a device such
 * as {@code /dev/zero} never ends), at most a reader's size cap (checked before reading and again while reading, so
 * a file that grows cannot get past it), decoded by the one {@link TextDecoding} policy. Each refusal is a
 * {@link Refused} whose message is about the file, never quoting what is in it.
 */
public final class InputText {

    /** Cap of a workload file: a workload for 10,000 workflows with a few states each is under 2 MB. */
    public static final long MAX_WORKLOAD_BYTES = 16L * 1024 * 1024;

    /** Cap of an analysis file read by {@code diff}: analysis.json grows with the estate; this is far past 10,000 workflows. */
    public static final long MAX_ANALYSIS_BYTES = 256L * 1024 * 1024;

    /** Cap of a flowcost price book CSV (the bundled one is a few kilobytes). */
    public static final long MAX_PRICE_BOOK_BYTES = 16L * 1024 * 1024;

    /** Cap of an AWS Price List bulk CSV offer file to import (AWS Lambda's, the largest of the three, is far below). */
    public static final long MAX_OFFER_BYTES = 512L * 1024 * 1024;

    private InputText() {
    }

    /** A file flowcost will not read; the message says why, in the user's terms, without the file's name. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final dev.flowcost.core.DiagnosticCode code;

        public Refused(String message, Throwable cause) {
            this(dev.flowcost.core.DiagnosticCode.INPUT_UNREADABLE, message, cause);
        }

        public Refused(dev.flowcost.core.DiagnosticCode code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        /** The diagnostic code of the refusal: INPUT-TOO-LARGE or INPUT-UNREADABLE. */
        public dev.flowcost.core.DiagnosticCode code() {
            return code;
        }
    }

    /** The bytes of {@code file}, when it is a regular file of at most {@code maxBytes}; {@code what} names the kind. */
    public static byte[] bytes(Path file, long maxBytes, String what) throws Refused {
        if (Files.isDirectory(file)) {
            throw new Refused("is a directory; give a file", null);
        }
        if (!Files.exists(file)) {
            throw new Refused(Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? "is a symbolic link to nothing" : "no such file", null);
        }
        if (!Files.isRegularFile(file)) {
            throw new Refused("is not a regular file (a device, a FIFO or a socket); flowcost reads only regular files", null);
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(size, maxBytes, what);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16L, maxBytes + 1));
                if (b.length > maxBytes) {
                    throw tooLarge(b.length, maxBytes, what);
                }
                return b;
            }
        } catch (NoSuchFileException e) {
            throw new Refused("no such file", e);
        } catch (AccessDeniedException e) {
            throw new Refused("permission denied", e);
        } catch (IOException e) {
            throw new Refused("cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** The text of {@code file}: as {@link #bytes}, decoded by {@link TextDecoding#decode(byte[])}. */
    public static String text(Path file, long maxBytes, String what) throws Refused {
        byte[] b = bytes(file, maxBytes, what);
        try {
            return TextDecoding.decode(b);
        } catch (TextDecoding.NotText e) {
            throw new Refused(e.getMessage(), e);
        }
    }

    private static Refused tooLarge(long size, long maxBytes, String what) {
        return new Refused(dev.flowcost.core.DiagnosticCode.INPUT_TOO_LARGE,
                "the file is " + sizeOf(size) + "; flowcost reads " + what + " up to " + size(maxBytes), null);
    }

    /** A cap: {@code 16 MB} (MB of 2^20 bytes), or {@code 300 bytes}. */
    public static String size(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MB";
        }
        return bytes + " bytes";
    }

    /** A file's size: {@code 50.0 MB (52428800 bytes)}, or {@code 300 bytes}. */
    public static String sizeOf(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / (1024.0 * 1024), bytes);
        }
        return bytes + " bytes";
    }
}
