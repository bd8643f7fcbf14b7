package dev.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Papers, the source of truth everything else is derived from. */
public interface PaperStore {

    /**
     * Stores one paper atomically, merged with what is stored ({@link Paper#mergedWith}): a newer
     * version replaces an older one, an older one only fills gaps, an identical record changes nothing.
     */
    UpsertResult upsert(Paper paper);

    /** Stores a batch in one transaction; results are in input order. */
    List<UpsertResult> upsertAll(List<Paper> papers);

    Optional<Paper> find(String id);

    /**
     * What each newer version of the paper changed in its title, authors or abstract, oldest first, as recorded
     * when the store took that version ({@link PaperRevision#between}); empty when nothing was recorded.
     */
    default List<PaperRevision> revisions(String id) {
        return List.of();
    }

    /** The stored papers with these ids, keyed by id (unknown ids are absent); stores override it with one read. */
    default java.util.Map<String, Paper> findAll(java.util.Collection<String> ids) {
        java.util.Map<String, Paper> out = new java.util.HashMap<>();
        for (String id : ids) find(id).ifPresent(p -> out.put(p.id(), p));
        return out;
    }

    /** Newest first (by first-version date, then id); undated papers last. */
    List<Paper> newest(int limit, int offset);

    /**
     * The dated papers {@code query} matches, newest first (published, then id, both descending), starting
     * after {@code after}; {@code next} is set when more follow. The default scans every paper: it is the
     * reference for fakes, and real stores answer it from an index.
     */
    default Page<Paper> newest(PaperQuery query, Optional<PageKey> after, int limit) {
        List<Paper> matching = new ArrayList<>();
        forEach(p -> {
            if (query.matches(p) && after.map(k -> k.precedes(p.published(), p.id())).orElse(true)) matching.add(p);
        });
        matching.sort(Comparator.comparing(Paper::published).thenComparing(Paper::id).reversed());
        return Page.of(matching, limit, p -> new PageKey(p.published(), p.id()));
    }

    /**
     * The papers on {@code hub}'s daily lists from {@code from} to {@code to} (inclusive), one item per
     * (day, paper), newest day first, then id descending, starting after {@code after} (whose {@code at}
     * is the start of the day in UTC). The default scans every paper, as in {@link #newest(PaperQuery, Optional, int)}.
     */
    default Page<Featured> featured(String hub, LocalDate from, LocalDate to, Optional<PageKey> after, int limit) {
        List<Featured> matching = new ArrayList<>();
        forEach(p -> {
            for (HubEntry e : p.hubEntries()) {
                if (e.hub().equals(hub) && !e.listDate().isBefore(from) && !e.listDate().isAfter(to)
                        && after.map(k -> k.precedes(Featured.at(e.listDate()), p.id())).orElse(true)) {
                    matching.add(new Featured(e.listDate(), p));
                }
            }
        });
        matching.sort(Comparator.comparing(Featured::day).thenComparing(f -> f.paper().id()).reversed());
        return Page.of(matching, limit, f -> new PageKey(Featured.at(f.day()), f.paper().id()));
    }

    /**
     * Every hub entry (any hub: Hugging Face's list, submissions here) dated {@code from} to {@code to}, both
     * inclusive, newest day first, then paper id descending, then hub: what featured day, week and month lists
     * are built from. The default scans every paper.
     */
    default List<Listing> featuredEntries(LocalDate from, LocalDate to) {
        List<Listing> out = new ArrayList<>();
        forEach(p -> {
            for (HubEntry e : p.hubEntries()) {
                if (!e.listDate().isBefore(from) && !e.listDate().isAfter(to)) out.add(new Listing(p.id(), e));
            }
        });
        out.sort(Comparator.comparing((Listing l) -> l.entry().listDate()).thenComparing(Listing::paperId)
                .reversed().thenComparing(l -> l.entry().hub()));
        return out;
    }

    /**
     * The nearest day strictly before {@code day} ({@code later} false) or after it ({@code later} true) on which
     * some paper is featured by any hub; empty when there is none. The default scans every paper.
     */
    default Optional<LocalDate> featuredDayNear(LocalDate day, boolean later) {
        LocalDate[] best = {null};
        forEach(p -> {
            for (HubEntry e : p.hubEntries()) {
                LocalDate d = e.listDate();
                boolean side = later ? d.isAfter(day) : d.isBefore(day);
                if (side && (best[0] == null || (later ? d.isBefore(best[0]) : d.isAfter(best[0])))) best[0] = d;
            }
        });
        return Optional.ofNullable(best[0]);
    }

    /**
     * The nearest UTC day strictly before {@code day} ({@code later} false) or after it ({@code later} true) on
     * which a paper {@code query} matches was published (its date bounds are ignored); empty when none. The
     * default uses {@link #newest(PaperQuery, Optional, int)} backwards and scans forwards.
     */
    default Optional<LocalDate> publishedDayNear(PaperQuery query, LocalDate day, boolean later) {
        PaperQuery open = new PaperQuery(query.categories(), query.excluded(), Optional.empty(), Optional.empty());
        if (!later) {
            PaperQuery before = new PaperQuery(open.categories(), open.excluded(), Optional.empty(),
                    Optional.of(day.minusDays(1)));
            return newest(before, Optional.empty(), 1).items().stream().findFirst()
                    .map(p -> LocalDate.ofInstant(p.published(), ZoneOffset.UTC));
        }
        LocalDate[] best = {null};
        forEach(p -> {
            if (!open.matches(p)) return;
            LocalDate d = LocalDate.ofInstant(p.published(), ZoneOffset.UTC);
            if (d.isAfter(day) && (best[0] == null || d.isBefore(best[0]))) best[0] = d;
        });
        return Optional.ofNullable(best[0]);
    }

    long count();

    /** Every paper in id order, streamed without holding them all in memory. */
    void forEach(Consumer<Paper> action);

    /** Papers whose stored row changed after {@code sequence}, in change order; drives incremental indexing. */
    List<Change> changedSince(long sequence, int limit);

    /** The change sequence of the latest write (0 when empty). */
    long lastSequence();

    /** A paper and the change sequence of its latest write. */
    record Change(long sequence, Paper paper) {}

    /** One hub entry and the id of the paper it features. */
    record Listing(String paperId, HubEntry entry) {}

    /** A paper on a hub's list of {@code day}; its {@link HubEntry} for that day is among its hub entries. */
    record Featured(LocalDate day, Paper paper) {
        /** The instant a {@link PageKey} holds for a hub day: its start in UTC. */
        public static Instant at(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
