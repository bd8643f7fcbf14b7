package dev.paperboy.lens;

import java.util.List;
import java.util.Set;

/** The cue words of the lens rules, lower-case; matched as substrings of lower-cased clean text. */
final class Cues {
    private Cues() {}

    static final List<String> SPEED = List.of(
            "faster", "speedup", "speed-up", "speed up", "acceleration", "quicker", "higher throughput",
            "throughput", "inference speed", "training speed", "speedups");
    /** Speed verbs that may stand a few words before their factor ("speeds decoding up by 5.2times"). */
    static final List<String> SPEED_VERB = List.of("speeds ", "speed up", "speeding", "accelerat");
    static final List<String> SPEED_BEFORE = List.of(
            "speedup of", "speed-up of", "speedup", "speed-up", "accelerates", "accelerating", "accelerate",
            "speeds up", "speed up", "acceleration of");
    static final List<String> SPEED_BY = List.of("throughput by", "speed by", "speedup of", "speed-up of",
            "speeds up", "accelerates inference by", "accelerates training by");
    static final List<String> REDUCE = List.of(
            "fewer", "less ", "smaller", "reduc", "compress", "lower", "saving", "saves", "save ", "cut",
            "decreas", "shrink", "cheaper", "prun", "drops", "eliminat");
    /** Reduction words that directly follow a number ("2.8x less compute", "30% fewer tokens"). */
    static final List<String> REDUCE_AFTER = List.of(
            " less", " fewer", " smaller", " lower", " reduction", " reduced", " decrease", " saving", " cheaper",
            " compression", " shorter", " cut", " drop in", " memory reduction", " compute reduction",
            " parameter reduction", " token reduction", " model size reduction", " size reduction", "reduction");
    static final List<String> IMPROVE = List.of(
            "improv", "gain", "outperform", "higher", "better", "boost", "increas", "more accurate", "surpass",
            "exceed", "beats", "more ");
    static final List<String> BUDGET = List.of(
            "only", "just", "less than", "under", "below", "within", "fewer than", "as few as", "as little as",
            "budget", "no more than", "merely", "a mere");
    static final List<String> HARDWARE = List.of("h100", "a100", "v100", "h200", "a6000", "rtx", "4090", "3090",
            "tpu", "gpu ");
    static final List<String> RECORDED = List.of("video", "audio", "speech", "recording", "footage", "of data",
            " data", "of driving", "of gameplay", "of music", "clips", "long ");
    static final List<String> RUNNING = List.of(
            "train", "inference", "runtime", "run ", "runs", "latency", "gpu", "cpu", "comput", "wall-clock", "speed",
            "faster", "time", "finish", "process", "generat", "takes", "took", "respon", "hours", "minutes", "days",
            "seconds", "fine-tun", "decod", "render", "solv", "simulat", "search", "draft");
    static final List<String> GAIN_BEFORE = List.of("gain of", "gains of", "improvement of", "improvements of",
            "improves by", "improved by", "improving by", "outperforms", "outperforming", "increase of", "increase in", "boost of",
            "boosts", "surpasses", "surpassing");
    /** Model families written with a space before their version ("Qwen 2.5-7B", "Llama 3.1"). */
    static final List<String> MODEL_FAMILIES = List.of("qwen ", "llama ", "gpt ", "gemma ", "mistral ", "phi ",
            "claude ", "gemini ", "deepseek ", "yolo ", "yolov ", "sam ", "stable diffusion ", "wan ", "flux ",
            "internvl ", "llava ", "mixtral ", "olmo ", "falcon ", "bert ", "t5 ", "vit ", "resnet ");
    static final List<String> ENVELOPE = List.of("envelope", "budget", "limit");
    static final List<String> MORE_TIME = List.of("more wall-clock", "more time", "more training time", "longer");
    static final List<String> DROP = List.of("drop", "regression", "loss", "lower", "degrad", "decline", "worse",
            "collaps", "fall");
    static final List<String> METRIC = List.of(
            "accuracy", "precision", "recall", "f1", "f-score", "f-measure", "ods", "psnr", "score", "success rate", "pass@", "map", "miou",
            "iou", "auc", "mota", "idf1", "top-1", "top-5", "bleu", "rouge", "win rate", "sensitivity",
            "specificity", "correlation", "em ", "exact match", "error", "dice", "hit rate", "rate of");
    static final List<String> MODEL_WORDS = List.of(" model", " llm", " vlm", " variant", " backbone", " teacher",
            " student", " network");
    static final List<String> SCALE_TASK = List.of("upscal", "upsampl", "super-resolution", " sr", "zoom",
            "magnif", "resolution", "downsampl");
    static final List<String> TRAINING_DATA = List.of("train", "pretrain", "pre-train", "corpus", "data", "epoch");
    /** What "N% of ..." may be a share of for the number to be a claim. */
    static final List<String> SHARE_OF = List.of(
            "token", "data", "label", "annotat", "parameter", "memory", "comput", "flop", "cost", "time",
            "training", "sample", "example", "performance", "accuracy", "quality", "budget", "energy", "weights",
            "kv cache", "bandwidth", "communication", "gpu");
    private static final List<String> METRIC_BEFORE = List.of(
            "mrr", "hit", "fid", "fvd", "rfid", "rfvd", "gfid", "kid", "fd", "psnr", "ssim", "lpips", "bleu", "rouge", "f1", "auc", "score", "similarity",
            "correlation", "ratio", "map", "iou", "accuracy", "ndcg", "recall", "precision", "spearman", "pearson",
            "kappa", "error", "cider", "meteor", "perplexity", "ppl", "chamfer", "eer", "wer", "cer", "dice", "auroc",
            "auprc", "mae", "rmse", "mse", "chrf", "mos", "elo", "f-score", "f1-score", "r2", "miou", "ap");
    private static final List<String> PHYSICAL = List.of(
            "galax", "redshift", "kpc", "mpc", "gpc", "myr", "gyr", "stellar", "quasar", "black hole",
            "dark matter", "cosmic", "cosmolog", "supernova", "solar mass", "⊙", "telescope", "jwst", "alma ",
            "interferomet", "spectroscop", "luminosity", "accretion", "exoplanet", "pulsar", "neutron star",
            "magnetic field", "microgauss", "λcdm", "cmb", "halo", "arcmin", "arcsec", "magnitude limit", "nebular",
            "agn", "axion", "cosmic ray", "mhz", "kev", "mev", "gev", "tev", "neutrino", "gravitational wave",
            "photometr", "synchrotron", "baryon", "intergalactic", "interstellar", "solar ", "the sun", "flare",
            "magnetar", "white dwarf", "star formation", "planetary", "astrophys", "astronom", "σ");

