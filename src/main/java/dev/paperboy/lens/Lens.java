package dev.paperboy.lens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a paper saves ({@code resources}) and its headline numbers ({@code claims}), from one extractor version. */
public record Lens(int version, List<String> resources, List<Claim> claims) {

    /** The resource vocabulary, in display order. */
    public static final List<String> RESOURCES = List.of(
            "compute", "memory", "data", "labels", "parameters", "money", "energy", "communication", "context");

    public Lens {
        resources = List.copyOf(resources);
        claims = List.copyOf(claims);
    }

    /** True when the lens found nothing to show. */
    public boolean isEmpty() {
        return resources.isEmpty() && claims.isEmpty();
    }

    /** A one-line card summary such as "5.1× faster · memory"; empty when there is nothing to say. */
    public String chip() {
        Claim head = headline();
        List<String> parts = new ArrayList<>();
        if (head != null) parts.add(phrase(head));
        for (String r : resources) {
            if (head == null || !r.equals(head.resource())) parts.add(r);
        }
        return String.join(" · ", parts);
    }

    /** The claim a card should show first: a saving beats a budget, a budget beats a score; null when none. */
    public Claim headline() {
        Claim best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Claim c : claims) {
            int rank = switch (c.kind()) {
                case "speedup" -> 0;
                // "58% less" without saying of what would mislead on a card.
                case "reduction" -> c.resource() == null ? Integer.MAX_VALUE : 1;
                case "budget" -> 2;
                case "cost" -> 4;
                default -> Integer.MAX_VALUE;
            };
            if (rank < bestRank) {
                best = c;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Renders one claim as a short phrase: "5.1× faster", "40% less memory", "under $500". */
    public static String phrase(Claim c) {
        String n = number(c);
        String what = c.resource() == null ? "" : " " + c.resource();
        return switch (c.kind()) {
            case "speedup" -> n + " faster";
            case "reduction" -> n + " less" + (what.isEmpty() ? "" : what);
            case "budget" -> "under " + n + ("$".equals(c.unit()) ? "" : what);
            case "cost" -> n + ("$".equals(c.unit()) ? "" : what);
            default -> n;
        };
    }

    private static String number(Claim c) {
        double v = c.value();
        String plain;
        if ("$".equals(c.unit()) && v >= 1_000_000) plain = trim(v / 1_000_000) + "M";
        else if ("$".equals(c.unit()) && v >= 10_000) plain = trim(v / 1_000) + "K";
        else plain = trim(v);
        return switch (c.unit()) {
            case "x" -> plain + "×";
            case "%" -> plain + "%";
            case "$" -> "$" + plain;
            case "GB", "MB" -> plain + " " + c.unit();
            case "s" -> plain + " s";
            case "FPS" -> plain + " FPS";
            case "points" -> plain + " points";
            case "params", "tokens", "words" -> compact(v) + " " + c.unit();
            default -> c.text().strip();
        };
    }

    private static String compact(double v) {
        if (v >= 1e9) return trim(v / 1e9) + "B";
        if (v >= 1e6) return trim(v / 1e6) + "M";
        if (v >= 1e4) return trim(v / 1e3) + "K";
        return trim(v);
    }

    private static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
