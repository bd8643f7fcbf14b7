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
            "decreas", "shrink", "cheaper", "prun", "drops", "eliminat", "shorten");
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
            "auprc", "mae", "rmse", "mse", "chrf", "mos", "elo", "f-score", "f1-score", "r2", "miou", "ap", "distance");
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
        // The first character first: most words share it with none of the prefixes (a tenth of the lens's time).
        char first = s.isEmpty() ? 0 : s.charAt(0);
        for (String w : prefixes) {
            if (w.isEmpty() || w.charAt(0) == first && s.startsWith(w)) return true;
        }
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
                // a plural still names the metric ("Kendall correlations ...: 0.907")
                if (e < s.length() && s.charAt(e) == 's' && Character.isLetter(w.charAt(w.length() - 1))) e++;
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
            new Key("operating cost", "money"), new Key("operational cost", "money"),
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
            int a = nounAt(after, k.word, true);
            if (a >= 0 && a < bestDist && a <= 32) {
                bestDist = a;
                best = k.resource;
            }
            int b = nounAt(before, k.word, false);
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

    /**
     * First (or last) place of a resource noun. "31% to 37% for medical imaging datasets" names where a result holds,
     * not an amount of data: a "dataset" after the number and after "for"/"on" is skipped ("training on datasets
     * 100x larger" still counts).
     */
    private static int nounAt(String s, String word, boolean first) {
        if (!first) return s.lastIndexOf(word);
        int i = s.indexOf(word);
        while (i >= 0 && word.equals("data") && s.startsWith("set", i + 4) && benchmarkPlace(s, i)) {
            i = s.indexOf(word, i + 1);
        }
        return i;
    }

    private static boolean benchmarkPlace(String s, int i) {
        int f = Math.max(s.lastIndexOf(" for ", i), s.lastIndexOf(" on ", i));
        return f >= 0 && i - f <= 40;
    }
}
