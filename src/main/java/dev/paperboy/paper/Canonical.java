package dev.paperboy.paper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one form in which papers are stored and compared (docs/store.md, "Upsert rules"); every store, real
 * or fake, keeps papers in this form so that they agree on what "unchanged" means.
 */
public final class Canonical {
    private Canonical() {}

    private static final Comparator<HubEntry> HUB_ORDER =
            Comparator.comparing(HubEntry::listDate).thenComparing(HubEntry::hub);

    /** The paper in canonical form; the same instance when it already is. */
    public static Paper of(Paper p) {
        // Versions sorted by number and hub entries by day and hub, one of each (the later wins), and no
        // U+0000 in any text: stored and merged records compare equal only in this form.
        if (p.id().indexOf('\0') >= 0) throw new IllegalArgumentException("store: paper id contains U+0000");
        p = withoutNul(p);
        List<PaperVersion> versions = p.versions();
        if (!strictlyIncreasing(versions)) {
            TreeMap<Integer, PaperVersion> byNumber = new TreeMap<>();
            for (PaperVersion v : versions) byNumber.put(v.version(), v);
            versions = List.copyOf(byNumber.values());
        }
        List<HubEntry> hub = p.hubEntries();
        for (HubEntry e : hub) {
            if (e.hub() == null || e.listDate() == null) {
                throw new IllegalArgumentException(
                        "store: hub entry of paper " + p.id() + " lacks a hub or a list date");
            }
        }
        if (!strictlyIncreasingHub(hub)) {
            Map<String, HubEntry> byKey = new LinkedHashMap<>();
            for (HubEntry e : hub) byKey.put(e.hub() + "\n" + e.listDate(), e);
            List<HubEntry> sorted = new ArrayList<>(byKey.values());
            sorted.sort(HUB_ORDER);
            hub = List.copyOf(sorted);
        }
        if (versions == p.versions() && hub == p.hubEntries()) return p;
        return p.toBuilder().versions(versions).hubEntries(hub).build();
    }

    /** The paper with U+0000 removed from its text. */
    private static Paper withoutNul(Paper p) {
        // PostgreSQL refuses U+0000 in text columns, so one such record would fail a whole import batch
        // there; both dialects drop it so that they store the same.
        // Plain loops: this runs for every record on the import path, and papers can have hundreds of authors.
        Links l = p.links();
        boolean found = hasNul(p.title()) || hasNul(p.abstractText()) || hasNul(p.doi()) || hasNul(p.journalRef())
                || hasNul(p.comments()) || hasNul(p.license()) || hasNul(p.source()) || hasNul(l.abs())
                || hasNul(l.pdf()) || hasNul(l.code()) || hasNul(l.project())
                || anyNul(p.categories()) || anyNul(p.keywords());
        for (int i = 0; !found && i < p.authors().size(); i++) {
            Author a = p.authors().get(i);
            found = hasNul(a.name()) || anyNul(a.affiliations());
        }
        for (int i = 0; !found && i < p.hubEntries().size(); i++) {
            HubEntry e = p.hubEntries().get(i);
            found = hasNul(e.hub()) || hasNul(e.submitter());
        }
        if (!found) return p;
        return p.toBuilder()
                .title(noNul(p.title()))
                .authors(p.authors().stream().map(a -> new Author(noNul(a.name()),
                        a.affiliations().stream().map(Canonical::noNul).toList())).toList())
                .abstractText(noNul(p.abstractText()))
                .categories(p.categories().stream().map(Canonical::noNul).toList())
                .doi(noNul(p.doi())).journalRef(noNul(p.journalRef())).comments(noNul(p.comments()))
                .license(noNul(p.license()))
                .links(new Links(noNul(l.abs()), noNul(l.pdf()), noNul(l.code()), noNul(l.project())))
                .source(noNul(p.source()))
                .keywords(p.keywords().stream().map(Canonical::noNul).toList())
                .hubEntries(p.hubEntries().stream().map(e -> new HubEntry(noNul(e.hub()), e.listDate(),
                        noNul(e.submitter()), e.upvotes(), e.comments(), e.githubStars())).toList())
                .build();
    }

    private static boolean anyNul(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (hasNul(values.get(i))) return true;
        }
        return false;
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    private static String noNul(String s) {
        return hasNul(s) ? s.replace("\0", "") : s;
    }

    private static boolean strictlyIncreasing(List<PaperVersion> versions) {
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i - 1).version() >= versions.get(i).version()) return false;
        }
        return true;
    }

    private static boolean strictlyIncreasingHub(List<HubEntry> hub) {
        for (int i = 1; i < hub.size(); i++) {
            if (HUB_ORDER.compare(hub.get(i - 1), hub.get(i)) >= 0) return false;
        }
        return true;
    }
}
