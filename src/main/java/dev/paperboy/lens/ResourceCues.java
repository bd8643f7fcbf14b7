package dev.paperboy.lens;

import static dev.paperboy.lens.Cues.any;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The resource cues of a sentence, by kind, for {@link ResourceEvidence} to weigh: general cue phrases (matched at word
 * starts), a saving verb before a resource noun ("we reduce memory", "lowers the computation cost") or a saving noun
 * after it ("latency reduction"), few labels / little data / a small hardware budget, title rules, and vague
 * efficiency words. Generic resource words ("latency", "labeled data") count only with a word that says which way
 * they go ("low latency"); a phrase framed as a growing cost, a cause or a comparison counts as background. Also
 * decides the role of a sentence: background and problem statements ("Existing methods require large memory") are
 * not about the paper's own work.
 */
final class ResourceCues {
    private ResourceCues() {}

    /** Openings of sentences that describe prior work or the problem rather than this paper. */
    private static final List<String> BACKGROUND_START = List.of(
            "however", "but ", "yet ", "existing", "current ", "prior ", "previous", "traditional", "conventional",
            "recent", "while ", "although", "despite", "due to", "unfortunately", "typically", "most ");
    private static final List<String> BACKGROUND_ANYWHERE = List.of(
            "existing methods", "existing approaches", "prior work", "previous work", "prior methods",
            "suffer", "remains challenging", "hindered by", "struggle");
    /** What a problem statement says about others' methods: "X models require large datasets and high cost". */
    private static final List<String> PROBLEM = List.of(
            " incur", " prohibitive", " rely on ", " relies on ", " limited by", " hinder", "bottleneck", "challenges");
    /** "require large datasets", "demand substantial memory": a need stated as a burden. */
    private static final List<String> NEED = List.of(" require", " demand");
    private static final List<String> BURDEN = List.of("large", "substantial", "extensive", "massive", "significant",
            "high", "heavy", "expensive", "costly", "enormous", "huge", "considerable", "pose");
    private static final List<String> OWN_WORK = List.of("we ", "our ", "this paper", "this work", "this study");
    /** Words that make a requirement a result ("requires only 12% of the compute"). */
    private static final List<String> FRUGAL = List.of("only", "just ", "merely", "fewer", "less ", "no ");

    /**
     * True when a sentence speaks about the paper's own work or results; the abstract's first sentence and
     * sentences about prior work or the problem do not, unless they say "we"/"our".
     */
    static boolean isContribution(String sentence, boolean firstOfAbstract) {
        boolean own = any(sentence, OWN_WORK);
        if (firstOfAbstract) return own;
        for (String b : BACKGROUND_START) if (sentence.startsWith(b)) return own && !b.equals("however");
        if (any(sentence, BACKGROUND_ANYWHERE)) return own;
        boolean problem = any(sentence, PROBLEM) || burden(sentence);
        if (problem && !any(sentence, FRUGAL) && !sentence.contains("proposed")) return own;
        return true;
    }

    private static boolean burden(String sentence) {
        for (String n : NEED) {
            for (int i = sentence.indexOf(n); i >= 0; i = sentence.indexOf(n, i + 1)) {
                String next = sentence.substring(i + n.length(), Math.min(sentence.length(), i + n.length() + 30));
                if (any(next, BURDEN)) return true;
            }
        }
        return false;
    }

    private record Phrase(String text, String resource) {}

    /** The phrase lists below, indexed for one pass per sentence (a holder: built after the lists exist). */
    private static final class Indexes {
        /** {@code RESOURCE_PHRASES} then {@code SAVED_NOUNS}: one pass over a sentence finds both. */
        static final WordStartPhrases BOTH = new WordStartPhrases(
                Stream.concat(RESOURCE_PHRASES.stream(), SAVED_NOUNS.stream()).map(Phrase::text).toList());
        /** Where {@code SAVED_NOUNS} start in {@link #BOTH}'s result. */
        static final int SAVED_FROM = RESOURCE_PHRASES.size();
    }