    static final List<String> FACTOR_BEFORE = List.of("factor of ", "speedup of ", "speed-up of ",
            "speedups of ", "speed-ups of ", "compression ratio of ");

    /** True when {@code s} ends with one of {@code suffixes}. */
    static boolean startsAnyEnd(String s, List<String> suffixes) {
        for (String w : suffixes) if (s.endsWith(w)) return true;
        return false;
    }

    static boolean startsAny(String s, List<String> prefixes) {
        for (String w : prefixes) if (s.startsWith(w)) return true;
        return false;
    }

    static boolean any(String s, List<String> words) {
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    /** Like {@link #any} but a cue must not sit inside a longer word ("wer" is not in "power"). */
    static boolean anyWord(String s, List<String> words) {
        for (String w : words) {
            int i = s.indexOf(w);
            while (i >= 0) {
                int e = i + w.length();
                boolean leftOk = i == 0 || !Character.isLetter(s.charAt(i - 1));
                boolean rightOk = e >= s.length() || !Character.isLetter(s.charAt(e)) || !Character.isLetter(w.charAt(w.length() - 1));
                if (leftOk && rightOk) return true;
                i = s.indexOf(w, i + 1);
            }
        }
        return false;
    }

    /** True for abstracts about the physical world (astronomy), where numbers are measurements, not savings. */
    static boolean isPhysicalScience(String lower) {
        int hits = 0;
        for (String w : PHYSICAL) {
            if (lower.contains(w) && ++hits >= 3) return true;
        }
        return false;
    }

    /** Openings of sentences that describe prior work or the problem rather than this paper. */
    private static final List<String> BACKGROUND_START = List.of(
            "however", "but ", "yet ", "existing", "current ", "prior ", "previous", "traditional", "conventional",
            "recent", "while ", "although", "despite", "due to", "unfortunately", "typically", "most ");
    private static final List<String> BACKGROUND_ANYWHERE = List.of(
            "existing methods", "existing approaches", "prior work", "previous work", "prior methods",
            "suffer", "remains challenging", "hindered by", "struggle");
    private static final List<String> OWN_WORK = List.of("we ", "our ", "this paper", "this work", "this study");

    /**
     * True when a sentence speaks about the paper's own work or results; the abstract's first sentence and
     * sentences about prior work or the problem do not, unless they say "we"/"our".
     */
    static boolean isContribution(String sentence, boolean firstOfAbstract) {
        boolean own = any(sentence, OWN_WORK);
        if (firstOfAbstract) return own;
        for (String b : BACKGROUND_START) if (sentence.startsWith(b)) return own && !b.equals("however");
        if (any(sentence, BACKGROUND_ANYWHERE)) return own;
        return true;
    }

    /**
     * True when the text right before a bare decimal names a metric ("an MRR of", "rFID =", "similarity of") or is
     * one ("FID 16.60", "METEOR 0.2650").
     */
    static boolean isMetricBefore(String before) {
        String b = before.strip();
        int w = b.lastIndexOf(' ') + 1;
        String last = b.substring(w);
        if (last.startsWith("(")) last = last.substring(1);
        if (METRIC_BEFORE.contains(last) && !last.equals("ratio") && !last.equals("error")) return true;
        if (!(b.endsWith(" of") || b.endsWith("=") || b.endsWith(":") || b.endsWith("(") || b.endsWith(" is")
                || b.endsWith(" at"))) {
            return false;
        }
        return anyWord(b, METRIC_BEFORE);
    }

    private static final List<String> REDUCTION_OF = List.of(
            " reduction in", " reduction of", " less", " fewer", " lower", " smaller", " decrease in", " savings in",
            " compression of", " cut in");

    /** True when a bare decimal is followed by a metric name ("0.88 average SSIM", "0.93 F1"). */
    static boolean isMetricAfter(String after) {
        String a = after.strip();
        if (a.startsWith("average ")) a = a.substring(8);
        else if (a.startsWith("mean ")) a = a.substring(5);
        for (String w : METRIC_BEFORE) {
            if (a.startsWith(w) && (a.length() == w.length() || !Character.isLetter(a.charAt(w.length())))) return true;
        }
        return false;
    }

    private record Key(String word, String resource) {}

    /** Nouns that tie a number to a resource, checked nearest-first around the number. */
    private static final List<Key> RESOURCE_NOUNS = List.of(
            new Key("communicated data", "communication"), new Key("transmitted data", "communication"),
            new Key("memory", "memory"), new Key("vram", "memory"), new Key("kv cache", "memory"),
            new Key("storage", "memory"), new Key("footprint", "memory"),
            new Key("parameter", "parameters"), new Key("params", "parameters"), new Key("model size", "parameters"),
            new Key("token", "context"), new Key("context", "context"), new Key("prompt length", "context"), new Key("prompt token", "context"),
            new Key("communicat", "communication"), new Key("bandwidth", "communication"),
            new Key("transmi", "communication"),
            new Key("energy", "energy"), new Key("power consumption", "energy"), new Key("carbon", "energy"),
            new Key("annotat", "labels"), new Key("label", "labels"),
            new Key("training data", "data"), new Key("data", "data"), new Key("samples", "data"),
            new Key("$", "money"), new Key("dollar", "money"), new Key("usd", "money"),
            new Key("faster", "compute"), new Key("speed", "compute"), new Key("latency", "compute"),
            new Key("throughput", "compute"), new Key("flop", "compute"), new Key("compute", "compute"),
            new Key("computation", "compute"), new Key("gpu hour", "compute"), new Key("gpu-hour", "compute"),
            new Key("time", "compute"), new Key("runtime", "compute"), new Key("steps", "compute"),
            new Key("iterations", "compute"), new Key("convergence", "compute"), new Key("cost", "compute"),
            new Key("overhead", "compute"), new Key("macs", "compute"));

    /** The resource named nearest to a number: first word after it, or last word before it; null when none. */
    static String nearestResource(String before, String after) {
        // "a 3-fold reduction in peak VRAM": the object of the reduction follows it.
        for (String r : REDUCTION_OF) {
            if (after.startsWith(r)) {
                String a = nearestResource("", after.substring(r.length()));
                if (a != null) return a;
            }
        }
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (Key k : RESOURCE_NOUNS) {
            int a = after.indexOf(k.word);
            if (a >= 0 && a < bestDist && a <= 32) {
                bestDist = a;
                best = k.resource;
            }
            int b = before.lastIndexOf(k.word);
            if (b >= 0) {
                int d = before.length() - b - k.word.length();
                if (d < bestDist && d <= 36) {
                    bestDist = d;
                    best = k.resource;
                }
            }
        }
        return best;
    }

    private record Phrase(String text, String resource) {}

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
            p("search time", "compute"), p("memory footprint", "memory"), p("memory consumption", "memory"),
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
    /** Phrases that name a moment rather than a cost after "at": "at inference time", "at training time". */
    private static final Set<String> NOT_AFTER_AT = Set.of("inference time", "training time");
    /** What "accelerate" must be about to be compute: "accelerate scientific research" is not. */
    private static final List<String> COMPUTE_OBJECTS = List.of("inference", "training", "decod", "generation",
            "sampling", "convergence", "comput", "attention", "kernel", "prefill", "rendering", "solver");

    /** Adds the resources whose phrases occur in {@code sentence} ({@code title}: the paper's title). */
    static void resourcesIn(String sentence, boolean title, Set<String> out) {
        if (title && any(sentence, TITLE_LABEL_FREE)) out.add("labels");
        for (Phrase ph : RESOURCE_PHRASES) {
            if (out.contains(ph.resource) || !sentence.contains(ph.text)) continue;
            if (NOT_AFTER_AT.contains(ph.text) && onlyAfterAt(sentence, ph.text)) continue;
            if (ph.text.equals("accelerat") && !any(sentence, COMPUTE_OBJECTS)) continue;
            out.add(ph.resource);
        }
        if (sentence.contains("$") && !out.contains("money")) {
            int i = sentence.indexOf('$');
            if (i + 1 < sentence.length() && NumberScanner.isDigit(sentence.charAt(i + 1))) out.add("money");
        }
    }
}
