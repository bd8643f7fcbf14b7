package dev.paperboy.bench;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Papers of realistic size made up from an index: ~1.2 KB abstract, 6 authors, 2 categories, 1–3 versions.
 * The same index always gives the same paper, so a second run re-imports identical records.
 */
public final class SyntheticPapers {
    private SyntheticPapers() {}

    private static final String[] WORDS = ("we propose a novel method for learning sparse representations of"
            + " graph structured data under distribution shift and show that it improves robustness across"
            + " benchmarks while reducing compute our analysis reveals transformer attention heads specialise"
            + " in syntactic roles experiments on language vision and reinforcement learning tasks confirm the"
            + " theoretical bounds derived for convex and non convex objectives with stochastic gradients")
            .split(" ");
    private static final String[] CATEGORIES = {"cs.LG", "cs.CL", "cs.CV", "stat.ML", "cs.AI", "math.OC", "cs.IR"};
    private static final String[] NAMES = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Yann"};
    private static final String[] SURNAMES = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen"};
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** The id of paper number {@code i} (arXiv style; 90,000 per month). */
    public static String id(int i) {
        return String.format("%04d.%05d", 2501 + i / 90_000, i % 90_000 + 1);
    }

    /** Paper number {@code i}; with {@code hub} it also carries one Hugging Face daily-list entry. */
    public static Paper paper(int i, boolean hub) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        String id = id(i);
        int versions = 1 + r.nextInt(3);
        Instant published = START.plusSeconds(i * 60L);
        List<PaperVersion> history = new ArrayList<>();
        for (int v = 1; v <= versions; v++) history.add(new PaperVersion(v, published.plusSeconds((v - 1) * 86_400L)));
        List<Author> authors = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            authors.add(new Author(NAMES[r.nextInt(NAMES.length)] + " " + SURNAMES[r.nextInt(SURNAMES.length)],
                    a % 2 == 0 ? List.of("University " + r.nextInt(500)) : List.of()));
        }
        String first = CATEGORIES[r.nextInt(CATEGORIES.length)];
        String second = CATEGORIES[r.nextInt(CATEGORIES.length)];
        return Paper.builder(id)
                .version(versions)
                .title(words(r, 12))
                .authors(authors)
                .abstractText(words(r, 190))
                .categories(List.of(first, second))
                .published(published)
                .updated(history.getLast().submitted())
                .doi(r.nextInt(4) == 0 ? "10.48550/arXiv." + id : null)
                .comments(r.nextInt(30) + " pages")
                .source("synthetic")
                .versions(history)
                .hubEntries(hub ? List.of(new HubEntry(HubEntry.HUGGING_FACE, LocalDate.of(2025, 1, 1).plusDays(i % 365), "bench", r.nextInt(300), r.nextInt(20), null)) : List.of())
                .build();
    }

    /** Papers {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<Paper> range(int from, int to, boolean hub) {
        List<Paper> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) out.add(paper(i, hub));
        return out;
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