    /** Phrases that put a resource forward as something the work saves or works within. */
    private static final List<Phrase> RESOURCE_PHRASES = List.of(
            p("faster", "compute"), p("speedup", "compute"), p("speed-up", "compute"), p("speed up", "compute"),
            p("accelerat", "compute"), p("latency", "compute"), p("throughput", "compute"),
            p("computational cost", "compute"), p("computational burden", "compute"),
            p("computational requirement", "compute"), p("computational resource", "compute"),
            p("computational load", "compute"), p("computational saving", "compute"),
            p("computationally inexpensive", "compute"), p("computationally cheap", "compute"),
            p("computationally light", "compute"), p("computational overhead", "compute"),
            p("computational efficien", "compute"), p("computationally efficient", "compute"),
            p("computationally inefficient", "compute"), p("compute cost", "compute"),
            p("compute budget", "compute"), p("training cost", "compute"), p("training time", "compute"),
            p("inference time", "compute"), p("inference cost", "compute"), p("inference overhead", "compute"),
            p("training overhead", "compute"), p("training-free", "compute"), p("fine-tuning-free", "compute"),
            p("flops", "compute"), p("gpu hours", "compute"), p("gpu-hours", "compute"),
            p("low-complexity", "compute"), p("low complexity", "compute"), p("efficient inference", "compute"), p("inference-efficient", "compute"), p("wall-clock", "compute"), p("runtime efficien", "compute"), p("runtime overhead", "compute"),
            p("runtime cost", "compute"), p("time complexity", "compute"),
            p("computational demand", "compute"), p("drafting time", "compute"),
            p("search time", "compute"), p("speculative decoding", "compute"), p("speculative sampling", "compute"), p("memory footprint", "memory"), p("memory consumption", "memory"),
            p("memory cost", "memory"), p("gpu memory", "memory"), p("peak memory", "memory"),
            p("memory overhead", "memory"), p("memory-efficient", "memory"), p("memory efficien", "memory"),
            p("kv cache", "memory"), p("kv-cache", "memory"), p("vram", "memory"), p("memory requirement", "memory"),
            p("memory demand", "memory"), p("memory budget", "memory"), p("memory to store", "memory"),
            p("storage cost", "memory"), p("storage overhead", "memory"), p("peak gpu memory", "memory"), p("storage size", "memory"), p("storage requirement", "memory"),
            p("storage space", "memory"), p("efficient storage", "memory"), p("data compression", "memory"), p("efficient image storage", "memory"), p("reduce the complexity", "compute"),
            p("optimization complexity", "compute"), p("computational and memory", "memory"),
            p("memory and comput", "memory"),
            p("data-efficient", "data"), p("data efficien", "data"), p("sample efficien", "data"),
            p("sample-efficient", "data"), p("paired training data", "data"), p("less training data", "data"), p("limited training data", "data"),
            p("without training data", "data"), p("amount of training data", "data"), p("data-free", "data"),
            p("training data requirement", "data"), p("little training data", "data"), p("scarce training data", "data"),
            p("post-training data", "data"), p("math data", "data"), p("pretraining tokens", "data"),
            p("calibration examples", "data"), p("data scarcity", "data"), p("label-free", "labels"), p("labeled data", "labels"), p("labelled data", "labels"),
            p("labeled examples", "labels"), p("labelled examples", "labels"), p("annotation cost", "labels"),
            p("annotation effort", "labels"), p("manual annotation", "labels"), p("unlabeled", "labels"),
            p("unlabelled", "labels"), p("label efficien", "labels"), p("weakly supervised", "labels"),
            p("weakly-supervised", "labels"), p("limited supervision", "labels"), p("annotated corpora", "labels"),
            p("annotated preference data", "labels"), p("without labels", "labels"), p("few-shot", "labels"),
            p("annotation-free", "labels"),
            p("without annotation", "labels"), p("labelled samples", "labels"), p("labeled samples", "labels"),
            p("without supervision", "labels"), p("costly supervision", "labels"), p("to annotate", "labels"),
            p("label scarcity", "labels"),
            p("parameter-efficient", "parameters"), p("parameter efficien", "parameters"),
            p("parameter overhead", "parameters"),
            p("compact model", "parameters"), p("parameter budget", "parameters"),
            p("trainable parameters", "parameters"), p("fewer parameters", "parameters"),
            p("parameter count", "parameters"), p("model size", "parameters"), p("model compression", "parameters"),
            p("vocabulary size", "parameters"), p("embedding size", "parameters"), p("dollar", "money"), p("usd", "money"), p("api cost", "money"),
            p("monetary", "money"),
            p("energy consumption", "energy"), p("energy efficien", "energy"), p("energy-efficien", "energy"),
            p("energy cost", "energy"), p("low-energy", "energy"), p("energy usage", "energy"), p("energy demand", "energy"),
            p("energy to process", "energy"), p("energy saving", "energy"), p("carbon", "energy"),
            p("power consumption", "energy"), p("sustainab", "energy"),
            p("bandwidth", "communication"), p("communication cost", "communication"),
            p("communication overhead", "communication"), p("communication efficien", "communication"),
            p("communication-efficient", "communication"), p("communication round", "communication"),
            p("communication bottleneck", "communication"), p("communication load", "communication"),
            p("communication volume", "communication"), p("communication budget", "communication"),
            p("communication complexity", "communication"), p("communicated", "communication"), p("to transmit", "communication"),
            p("transmitted data", "communication"), p("transmission", "communication"),
            p("fewer tokens", "context"), p("less tokens", "context"), p("token compression", "context"),
            p("token pruning", "context"), p("visual tokens", "context"), p("context window", "context"),
            p("context length", "context"), p("prompt length", "context"), p("long-context", "context"),
            p("input tokens", "context"), p("token count", "context"), p("in-context examples", "context"),
            p("token-efficient", "context"), p("token usage", "context"), p("token cost", "context"),
            p("number of tokens", "context"), p("of the tokens", "context"));

