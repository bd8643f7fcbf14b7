package dev.paperboy.lens;

import java.util.ArrayList;
import java.util.List;

/**
 * The evidence a paper gives for each resource, weighed by where it stands and how it is phrased, and the decision
 * taken from it. Cues found anywhere are collected (background sentences too); a resource is listed when its
 * weight reaches {@link #ENOUGH}.
 */
final class ResourceEvidence {
    /** Where a cue stands: the title, a sentence about this paper's work or result, or background/problem. */
    enum Role { TITLE, OWN, BACKGROUND }

    /** How a cue says it: the kinds of evidence, from what the rules in {@link ResourceCues} match. */
    enum Kind { CLAIM, SAVED, BUDGETED, PHRASE, TITLE_RULE, MONEY_SIGN, EFFICIENT }

    /** One cue: which resource, how it was said, where, and in which sentence (0 is the title). */
    record Item(String resource, Kind kind, Role role, int sentence) {}

    private final List<Item> items = new ArrayList<>();
    private int sentence;

    /** Moves on to the next sentence: cues of one sentence count once per resource. */
    void nextSentence() {
        sentence++;
    }

    void add(String resource, Kind kind, Role role) {
        items.add(new Item(resource, kind, role, sentence));
    }

    List<Item> items() {
        return items;
    }

    /** Weight a resource needs to be listed: one full piece of evidence, or two half ones. */
    static final int ENOUGH = 2;

    /**
     * How much one piece of evidence weighs, in halves: a claim that saves or budgets the resource, or a cue in the
     * title or in a sentence about this paper's work, is a full piece; the same cue in background or a problem statement, or "efficient" without saying in what, is
     * half a piece: it counts only together with more evidence for the same resource.
     */
    static int weight(Kind kind, Role role) {
        if (kind == Kind.CLAIM) return 2; // a number saved or budgeted is a result, whatever the sentence opens with
        if (kind == Kind.EFFICIENT) return role == Role.BACKGROUND ? 0 : 1;
        return role == Role.BACKGROUND ? 1 : 2;
    }

    /**
     * The resources whose evidence is enough, in vocabulary order. Each sentence gives a resource the weight of its
     * strongest cue for it, so one background sentence never suffices however many cues it holds. "Efficient" without
     * a resource is about the resource the paper saves elsewhere ("improving communication efficiency", "an
     * efficient VR annotation system"), so it counts towards compute only when no other resource has enough
     * evidence of its own.
     */
    List<String> decide() {
        int n = Lens.RESOURCES.size();
        int[] named = new int[n];
        int[] best = new int[n];
        int[] lastSentence = new int[n];
        java.util.Arrays.fill(lastSentence, -1);
        int vague = 0;
        int vagueSentence = -1;
        for (Item i : items) {
            int w = weight(i.kind(), i.role());
            if (i.kind() == Kind.EFFICIENT) {
                if (i.sentence() != vagueSentence) vague += w;
                vagueSentence = i.sentence();
                continue;
            }
            int r = Lens.RESOURCES.indexOf(i.resource());
            if (i.sentence() != lastSentence[r]) {
                named[r] += best[r];
                best[r] = 0;
                lastSentence[r] = i.sentence();
            }
            best[r] = Math.max(best[r], w);
        }
        for (int r = 0; r < n; r++) named[r] += best[r];
        boolean otherSaved = false;
        for (int r = 1; r < named.length; r++) otherSaved |= named[r] >= ENOUGH;
        if (!otherSaved) named[0] += vague; // RESOURCES starts with compute
        List<String> out = new ArrayList<>();
        for (int r = 0; r < named.length; r++) if (named[r] >= ENOUGH) out.add(Lens.RESOURCES.get(r));
        return out;
    }
}
