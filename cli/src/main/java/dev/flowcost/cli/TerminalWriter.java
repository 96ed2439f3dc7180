package dev.flowcost.cli;

import dev.flowcost.core.input.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that passes everything through {@link TerminalText}, so no control character from a user's file reaches
 * the terminal raw, whichever command or diagnostic printed it. A CR directly followed by LF (a Windows line end) is
 * kept as the line end it is.
 */
final class TerminalWriter extends Writer {

    private final Writer target;
    private boolean pendingCr;

    private TerminalWriter(Writer target) {
        super(target);
        this.target = target;
    }

    /** {@code out} with every character it is given made safe for a terminal. */
    static PrintWriter safe(PrintWriter out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        StringBuilder b = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    b.append("\r\n");
                    continue;
                }
                TerminalText.append(b, '\r');
            }
            if (c == '\r') {
                pendingCr = true;
            } else {
                TerminalText.append(b, c);
            }
        }
        target.write(b.toString());
    }

    @Override
    public void flush() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            target.write(TerminalText.escape("\r"));
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }
}
