package dev.paperboy.paper;

import java.util.List;

/**
 * What a newer arXiv version of a paper changed when the store took it: {@code version} brought it, replacing
 * {@code previousVersion} (versions in between were never seen). Each previous value is null when that field did
 * not change, else the value it replaced.
 */
public record PaperRevision(int version, int previousVersion, String previousTitle, List<Author> previousAuthors,
                            String previousAbstract) {

    public PaperRevision {
        previousAuthors = previousAuthors == null ? null : List.copyOf(previousAuthors);
    }

    public boolean titleChanged() {
        return previousTitle != null;
    }

    public boolean authorsChanged() {
        return previousAuthors != null;
    }

    public boolean abstractChanged() {
        return previousAbstract != null;
    }

    /**
     * The revision from {@code before} to {@code after}, when {@code after} is a newer known version that changed
     * the title, the authors or the abstract (whitespace aside); empty otherwise, and when the stored version was
     * unknown (0), since then there is nothing to compare with.
     */
    public static java.util.Optional<PaperRevision> between(Paper before, Paper after) {
        if (before == null || before.version() < 1 || after.version() <= before.version()) {
            return java.util.Optional.empty();
        }
        boolean title = !sameText(before.title(), after.title());
        boolean authors = !sameAuthors(before.authors(), after.authors());
        boolean abstractText = !sameText(before.abstractText(), after.abstractText());
        if (!title && !authors && !abstractText) return java.util.Optional.empty();
        return java.util.Optional.of(new PaperRevision(after.version(), before.version(),
                title ? before.title() : null, authors ? before.authors() : null,
                abstractText ? before.abstractText() : null));
    }

    private static boolean sameAuthors(List<Author> a, List<Author> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!sameText(a.get(i).name(), b.get(i).name())) return false;
        }
        return true;
    }

    // Sources re-wrap abstracts and titles; a change of line breaks is not a change of the paper.
    private static boolean sameText(String a, String b) {
        return squeeze(a).equals(squeeze(b));
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
