package dev.paperboy.web;

/** The {@code next} of sign-in: only a path of this site, so a link cannot send someone elsewhere (open redirect). */
final class SafeNext {
    private SafeNext() {}

    static final int MAX = 2_000;

    /**
     * {@code next} when it is a same-site path ("/papers/x?y"), else "/": refuses absolute and scheme-relative URLs
     * ({@code //host}, {@code /\host}), backslashes, control characters and whitespace, and the sign-in pages.
     */
    static String of(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX) return "/";
        if (next.charAt(0) != '/' || next.startsWith("//")) return "/";
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) return "/";
        }
        if (next.equals("/signin") || next.startsWith("/signin/") || next.startsWith("/signin?")
                || next.startsWith("/signout")) {
            return "/";
        }
        return next;
    }
}
