package dev.flowcost.core.dag.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a Python source file as Python does (PEP 263, https://peps.python.org/0263): UTF-8 unless a coding
 * comment on line 1, or on line 2 after a comment-only line 1, names another encoding
 * (https://docs.python.org/3/reference/lexical_analysis.html#encoding-declarations); a UTF-8 BOM means UTF-8.
 * An unknown encoding or a byte the encoding cannot decode is a refusal naming the byte offset. Kept apart so it
 * can join the input layer's one encoding policy for every reader.
 */
final class SourceEncoding {

    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The decoded text (BOM removed), or the reason it was refused. */
    record Decoded(String text, String refusal) {
        boolean ok() {
            return refusal == null;
        }
    }

    private SourceEncoding() {
    }

    static Decoded decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        int start = bom ? 3 : 0;
        String declared = null;
        int declaredAt = 0;
        int lineStart = start;
        for (int line = 1; line <= 2 && lineStart < bytes.length; line++) {
            int end = lineStart;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            // the coding line itself is ASCII in every encoding PEP 263 allows
            String text = new String(bytes, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
            Matcher m = CODING.matcher(text);
            if (m.find()) {
                declared = m.group(1);
                declaredAt = lineStart + m.start(1);
                break;
            }
            if (!text.strip().startsWith("#") && !text.isBlank()) {
                break; // code on line 1: a declaration on line 2 does not count
            }
            lineStart = end < bytes.length && bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n'
                    ? end + 2 : end + 1;
        }
        Charset charset = StandardCharsets.UTF_8;
        if (declared != null) {
            charset = charset(declared);
            if (charset == null) {
                return new Decoded(null, "unknown source encoding '" + declared + "' declared at byte offset "
                        + declaredAt + " (PEP 263 coding line); not read");
            }
            if (bom && !charset.equals(StandardCharsets.UTF_8)) {
                return new Decoded(null, "the file starts with a UTF-8 byte order mark but its coding line declares '"
                        + declared + "' (byte offset " + declaredAt + "); not read");
            }
        }
        return strict(bytes, start, charset);
    }

    private static Decoded strict(byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) Math.ceil((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            return new Decoded(null, "not valid " + charset.name() + " text at byte offset " + in.position()
                    + (charset.equals(StandardCharsets.UTF_8) ? " (declare another encoding with a PEP 263 coding line, "
                    + "e.g. '# -*- coding: latin-1 -*-')" : "") + "; not read");
        }
        out.flip();
        return new Decoded(out.toString(), null);
    }

    /** Python's codec name to Java's; null when unknown. */
    static Charset charset(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "utf-8", "utf8", "utf-8-sig", "u8" -> {
                return StandardCharsets.UTF_8;
            }
            case "latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "ascii", "us-ascii" -> {
                return StandardCharsets.US_ASCII;
            }
            default -> { }
        }
        if (n.matches("cp125[0-8]")) {
            n = "windows-" + n.substring(2);
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
