package dev.paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** The secrets of accounts (sign-in tokens, browser nonces, session ids, access tokens) and the one way they are stored. */
public final class Secrets {
    private Secrets() {}

    /** Bytes of randomness in every secret: 256 bits. */
    public static final int BYTES = 32;

    /** A new secret: {@link #BYTES} random bytes, base64url without padding (43 characters, safe in URLs and cookies). */
    public static String generate(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the store keeps of a secret: the lower-case hex SHA-256 of its UTF-8 bytes. */
    public static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("account: SHA-256 is missing from this JVM", e);
        }
    }
}
