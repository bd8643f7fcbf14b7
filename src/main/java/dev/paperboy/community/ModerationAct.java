package dev.paperboy.community;

import java.time.Instant;
import java.util.Optional;

/**
 * One moderation act as recorded: who ({@code moderator}: their address then, or {@code operator} for the command
 * line; {@code moderatorId} while their account exists), what, on which target (a paper id, comment id or user
 * id), why and when.
 */
public record ModerationAct(long id, Optional<Long> moderatorId, String moderator, Action action, String target,
        String reason, Instant at) {

    /** The name recorded for acts done at the command line. */
    public static final String OPERATOR = "operator";

    public enum Action {
        HIDE_PAPER("hide-paper"),
        UNHIDE_PAPER("unhide-paper"),
        HIDE_COMMENT("hide-comment"),
        UNHIDE_COMMENT("unhide-comment"),
        BLOCK_USER("block-user"),
        UNBLOCK_USER("unblock-user");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        /** The text stored in the log. */
        public String code() {
            return code;
        }

        public static Action of(String code) {
            for (Action a : values()) if (a.code.equals(code)) return a;
            throw new IllegalArgumentException("moderation: unknown action " + code);
        }
    }
}
