package dev.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Paper ids. arXiv papers use their base id. Papers with none get {@code <kind>-<hash>}, where the hash
 * covers the source's own natural key, so re-importing the same record finds the same paper.
 */
public final class PaperIds {
    private PaperIds() {}

    /** True when the id is an arXiv base id rather than a derived one. */
    public static boolean isArxiv(String id) {
        return ArxivId.parse(id).map(a -> a.base().equals(id)).orElse(false);
    }

    /** A stable id for a record of a source without arXiv ids, e.g. {@code derived("beir", "4983")}. */
    public static String derived(String kind, String naturalKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + "\n" + naturalKey).getBytes(StandardCharsets.UTF_8));
            return kind + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** A title reduced to what survives re-typing: NFKC, lower case, letters and digits only. */
    public static String titleKey(String title) {
        String n = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