    private static boolean onlyAfterAt(String sentence, String phrase) {
        for (int i = sentence.indexOf(phrase); i >= 0; i = sentence.indexOf(phrase, i + 1)) {
            if (!sentence.startsWith("at ", Math.max(0, i - 3)) || i < 3) return false;
        }
        return true;
    }

    private static Phrase p(String text, String resource) {
        return new Phrase(text, resource);
    }

    /** Learning without labels is a selling point when the title says so; in the abstract it is often a technique. */
    private static final List<String> TITLE_LABEL_FREE = List.of("unsupervised", "self-supervised", "label-free");
    /** Title words that make speed the point of the paper ("Fast ...", "Real-Time ...", "Zero-Cost Proxies"). */
    private static final List<String> TITLE_COMPUTE = List.of("fast ", "fast,", "real-time", "zero-cost");
    /** Title phrases that make little training data the setting ("... Trained on Small Datasets"). */
    private static final List<String> TITLE_DATA = List.of("small data", "small datasets", "limited data",
            "scarce data");
    /** Phrases that name a moment rather than a cost after "at": "at inference time", "at training time". */
    private static final Set<String> NOT_AFTER_AT = Set.of("inference time", "training time");
    /** What "accelerate" must be about to be compute: "accelerate scientific research" is not. */
    private static final List<String> COMPUTE_OBJECTS = List.of("inference", "training", "decod", "generation",
            "sampling", "convergence", "comput", "attention", "kernel", "prefill", "rendering", "solver", "gpu");
    /**
     * Resource words too generic to count alone: a benchmark that "reports latency" or a study that uses "a labeled
     * data set" saves nothing; "low latency", "higher throughput" or "limited labeled data" do.
     */
    private static final Set<String> NEED_DIRECTION = Set.of("latency", "throughput", "labeled data", "labelled data",
            "labeled examples", "labelled examples", "labeled samples", "labelled samples");
    /** Word openings that give a generic resource word its direction. */
    private static final List<String> DIRECTION = List.of(
            "low", "reduc", "less", "fewer", "small", "minim", "sav", "cut", "fast", "speed", "accelerat",
            "efficien", "real-time", "cheap", "only", "just ", "under ", "within", "budget", "limited",
            "scarce", "scarcity", "without", "free ", "lightweight", "overhead", "constrain", "few", "high", "improv",
            "increas", "boost", "ms ", "millisecond", "no ", "lack", "expensive", "costly");
    /** Verbs and adjectives that, a few words before a resource noun, say the work saves it. */
    private static final List<String> SAVE_WORDS = List.of(
            "reduc", "lower", "cut", "cuts", "cutting", "sav", "minimi", "decreas", "lessen", "alleviat", "eliminat",
            "shrink", "less", "fewer", "mitigat", "avoid", "bypass", "obviat");
    /** Resource nouns a saving word may govern ("reduces the computation cost", "fewer trainable parameters"). */
    private static final List<Phrase> SAVED_NOUNS = List.of(
            p("memory", "memory"), p("vram", "memory"), p("kv cache", "memory"), p("kv-cache", "memory"),
            p("storage", "memory"), p("computation", "compute"), p("computational", "compute"),
            p("compute", "compute"), p("flops", "compute"), p("latency", "compute"), p("runtime", "compute"),
            p("inference time", "compute"), p("training time", "compute"), p("processing time", "compute"),
            p("computing time", "compute"), p("inference cost", "compute"), p("training cost", "compute"),
            p("wall-clock", "compute"), p("parameters", "parameters"), p("model size", "parameters"),
            p("parameter count", "parameters"), p("tokens", "context"), p("token usage", "context"),
            p("token consumption", "context"), p("context length", "context"), p("prompt length", "context"),
            p("annotation", "labels"), p("labeling", "labels"), p("labelling", "labels"),
            p("labeled data", "labels"), p("labelled data", "labels"), p("energy", "energy"),
            p("power consumption", "energy"), p("carbon", "energy"), p("communication", "communication"),
            p("bandwidth", "communication"), p("transmission", "communication"), p("training data", "data"),
            p("data requirement", "data"), p("data collection", "data"), p("operating cost", "money"),
            p("operational cost", "money"), p("monetary cost", "money"), p("financial cost", "money"));
    /** Words that, just before a label or data noun, make it a budget ("only annotated images", "one label"). */
    private static final Set<String> FEW = Set.of("only", "single", "one", "few", "handful", "limited", "sparse",
            "minimal", "scarce", "little", "without", "no", "zero", "fewer", "less", "weak");
    private static final List<String> LABEL_NOUNS = List.of("annotat", "label", "labels", "labeled", "labelled",
            "labeling", "labelling");
    private static final Set<String> NOT_A_LABEL_BUDGET = Set.of("noise", "noisy", "smoothing", "space", "set");
    private static final Set<String> DATA_NOUNS = Set.of("data", "training data", "dataset", "datasets",
            "samples", "training samples", "training examples");
    /** The first words of the two-word {@link #DATA_NOUNS}: only after one of them is the next word looked at. */
    private static final Set<String> DATA_NOUN_FIRST_WORDS = DATA_NOUNS.stream().filter(n -> n.contains(" "))
            .map(n -> n.substring(0, n.indexOf(' '))).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> FEW_DATA = Set.of("few", "limited", "small", "scarce", "little", "less",
            "fewer", "minimal", "handful");

