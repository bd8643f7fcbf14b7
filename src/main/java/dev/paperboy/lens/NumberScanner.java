package dev.paperboy.lens;

import dev.paperboy.lens.Mention.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds numbers with their units in one sentence of clean text: "3.5×", "3times", "-fold", "$20K", "2.5 billion",
 * "5%-15%", "~12.5%", "0.7 points", "446M-parameter". Hand-written and linear: no regular expressions.
 * Numbers that are part of names ("Qwen2-VL-7B", "YAGO3-10", "3D", "x4", "v2.6.2") are skipped here.
 */
final class NumberScanner {
    /** Longer digit runs are not quantities (and would lose precision); they are skipped whole. */
    private static final int MAX_DIGITS = 15;

    private NumberScanner() {}

    /** The mentions in {@code t[from, to)}, in order. */
    static List<Mention> scan(String t, int from, int to) {
        List<Mention> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            char c = t.charAt(p);
            if (!isDigit(c) || p > from && continuesToken(t.charAt(p - 1))) {
                p++;
                continue;
            }
            int[] num = number(t, p, to);
            int q = num[0];
            if (q < 0) {
                p = skipToken(t, p, to);
                continue;
            }
            Mention m = mention(t, from, to, p, q, false);
            if (m == null) {
                p = skipToken(t, p, to);
                continue;
            }
            out.add(m);
            p = Math.max(m.end(), p + 1);
        }
        return out;
    }

    private static boolean continuesToken(char prev) {
        return isDigit(prev) || Character.isLetter(prev) || prev == '.' || prev == ',' || prev == '@'
                || prev == '_' || prev == '^' || prev == '#';
    }

    private static int skipToken(String t, int p, int to) {
        while (p < to && t.charAt(p) != ' ') p++;
        return p;
    }

    /** {end} of the digits at p ("1,234.5"), or {-1} when it is a version or an over-long run. */
    private static int[] number(String t, int p, int to) {
        int q = p;
        while (q < to && isDigit(t.charAt(q))) q++;
        while (q + 3 < to && t.charAt(q) == ',' && isDigit(t.charAt(q + 1)) && isDigit(t.charAt(q + 2))
                && isDigit(t.charAt(q + 3)) && (q + 4 >= to || !isDigit(t.charAt(q + 4)))) {
            q += 4;
        }
        if (q + 1 < to && t.charAt(q) == '.' && isDigit(t.charAt(q + 1))) {
            q++;
            while (q < to && isDigit(t.charAt(q))) q++;
            if (q + 1 < to && t.charAt(q) == '.' && isDigit(t.charAt(q + 1))) return new int[] {-1};
        }
        int digits = 0;
        for (int k = p; k < q; k++) if (isDigit(t.charAt(k))) digits++;
        if (digits > MAX_DIGITS) return new int[] {-1};
        return new int[] {q};
    }

    private static Mention mention(String t, int from, int to, int p, int q, boolean rangeEnd) {
        // Left side: a number glued to a word by a hyphen or slash belongs to a name ("ViT-7B", "ViT-S/16").
        if (!rangeEnd && p - 2 >= from && (t.charAt(p - 1) == '-' || t.charAt(p - 1) == '/')
                && Character.isLetterOrDigit(t.charAt(p - 2))) {
            return null;
        }
        int start = p;
        char sign = 0;
        boolean currency = false;
        boolean otherCurrency = false;
        int k = p - 1;
        while (k >= from && p - k <= 4) {
            char c = t.charAt(k);
            if (c == '$') currency = true;
            else if (c == '€' || c == '£' || c == '¥') otherCurrency = true;
            else if (c == '+' || c == '-' || c == '±') {
                if (k - 1 >= from && Character.isLetterOrDigit(t.charAt(k - 1))) break;
                sign = c == '±' ? 0 : c;
            } else if (c != '~' && c != '≈' && c != '<' && c != '>' && c != '≤' && c != '≥') break;
            start = k;
            k--;
        }
        // Superscripts and subscripts ("0.844^+0.055_-0.062") are error bars, not quantities.
        if (start - 1 >= from && (t.charAt(start - 1) == '^' || t.charAt(start - 1) == '_')) return null;
        BigDecimal value = parse(t, p, q);
        boolean decimal = t.substring(p, q).indexOf('.') >= 0;
        int r = q;
        boolean mult = false;
        // Attached multipliers and units ("20K", "16GB", "3.5x", "3times", "30fps").
        Suffix s = suffix(t, r, to);
        if (s == null) return null;
        if (s.unit != null && s.multiplier != null) { // "1.2TB" is 1,200 GB
            value = value.multiply(s.multiplier);
            s = new Suffix(s.end, s.unit, null);
        } else if (s.multiplier != null) {
            value = value.multiply(s.multiplier);
            mult = true;
            r = s.end;
            Suffix more = suffix(t, r, to);
            if (more != null && more.unit != null) s = more;
            else s = new Suffix(r, null, null);
        }
        Unit unit = s.unit;
        r = s.end;
        if (unit == null) {
            // Spelled multipliers and units after a space or hyphen ("2.5 billion", "0.35M parameters").
            Word w = word(t, r, to);
            if (w != null && w.unit != null && w.multiplier != null) {
                value = value.multiply(w.multiplier);
            } else if (w != null && w.multiplier != null) {
                value = value.multiply(w.multiplier);
                mult = true;
                r = w.end;
                w = word(t, r, to);
            }
            if (w != null && w.unit != null) {
                unit = w.unit;
                r = w.end;
            }
        }
        if (currency) unit = Unit.DOLLAR;
        else if (otherCurrency) unit = Unit.OTHER_CURRENCY;
        if (unit == null) unit = Unit.NONE;
        // A suspended hyphen ("1.68- and 0.84-percentage-point") takes the unit of the number it pairs with.
        if (unit == Unit.NONE && r + 1 < to && t.charAt(r) == '-' && t.charAt(r + 1) == ' ') {
            int j = r + 2;
            if (t.startsWith("and ", j) || t.startsWith("or ", j) || t.startsWith("to ", j)) {
                j = t.indexOf(' ', j) + 1;
                if (j > 0 && j < to && isDigit(t.charAt(j))) {
                    int[] n2 = number(t, j, to);
                    if (n2[0] > 0) {
                        Suffix s2 = suffix(t, n2[0], to);
                        Word w2 = s2 != null && s2.unit == null ? word(t, s2.end, to) : null;
                        Unit u2 = s2 == null ? null : s2.unit != null ? s2.unit : w2 != null ? w2.unit : null;
                        if (u2 != null) {
                            unit = u2;
                            r = r + 1;
                        }
                    }
                }
            }
        }
        boolean range = false;
        int[] rg = range(t, from, to, start, r);
        if (rg != null) {
            int[] n2 = number(t, rg[0], to);
            Mention second = n2[0] > 0 ? mention(t, from, to, rg[0], n2[0], true) : null;
            if (second != null && (second.unit() == unit || unit == Unit.NONE || second.unit() == Unit.NONE)
                    && second.sign() != '+') {
                double v2 = second.value();
                if (v2 >= value.doubleValue()) {
                    value = BigDecimal.valueOf(v2);
                    mult = mult || second.hasMultiplier();
                    decimal = decimal || second.decimal();
                }
                if (unit == Unit.NONE) unit = second.unit();
                r = second.end();
                range = true;
            }
        }
        return new Mention(start, r, p, Math.abs(value.doubleValue()), unit, sign, mult, decimal, range);
    }

    /** Start of the second number when a range separator follows, else null; "from A to B" is a change. */
    private static int[] range(String t, int from, int to, int start, int r) {
        int j = r;
        if (j < to && t.charAt(j) == '-') {
            j++;
            if (j < to && t.charAt(j) == '-') j++;
        } else if (t.startsWith(" to ", j) || t.startsWith(" - ", j)) {
            String before = t.substring(Math.max(from, start - 14), start);
            if (t.startsWith(" to ", j) && before.endsWith("from ") && !before.contains("rang")) return null;
            j += t.startsWith(" to ", j) ? 4 : 3;
        } else if (t.startsWith(" ~", j) || t.startsWith("~", j)) {
            j = t.charAt(j) == ' ' ? j + 2 : j + 1;
        } else {
            return null;
        }
        while (j < to && (t.charAt(j) == '$' || t.charAt(j) == '~' || t.charAt(j) == ' ') && j - r < 6) j++;
        if (j < to && isDigit(t.charAt(j))) return new int[] {j};
        return null;
    }

    private record Suffix(int end, Unit unit, BigDecimal multiplier) {}

    private record Word(int end, Unit unit, BigDecimal multiplier) {}

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
    private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

    /** Reads what is glued to the digits at r; null when letters follow that make the number part of a name. */
    private static Suffix suffix(String t, int r, int to) {
        if (r >= to) return new Suffix(r, null, null);
        char c = t.charAt(r);
        if (c == '%') return new Suffix(r + 1, Unit.PERCENT, null);
        if (c == '×') return new Suffix(r + 1, Unit.TIMES, null);
        if (!Character.isLetter(c)) return new Suffix(r, null, null);
        int e = r;
        while (e < to && Character.isLetter(t.charAt(e)) && e - r < 12) e++;
        String w = t.substring(r, e);
        if (e < to && Character.isLetter(t.charAt(e))) return null;
        Unit u = switch (w) {
            case "x", "X", "times" -> Unit.TIMES;
            case "GB" -> Unit.GB;
            case "MB" -> Unit.MB;
            case "TB", "KB" -> Unit.GB; // scaled below
            case "fps", "FPS" -> Unit.FPS;
            case "mm", "cm", "px" -> Unit.MEASURE;
            case "J", "kJ", "mJ", "pJ", "nJ", "μJ", "Wh", "kWh", "MWh" -> Unit.ENERGY;
            case "s", "sec" -> Unit.SECONDS;
            case "h", "hrs", "min", "ms" -> Unit.HOURS;
            case "dB" -> Unit.DB;
            case "GFLOPs", "TFLOPs", "FLOPs", "GFLOPS", "TFLOPS", "PFLOPs" -> Unit.FLOPS;
            case "pp" -> Unit.POINTS;
            default -> null;
        };
        if (w.equals("TB")) return new Suffix(e, u, THOUSAND);
        if (w.equals("KB")) return new Suffix(e, Unit.MB, new BigDecimal("0.001"));
        if (u != null) return new Suffix(e, u, null);
        BigDecimal m = switch (w) {
            case "K", "k" -> THOUSAND;
            case "M" -> MILLION;
            case "B" -> BILLION;
            default -> null;
        };
        if (m != null) return new Suffix(e, null, m);
        return null;
    }

    /** Reads a unit or spelled multiplier after one space or hyphen at r; null when none. */
    private static Word word(String t, int r, int to) {
        if (r >= to) return null;
        char c = t.charAt(r);
        if (c == '%' || c == '×') return new Word(r + 1, c == '%' ? Unit.PERCENT : Unit.TIMES, null);
        if (c != ' ' && c != '-') return null;
        int s = r + 1;
        if (s < to && (t.charAt(s) == '%' || t.charAt(s) == '×') && c == ' ') {
            return new Word(s + 1, t.charAt(s) == '%' ? Unit.PERCENT : Unit.TIMES, null);
        }
        int e = s;
        while (e < to && (Character.isLetter(t.charAt(e)) || t.charAt(e) == '-') && e - s < 24) e++;
        while (e > s && t.charAt(e - 1) == '-') e--;
        String w = t.substring(s, e);
        int dash = w.indexOf('-');
        String head = dash < 0 ? w : w.substring(0, dash);
        // "68 Billion tokens": spelled multipliers in any case; units stay case-sensitive ("x" vs "X" is not).
        BigDecimal m = switch (head.toLowerCase(java.util.Locale.ROOT)) {
            case "thousand" -> THOUSAND;
            case "million" -> MILLION;
            case "billion" -> BILLION;
            case "trillion" -> TRILLION;
            default -> null;
        };
        if (m != null) return new Word(s + head.length(), null, m);
        Unit u = switch (head) {
            case "x", "X", "times", "fold" -> Unit.TIMES;
            case "percent" -> Unit.PERCENT;
            case "percentage" -> t.startsWith("percentage point", s) || t.startsWith("percentage-point", s)
                    ? Unit.POINTS : null;
            case "points", "point", "pts", "pp" -> Unit.POINTS;
            case "GB" -> Unit.GB;
            case "MB" -> Unit.MB;
            case "TB" -> Unit.GB; // scaled below
            case "mm", "cm", "px", "pixels", "pixel", "degrees" -> Unit.MEASURE;
            case "J", "kJ", "mJ", "pJ", "nJ", "μJ", "Wh", "kWh", "MWh", "joules" -> Unit.ENERGY;
            case "parameters", "parameter", "params", "param" -> Unit.PARAMS;
            case "tokens", "token" -> Unit.TOKENS;
            case "words", "word" -> c == ' ' ? Unit.WORDS : null;
            case "FPS", "fps" -> Unit.FPS;
            case "seconds", "second", "s", "sec", "secs" -> Unit.SECONDS;
            case "hours", "hour", "h", "hrs", "days", "day", "minutes", "minute", "min", "mins", "weeks", "ms",
                    "milliseconds" -> Unit.HOURS;
            case "GPU" -> t.startsWith("GPU hour", s) || t.startsWith("GPU-hour", s) || t.startsWith("GPU day", s)
                    || t.startsWith("GPU-day", s) ? Unit.HOURS : t.startsWith("GPUs", s) ? Unit.GPUS : null;
            case "GPUs" -> Unit.GPUS;
            case "dB" -> Unit.DB;
            case "GFLOPs", "TFLOPs", "FLOPs", "GFLOPS", "TFLOPS", "FLOPS", "MACs", "GMACs" -> Unit.FLOPS;
            case "steps", "iterations" -> c == ' ' ? Unit.STEPS : null;
            case "vocabulary" -> Unit.VOCABULARY;
            default -> null;
        };
        if (head.equals("TB")) return new Word(s + 2, Unit.GB, THOUSAND);
        if (head.equals("GPU") && u == Unit.HOURS) {
            int k = s + 4; // past "GPU" and its space or hyphen
            while (k < to && Character.isLetter(t.charAt(k))) k++;
            e = k;
        } else if (u == Unit.GPUS) {
            e = s + 4;
        } else if (u == Unit.POINTS && head.startsWith("percent")) {
            int k = s + "percentage".length() + 1;
            while (k < to && Character.isLetter(t.charAt(k))) k++;
            e = k;
        } else if (u != null) {
            e = s + head.length();
        }
        if (u != null) return new Word(Math.min(e, to), u, null);
        // "32 A100 GPUs", "10 calibration examples": one word may sit between the number and the unit.
        if (c == ' ') {
            int k = s;
            while (k < to && Character.isLetterOrDigit(t.charAt(k)) && k - s < 10) k++;
            String model = t.substring(s, k);
            if (k + 1 < to && t.charAt(k) == ' ' && t.startsWith("GPU", k + 1)
                    && model.chars().anyMatch(ch -> isDigit((char) ch))) {
                return new Word(t.startsWith("GPUs", k + 1) ? k + 5 : k + 4, Unit.GPUS, null);
            }
        }
        if (c == ' ' && (head.startsWith("example") || head.startsWith("sample") || head.startsWith("label")
                || head.startsWith("shot") || head.startsWith("annotat"))) {
            return new Word(s + head.length(), Unit.EXAMPLES, null);
        }
        if (c == ' ' && e + 1 < to && t.charAt(e) == ' ') {
            int s2 = e + 1;
            for (String ex : new String[] {"examples", "samples", "labels", "labeled", "labelled", "annotat"}) {
                if (t.startsWith(ex, s2)) return new Word(s2 + ex.length(), Unit.EXAMPLES, null);
            }
        }
        return null;
    }

    private static BigDecimal parse(String t, int p, int q) {
        StringBuilder b = new StringBuilder(q - p);
        for (int k = p; k < q; k++) if (t.charAt(k) != ',') b.append(t.charAt(k));
        return new BigDecimal(b.toString());
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
