package dev.paperboy.bench;

import dev.paperboy.bench.HubListsGenerator.Candidate;
import dev.paperboy.paper.HubEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The URL lists {@code scripts/bench-hub} sends through {@code src/test/resources/bench/hub.lua}: one file per route,
 * one path per line, shuffled, every one answering 200 on the store they were made from. Pages and their JSON twins:
 * {@code day} (every featured day, three sorts), {@code trending} (three windows × sorts × category filters),
 * {@code category} (the busiest categories and their archives, on every day of the year they have papers),
 * {@code paper} (every featured paper plus as many others).
 */
final class BenchUrls {
    static final List<String> SORTS = List.of("", "sort=votes", "sort=newest");
    static final List<String> TRENDING_FILTERS = List.of("", "cat=cs.LG", "cat=cs.CL", "cat=cs.CV", "cat=-cs.CV",
            "cat=cs.AI,-cs.LG");
    static final int CATEGORIES = 8;

    private BenchUrls() {}

    static void write(Path dir, List<Candidate> papers, Map<String, HubEntry> featured, Random rnd)
            throws IOException {
        Files.createDirectories(dir);
        Set<LocalDate> days = new TreeSet<>();
        for (HubEntry e : featured.values()) days.add(e.listDate());
        LocalDate first = days.isEmpty() ? LocalDate.MIN : ((TreeSet<LocalDate>) days).first().minusDays(10);

        List<String> day = new ArrayList<>(), apiDay = new ArrayList<>();
        for (LocalDate d : days) {
            for (String s : SORTS) {
                day.add("/papers/date/" + d + (s.isEmpty() ? "" : "?" + s));
                apiDay.add("/api/daily?date=" + d + (s.isEmpty() ? "" : "&" + s));
            }
        }

        List<String> trending = new ArrayList<>(), apiTrending = new ArrayList<>();
        for (String w : List.of("day", "week", "month")) {
            for (String s : SORTS) {
                for (String f : TRENDING_FILTERS) {
                    String q = "window=" + w + (s.isEmpty() ? "" : "&" + s) + (f.isEmpty() ? "" : "&" + f);
                    trending.add("/trending?" + q);
                    apiTrending.add("/api/trending?" + q);
                }
            }
            if (!w.equals("day")) {
                trending.add("/trending?window=" + w + "&page=2");
                apiTrending.add("/api/trending?window=" + w + "&page=2");
            }
        }

        // The busiest categories of the year, their archives, and the days each has papers.
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate c : papers) {
            if (c.published() == null || c.published().isBefore(first)) continue;
            for (String cat : c.categories()) counts.merge(cat, 1, Integer::sum);
        }
        List<String> busiest = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(CATEGORIES).map(Map.Entry::getKey).toList();
        Set<String> listed = new TreeSet<>(busiest);
        for (String c : busiest) if (c.contains(".")) listed.add(c.substring(0, c.indexOf('.')));
        Map<String, Set<LocalDate>> daysOf = new HashMap<>();
        for (Candidate c : papers) {
            if (c.published() == null || c.published().isBefore(first)) continue;
            for (String cat : c.categories()) {
                String archive = cat.contains(".") ? cat.substring(0, cat.indexOf('.')) : cat;
                for (String key : List.of(cat, archive)) {
                    if (listed.contains(key)) daysOf.computeIfAbsent(key, k -> new TreeSet<>()).add(c.published());
                }
            }
        }
        List<String> category = new ArrayList<>(), apiCategory = new ArrayList<>();
        for (String c : listed) {
            for (LocalDate d : daysOf.getOrDefault(c, Set.of())) {
                category.add("/list/" + c + "?day=" + d);
                apiCategory.add("/api/list/" + c + "?day=" + d);
            }
        }

        List<String> ids = new ArrayList<>(featured.keySet());
        List<String> others = new ArrayList<>();
        for (Candidate c : papers) if (!featured.containsKey(c.id())) others.add(c.id());
        Collections.shuffle(others, rnd);
        ids.addAll(others.subList(0, Math.min(others.size(), featured.size())));
        List<String> paper = new ArrayList<>(), apiPaper = new ArrayList<>();
        for (String id : ids) {
            paper.add("/papers/" + id);
            apiPaper.add("/api/papers/" + id);
        }

        save(dir, "pages-day.txt", day, rnd);
        save(dir, "pages-trending.txt", trending, rnd);
        save(dir, "pages-category.txt", category, rnd);
        save(dir, "pages-paper.txt", paper, rnd);
        save(dir, "api-day.txt", apiDay, rnd);
        save(dir, "api-trending.txt", apiTrending, rnd);
        save(dir, "api-category.txt", apiCategory, rnd);
        save(dir, "api-paper.txt", apiPaper, rnd);
    }

    private static void save(Path dir, String name, List<String> urls, Random rnd) throws IOException {
        List<String> shuffled = new ArrayList<>(urls);
        Collections.shuffle(shuffled, rnd);
        Files.write(dir.resolve(name), shuffled);
    }
}