    /** Adds what {@code sentence} says about resources to {@code ev}, by kind of cue ({@code title}: the title). */
    static void resourcesIn(String sentence, boolean title, ResourceEvidence.Role role, ResourceEvidence ev) {
        Set<String> found = new LinkedHashSet<>();
        if (title) {
            if (any(sentence, TITLE_LABEL_FREE)) found.add("labels");
            if (anyWord(sentence, TITLE_COMPUTE) && !sentence.contains("slow-fast")) found.add("compute");
            if (any(sentence, TITLE_DATA)) found.add("data");
            addAll(found, ResourceEvidence.Kind.TITLE_RULE, role, ev);
        }
        Set<String> framed = new LinkedHashSet<>();
        boolean[] present = Indexes.BOTH.present(sentence);
        for (int k = 0; k < Indexes.SAVED_FROM; k++) {
            if (!present[k]) continue;
            Phrase ph = RESOURCE_PHRASES.get(k);
            if (found.contains(ph.resource)) continue;
            if (NOT_AFTER_AT.contains(ph.text) && onlyAfterAt(sentence, ph.text)) continue;
            if (ph.text.equals("accelerat") && !any(sentence, COMPUTE_OBJECTS)) continue;
            if (NEED_DIRECTION.contains(ph.text) && !directed(sentence, ph.text)) continue;
            if (onlyInNeutralFrame(sentence, ph.text)) framed.add(ph.resource);
            else found.add(ph.resource);
        }
        framed.removeAll(found);
        addAll(found, ResourceEvidence.Kind.PHRASE, role, ev);
        // "can increase computational burden", "rather than computational resources": the resource is named, not saved
        addAll(framed, ResourceEvidence.Kind.PHRASE, role == ResourceEvidence.Role.TITLE ? role
                : ResourceEvidence.Role.BACKGROUND, ev);
        int i = sentence.indexOf('$');
        if (i >= 0 && i + 1 < sentence.length() && NumberScanner.isDigit(sentence.charAt(i + 1))) {
            ev.add("money", ResourceEvidence.Kind.MONEY_SIGN, role);
        }
        String[] words = words(sentence);
        savedNouns(words, found);
        savedAfterNouns(sentence, present, found);
        addAll(found, ResourceEvidence.Kind.SAVED, role, ev);
        budgetedNouns(words, found);
        addAll(found, ResourceEvidence.Kind.BUDGETED, role, ev);
        if (saysEfficient(sentence)) ev.add("compute", ResourceEvidence.Kind.EFFICIENT, role);
    }


