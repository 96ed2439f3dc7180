package dev.flowcost.core.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one encoding policy of every flowcost reader (the Python reader adds PEP 263 declarations on top): text is
 * UTF-8, with or without a byte order mark, or UTF-16 with its byte order mark (what Windows editors save as
 * "Unicode"). Anything else — Latin-1, UTF-16 without a mark, binary data with NUL bytes — is refused, saying at which
 * byte offset the first byte that is not text sits, so the user can find it.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    /** Why bytes are not text under this policy. */
    public static final class NotText extends Exception {
        private static final long serialVersionUID = 1L;
        private final long offset;

        NotText(long offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        /** The byte offset (from 0, counting any byte order mark) of the first byte that is not text. */
        public long offset() {
            return offset;
        }
    }

    /** The encoding a byte order mark at the start of {@code bytes} declares, if any. */
    public static Optional<Charset> byteOrderMark(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    /** The text of {@code bytes} without its byte order mark; refused when it is not UTF-8 or marked UTF-16. */
    public static String decode(byte[] bytes) throws NotText {
        Charset charset = byteOrderMark(bytes).orElse(StandardCharsets.UTF_8);
        int skip = charset.equals(StandardCharsets.UTF_8) ? (byteOrderMark(bytes).isPresent() ? 3 : 0) : 2;
        String text = decode(bytes, skip, charset);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            long at = skip + (long) charset.encode(CharBuffer.wrap(text, 0, nul)).remaining();
            throw new NotText(at, "not text: a NUL byte at byte offset " + at + " (a binary file?)");
        }
        return text;
    }

    /** Decodes {@code bytes} from {@code skip} with {@code charset}, refusing the first malformed byte. */
    public static String decode(byte[] bytes, int skip, Charset charset) throws NotText {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil((bytes.length - skip) * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            long at = in.position();
            String name = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-16";
            throw new NotText(at, "not " + name + " text: the byte at offset " + at + " (0x"
                    + String.format(java.util.Locale.ROOT, "%02X", bytes[(int) Math.min(at, bytes.length - 1)] & 0xFF)
                    + ") is not valid " + name + "; save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }
}
