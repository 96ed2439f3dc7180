package dev.flowcost.report.excel;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An SXSSF workbook whose sheets are streamed to their temporary files through a writer without a lock. POI writes
 * each sheet's XML a character at a time into a {@code BufferedWriter} over an {@code OutputStreamWriter}, and the
 * lock and checks taken per character were a quarter of a 10,000-workflow workbook's time. The bytes are the same:
 * UTF-8, with a malformed character replaced as {@code OutputStreamWriter} replaces it. A sheet is only ever written
 * by the one thread that renders the workbook, so no lock is needed.
 */
final class StreamedWorkbook extends SXSSFWorkbook {

    StreamedWorkbook(int rowAccessWindowSize) {
        super(rowAccessWindowSize);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new SheetDataWriter(getSharedStringSource()) {
            @Override
            public Writer createWriter(File fd) throws IOException {
                FileOutputStream file = new FileOutputStream(fd);
                try {
                    return new Utf8Writer(decorateOutputStream(file));
                } catch (IOException | RuntimeException e) {
                    file.close();
                    throw e;
                }
            }
        };
    }

    /** A buffered UTF-8 writer for one thread: what {@code new BufferedWriter(new OutputStreamWriter(out, UTF_8))} writes. */
    static final class Utf8Writer extends Writer {
        private static final int CHARS = 8_192;

        private final OutputStream out;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(CHARS);
        private final ByteBuffer bytes = ByteBuffer.allocate(CHARS * 3);
        private boolean closed;

        Utf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (!chars.hasRemaining()) {
                encode(false);
            }
            chars.put((char) c);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            while (len > 0) {
                if (!chars.hasRemaining()) {
                    encode(false);
                }
                int n = Math.min(len, chars.remaining());
                chars.put(buf, off, n);
                off += n;
                len -= n;
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            while (len > 0) {
                if (!chars.hasRemaining()) {
                    encode(false);
                }
                int n = Math.min(len, chars.remaining());
                chars.put(s, off, off + n);
                off += n;
                len -= n;
            }
        }

        /** Encodes the characters held (all of them at the end; else a high surrogate may wait for its pair). */
        private void encode(boolean endOfInput) throws IOException {
            chars.flip();
            while (true) {
                CoderResult result = encoder.encode(chars, bytes, endOfInput);
                if (result.isOverflow()) {
                    drainBytes();
                    continue;
                }
                if (endOfInput) {
                    while (encoder.flush(bytes).isOverflow()) {
                        drainBytes();
                    }
                }
                break;
            }
            drainBytes();
            chars.compact();
        }

        private void drainBytes() throws IOException {
            out.write(bytes.array(), 0, bytes.position());
            bytes.clear();
        }

        @Override
        public void flush() throws IOException {
            encode(false);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                encode(true);
            } finally {
                out.close();
            }
        }
    }
}
