package dev.paperboy.search.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JDK's sentence boundaries (what the highlighter uses by default), found in one forward pass per text and
 * then answered from an array. The highlighter asks {@code preceding}/{@code following} around every match, and
 * the JDK iterator rescans the text for each (backwards, then forwards): that was ~17% of a keyword search's CPU.
 * Same boundaries, so the same snippets ({@code SentenceBoundariesTest} compares both at every offset).
 */
final class SentenceBoundaries extends BreakIterator {
    private final BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int count = 1;
    private int current;

    SentenceBoundaries() {
        setText(text);
    }

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        jdk.setText(newText);
        int[] b = new int[16];
        int n = 0;
        for (int at = jdk.first(); at != DONE; at = jdk.next()) {
            if (n == b.length) b = Arrays.copyOf(b, n * 2);
            b[n++] = at;
        }
        bounds = b;
        count = n;
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        current = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        current = count - 1;
        return bounds[current];
    }

    @Override
    public int next(int n) {
        int to = current + n;
        if (to < 0 || to >= count) {
            current = to < 0 ? 0 : count - 1;
            return DONE;
        }
        current = to;
        return bounds[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    /** The first boundary after {@code offset}, or DONE (current then the last boundary). */
    @Override
    public int following(int offset) {
        check(offset);
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        i = i >= 0 ? i + 1 : -i - 1;
        if (i >= count) {
            current = count - 1;
            return DONE;
        }
        current = i;
        return bounds[i];
    }

    /** The last boundary before {@code offset}, or DONE (current then the first boundary). */
    @Override
    public int preceding(int offset) {
        check(offset);
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        i = (i >= 0 ? i : -i - 1) - 1;
        if (i < 0) {
            current = 0;
            return DONE;
        }
        current = i;
        return bounds[i];
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        if (i >= 0) {
            current = i;
            return true;
        }
        following(offset);
        return false;
    }

    @Override
    public int current() {
        return bounds[current];
    }

    private void check(int offset) {
        if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
    }
}
