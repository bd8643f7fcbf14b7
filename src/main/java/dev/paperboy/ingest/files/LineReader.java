package dev.paperboy.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text line by line with a cap on line length, so one runaway line (a binary blob, a
 * missing newline) cannot exhaust the heap: an overlong line is skipped and flagged instead.
 */
public final class LineReader {

    /** One line without its terminator; {@code tooLong} lines have empty text. */
    public record Line(long number, String text, boolean tooLong) {}

    private final Reader reader;
    private final int maxChars;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int end;
    private long lineNumber;
    private boolean eof;

    public LineReader(InputStream in, int maxChars) {
        // Malformed bytes become U+FFFD rather than aborting the file: a bad line is rejected on its own.
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!sawAny) return null;
                    break;
                }
            }
            sawAny = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') pos++;
            int len = pos - start;
            if (!tooLong) {
                if (sb.length() + len > maxChars) {
                    tooLong = true;
                    sb.setLength(0);
                } else {
                    sb.append(buf, start, len);
                }
            }
            if (pos < end) {
                pos++; // the '\n'
                break;
            }
        }
        lineNumber++;
        if (tooLong) return new Line(lineNumber, "", true);
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
        if (lineNumber == 1 && !sb.isEmpty() && sb.charAt(0) == '\uFEFF') sb.deleteCharAt(0);
        return new Line(lineNumber, sb.toString(), false);
    }

    private boolean fill() throws IOException {
        int n = reader.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
