package dev.paperboy.bench;

import dev.paperboy.db.Database;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.huggingface.HfDailyPapers;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A year of synthetic Hugging Face daily lists over an imported store, for the hub benchmark ({@code scripts/bench-hub}).
 * For each weekday of the 365 days ending at the newest paper's day it features ~30 papers (24–36) published one to
 * four days before (widened to ten when too few), preferring the machine-learning categories Hugging Face's lists
 * are made of and never featuring a paper twice; each entry copies the (submitter, upvotes, comments, GitHub stars)
 * of an item drawn from the recorded lists ({@code hf-daily-papers-*.json}), so the values follow their empirical
 * joint distribution. Deterministic for a seed and a store: a second run upserts the same entries (all unchanged).
 * Then it writes the benchmark's URL lists (see {@link BenchUrls}).
 *
 * <p>Usage: {@code HubListsGenerator DATA_DIR FIXTURES_DIR [URL_DIR] [SEED]} (the store is
 * {@code DATA_DIR/paperboy.db}, or {@code PAPERBOY_DB} when set).
 */
public final class HubListsGenerator {
    static final int DAYS = 365;
    static final int MIN_PER_DAY = 24, MAX_PER_DAY = 36;
    /** Hugging Face's lists are mostly these; other papers are drawn only when these run short. */
    static final Set<String> HF_LIKE = Set.of("cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "cs.IR",
            "cs.MA", "cs.SD", "eess.AS", "eess.IV", "cs.HC", "cs.SE", "cs.CR", "cs.NE", "cs.GR", "cs.MM");

    private HubListsGenerator() {}

    /** What the plan and the URL lists need of a stored paper: id, UTC day of its first version, categories. */
    record Candidate(String id, LocalDate published, List<String> categories) {
        boolean hfLike() {
            return categories.stream().anyMatch(HF_LIKE::contains);
        }
    }

    /** The entries to add: paper id → its generated Hugging Face entry (each paper at most once). */
    static Map<String, HubEntry> plan(List<Candidate> papers, List<HubEntry> recorded, long seed) {
        if (recorded.isEmpty()) throw new IllegalArgumentException("no recorded Hugging Face entries to draw from");
        Map<LocalDate, List<Candidate>> byDay = new java.util.TreeMap<>();
        LocalDate last = null;
        for (Candidate c : papers) {
            if (c.published() == null) continue;
            byDay.computeIfAbsent(c.published(), d -> new ArrayList<>()).add(c);
            if (last == null || c.published().isAfter(last)) last = c.published();
        }
        Map<String, HubEntry> out = new LinkedHashMap<>();
        if (last == null) return out;
        // Candidates in id order within a day, so the draw depends only on the store's content.
        byDay.values().forEach(l -> l.sort(java.util.Comparator.comparing(Candidate::id)));
        Set<String> used = new HashSet<>();
        for (LocalDate day = last.minusDays(DAYS - 1L); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            // One generator per day: a day's list does not change when another day's candidates do.
            SplittableRandom rnd = new SplittableRandom(seed ^ day.toEpochDay() * 0x9E3779B97F4A7C15L);
            int want = MIN_PER_DAY + rnd.nextInt(MAX_PER_DAY - MIN_PER_DAY + 1);
            List<Candidate> pool = pool(byDay, day, 4, used);
            if (pool.size() < want) pool = pool(byDay, day, 10, used);
            List<Candidate> preferred = pool.stream().filter(Candidate::hfLike).toList();
            List<Candidate> chosen = draw(preferred, want, rnd);
            if (chosen.size() < want) {
                List<Candidate> rest = pool.stream().filter(c -> !c.hfLike()).toList();
                chosen.addAll(draw(rest, want - chosen.size(), rnd));
            }
            for (Candidate c : chosen) {
                HubEntry r = recorded.get(rnd.nextInt(recorded.size()));
                out.put(c.id(), new HubEntry(HubEntry.HUGGING_FACE, day, r.submitter(), r.upvotes(), r.comments(),
                        r.githubStars()));
                used.add(c.id());
            }
        }
        return out;
    }