    /** Words that say the work is cheap without saying in what: "an efficient approach", "lightweight", "real-time". */
    private static final List<String> VAGUE_EFFICIENCY = List.of("efficien", "lightweight", "light-weight",
            "real-time", "on-device");

    /** True when the sentence calls the work efficient without naming a resource ("memory-efficient" names one). */
    static boolean saysEfficient(String sentence) {
        for (String w : VAGUE_EFFICIENCY) {
            for (int i = sentence.indexOf(w); i >= 0; i = sentence.indexOf(w, i + 1)) {
                if (i == 0 || sentence.charAt(i - 1) == ' ' || sentence.charAt(i - 1) == '(') return true;
            }
        }
        return false;
    }

    /**
     * Words that, in the few words before a resource phrase, say the resource is named without being saved: a cost
     * that grows ("increase computational burden"), a cause ("due to communication overhead"), a comparison or a
     * contrast ("similar computational efficiency", "rather than computational resources"), a scaling ("scaling model
     * size").
     */
    private static final Set<String> NEUTRAL_FRAME = Set.of("increase", "increases", "increased", "increasing",
            "due", "rather", "similar", "comparable", "compared", "compare", "comparing", "scaling", "scale", "grows",
            "growing");

    /** True when every occurrence of {@code phrase} has a {@link #NEUTRAL_FRAME} word up to four words before it. */
    static boolean onlyInNeutralFrame(String s, String phrase) {
        for (int i = s.indexOf(phrase); i >= 0; i = s.indexOf(phrase, i + 1)) {
            if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) continue;
            boolean neutral = false;
            int end = i;
            for (int k = 0; k < 4 && end > 0 && !neutral; k++) {
                int start = s.lastIndexOf(' ', end - 2) + 1;
                String word = s.substring(start, end).strip();
                if (endsClause(word)) break;
                neutral = NEUTRAL_FRAME.contains(strip(word));
                end = start;
            }
            if (!neutral) return false;
        }
        return true;
    }

    /** True when {@code phrase} starts a word of {@code s}: "usd" is not in "focusdiff", "carbon" is in "low-carbon". */
    static boolean containsAtWordStart(String s, String phrase) {
        for (int i = s.indexOf(phrase); i >= 0; i = s.indexOf(phrase, i + 1)) {
            if (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) return true;
        }
        return false;
    }

    private static void addAll(Set<String> found, ResourceEvidence.Kind kind, ResourceEvidence.Role role,
                               ResourceEvidence ev) {
        for (String r : found) ev.add(r, kind, role);
        found.clear();
    }

    /** "we reduce memory", "lowering the computation cost", "fewer trainable parameters": up to 4 words apart. */
    private static void savedNouns(String[] w, Set<String> out) {
        for (int i = 0; i < w.length; i++) {
            if (!Cues.startsAny(w[i], SAVE_WORDS) || w[i].startsWith("lowercase")) continue;
            StringBuilder next = new StringBuilder(" ");
            for (int j = i + 1; j < Math.min(w.length, i + 6); j++) {
                next.append(w[j]).append(' ');
                if (endsClause(w[j])) break;
            }
            String n = next.toString().replace(",", "").replace(";", "").replace(":", "").replace(".", "");
            for (Phrase ph : SAVED_NOUNS) {
                if (isHead(n, " " + ph.text)) out.add(ph.resource);
            }
        }
    }

    /** Nouns and suffixes that, right after a resource noun, say it is saved: "memory reduction", "token-free". */
    private static final List<String> SAVED_AFTER = List.of("reduction", "saving", "compression", "decrease",
            "cut");
    private static final List<String> SAVED_SUFFIX = List.of("-efficien", "-free", "-saving", "-light", "-frugal",
            "-lean", "-cheap");

    /** "15% memory reduction", "KV cache compression", "annotation-free", "compute-efficient". */
    private static void savedAfterNouns(String sentence, boolean[] present, Set<String> out) {
        for (int k = 0; k < SAVED_NOUNS.size(); k++) {
            Phrase ph = SAVED_NOUNS.get(k);
            if (!present[Indexes.SAVED_FROM + k] || out.contains(ph.resource)) continue;
            for (int i = sentence.indexOf(ph.text); i >= 0; i = sentence.indexOf(ph.text, i + 1)) {
                if (i > 0 && Character.isLetterOrDigit(sentence.charAt(i - 1))) continue;
                int e = i + ph.text.length();
                if (e < sentence.length() && sentence.charAt(e) == 's') e++;
                String rest = sentence.substring(e, Math.min(sentence.length(), e + 16));
                if (Cues.startsAny(rest, SAVED_SUFFIX)
                        || rest.startsWith(" ") && Cues.startsAny(rest.substring(1), SAVED_AFTER)) {
                    out.add(ph.resource);
                    break;
                }
            }
        }
    }

    /** Nouns that, after a resource word, make it a modifier: "annotation bias", "energy-guided", "label noise". */
    private static final List<String> BURDEN_SUFFIX = List.of("-intensive", "-efficient", "-hungry", "-heavy",
            "-bound", "-consuming", "-demanding");
    private static final Set<String> NOT_HEAD = Set.of("bias", "noise", "error", "errors", "variability", "quality",
            "inconsistency", "inconsistencies", "accuracy", "access");

    /** True when {@code noun} stands in {@code words} as the thing saved, not as a modifier of something else. */
    private static boolean isHead(String words, String noun) {
        for (int i = words.indexOf(noun); i >= 0; i = words.indexOf(noun, i + 1)) {
            int e = i + noun.length();
            if (e < words.length() && words.charAt(e) == 's') e++;
            if (e < words.length() && words.charAt(e) != ' ' && !Cues.startsAny(words.substring(e), BURDEN_SUFFIX)) {
                continue; // "energy-guided sampling" is not energy; "memory-intensive" is memory
            }
            int next = words.indexOf(' ', e + 1);
            if (next < 0 || !NOT_HEAD.contains(words.substring(e + 1, next))) return true;
        }
        return false;
    }

    /** Nouns for what a computation runs on or costs, and the resource they stand for. */
    private static final Map<String, String> HARDWARE_NOUNS = Map.of(
            "hardware", "compute", "gpu", "compute", "cpu", "compute", "complexity", "compute",
            "computation", "compute", "compute", "compute", "memory", "memory", "vram", "memory");
    /** Words that, just before such a noun, make it a small budget: "a single consumer-grade GPU", "minimal hardware". */
    private static final Set<String> FRUGAL_HARDWARE = Set.of("single", "one", "minimal", "modest", "limited", "low",
            "lower", "linear", "reduced", "negligible", "commodity", "consumer", "consumer-grade", "little", "less");

    /** "using only annotated images", "Show Me One Label", "with limited training data", "on a single GPU". */
    private static void budgetedNouns(String[] w, Set<String> out) {
        for (int i = 1; i < w.length; i++) {
            String word = strip(w[i]);
            String last = word.substring(word.lastIndexOf('-') + 1); // "user-annotated"
            boolean label = Cues.startsAny(last, LABEL_NOUNS) && !word.contains("pseudo")
                    && (i + 1 >= w.length || !NOT_A_LABEL_BUDGET.contains(strip(w[i + 1])));
            boolean data = DATA_NOUNS.contains(word) || i + 1 < w.length && DATA_NOUN_FIRST_WORDS.contains(word)
                    && DATA_NOUNS.contains(word + " " + strip(w[i + 1]));
            // "limited annotated data" is about labels, not about the amount of data
            if (data && Cues.startsAny(strip(w[i - 1]), LABEL_NOUNS)) data = false;
            String hardware = HARDWARE_NOUNS.get(word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
            for (int k = i - 1; k >= Math.max(0, i - 2) && (label || data || hardware != null); k--) {
                if (endsClause(w[k])) break; // "a small, custom dataset", "limited: vocalization data"
                String before = strip(w[k]);
                if (label && FEW.contains(before)) out.add("labels");
                if (data && FEW_DATA.contains(before)) out.add("data");
                if (hardware != null && FRUGAL_HARDWARE.contains(before)) out.add(hardware);
            }
        }
    }

    /** True when a word of {@code around} the generic phrase says which way the resource goes. */
    private static boolean directed(String sentence, String phrase) {
        for (int i = sentence.indexOf(phrase); i >= 0; i = sentence.indexOf(phrase, i + 1)) {
            String around = sentence.substring(Math.max(0, i - 40), Math.min(sentence.length(), i + phrase.length() + 24));
            if (anyWord(around, DIRECTION)) return true;
        }
        return false;
    }

    /** True when one of {@code words} starts a word of {@code s} (a cue ending in a space is a whole word). */
    private static boolean anyWord(String s, List<String> words) {
        String padded = s + " ";
        for (String w : words) {
            for (int i = padded.indexOf(w); i >= 0; i = padded.indexOf(w, i + 1)) {
                if (i == 0 || !Character.isLetterOrDigit(padded.charAt(i - 1))) return true;
            }
        }
        return false;
    }

    /** The sentence split at runs of whitespace, as {@code strip().split("\\s+")} does, without a regex. */
    static String[] words(String sentence) {
        String s = sentence.strip();
        List<String> out = new ArrayList<>();
        int n = s.length(), start = 0;
        for (int i = 0; i < n; i++) {
            if (!isSpace(s.charAt(i))) continue;
            if (i > start) out.add(s.substring(start, i)); // strip() left no space at either end
            while (i + 1 < n && isSpace(s.charAt(i + 1))) i++;
            start = i + 1;
        }
        if (start < n || out.isEmpty()) out.add(s.substring(start));
        return out.toArray(String[]::new);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean endsClause(String word) {
        return word.endsWith(",") || word.endsWith(";") || word.endsWith(":") || word.endsWith(".");
    }

    private static String strip(String word) {
        int a = 0, b = word.length();
        while (a < b && !Character.isLetterOrDigit(word.charAt(a))) a++;
        while (b > a && !Character.isLetterOrDigit(word.charAt(b - 1))) b--;
        return word.substring(a, b);
    }
}