    /** Unused papers published 1..{@code back} days before {@code day}. */
    private static List<Candidate> pool(Map<LocalDate, List<Candidate>> byDay, LocalDate day, int back,
            Set<String> used) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 1; i <= back; i++) {
            for (Candidate c : byDay.getOrDefault(day.minusDays(i), List.of())) if (!used.contains(c.id())) out.add(c);
        }
        return out;
    }

    /** Up to {@code n} distinct items, uniformly (a partial Fisher–Yates shuffle of a copy). */
    private static List<Candidate> draw(List<Candidate> from, int n, SplittableRandom rnd) {
        List<Candidate> copy = new ArrayList<>(from);
        int k = Math.min(n, copy.size());
        for (int i = 0; i < k; i++) java.util.Collections.swap(copy, i, i + rnd.nextInt(copy.size() - i));
        return new ArrayList<>(copy.subList(0, k));
    }

    /** The Hugging Face entries of every {@code hf-daily-papers-*.json} in {@code fixtures}, in file order. */
    static List<HubEntry> recordedEntries(Path fixtures) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(fixtures)) {
            files = s.filter(p -> p.getFileName().toString().matches("hf-daily-papers-.*\\.json")).sorted().toList();
        }
        List<HubEntry> out = new ArrayList<>();
        HfDailyPapers format = new HfDailyPapers();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                format.read(in, new RecordSink() {
                    @Override
                    public void accept(Paper paper) {
                        paper.hubEntries().stream().filter(e -> e.hub().equals(HubEntry.HUGGING_FACE)).findFirst()
                                .ifPresent(out::add);
                    }

                    @Override
                    public void reject(String where, String reason) {}
                });
            } catch (dev.paperboy.ingest.FormatException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HubListsGenerator DATA_DIR FIXTURES_DIR [URL_DIR] [SEED]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path fixtures = Path.of(args[1]);
        Path urlDir = args.length > 2 ? Path.of(args[2]) : null;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 9L;
        List<HubEntry> recorded = recordedEntries(fixtures);
        long t0 = System.nanoTime();
        try (Database db = Database.open(Database.url(System.getenv("PAPERBOY_DB"), data))) {
            JdbiPaperStore store = new JdbiPaperStore(db);
            List<Candidate> papers = new ArrayList<>();
            store.forEach(p -> papers.add(new Candidate(p.id(),
                    p.published() == null ? null : LocalDate.ofInstant(p.published(), ZoneOffset.UTC),
                    p.categories())));
            Map<String, HubEntry> plan = plan(papers, recorded, seed);
            int changed = 0;
            List<String> ids = new ArrayList<>(plan.keySet());
            for (int i = 0; i < ids.size(); i += 500) {
                List<String> batch = ids.subList(i, Math.min(ids.size(), i + 500));
                Map<String, Paper> stored = store.findAll(batch);
                List<Paper> updated = new ArrayList<>(batch.size());
                for (String id : batch) {
                    // The stored record itself plus one entry: Paper.mergedWith unites hub entries and keeps the rest.
                    updated.add(stored.get(id).toBuilder().hubEntries(List.of(plan.get(id))).build());
                }
                for (var r : store.upsertAll(updated)) if (r != dev.paperboy.paper.UpsertResult.UNCHANGED) changed++;
            }
            if (urlDir != null) BenchUrls.write(urlDir, papers, plan, new Random(seed));
            long days = plan.values().stream().map(HubEntry::listDate).distinct().count();
            System.out.printf("hub lists: %d entries on %d days (%d stored papers, %d recorded HF items, seed %d),"
                    + " %d changed, %.1f s%s%n", plan.size(), days, papers.size(), recorded.size(), seed, changed,
                    (System.nanoTime() - t0) / 1e9, urlDir == null ? "" : "; URL lists in " + urlDir);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
