package dev.paperboy.lens;

/**
 * A number found in clean text with what is written right around it, before deciding whether it is a claim.
 * {@code start/end} are clean-text offsets of the whole expression (prefix, number, range, unit).
 */
record Mention(int start, int end, int numberStart, double value, Unit unit, char sign, boolean hasMultiplier,
               boolean decimal, boolean range) {

    /** What follows a number; {@code NONE} for a bare number. */
    enum Unit {
        TIMES, PERCENT, DOLLAR, OTHER_CURRENCY, GB, MB, PARAMS, TOKENS, WORDS, FPS, SECONDS, /** any other duration: ms, minutes, hours, days */ HOURS, POINTS, DB,
        FLOPS, STEPS, GPUS, EXAMPLES, VOCABULARY, /** lengths and angles: mm, cm, pixels, degrees */ MEASURE,
        /** joules and watt-hours */ ENERGY, NONE;

        /** The unit as the lens vocabulary names it. */
        String label() {
            return switch (this) {
                case TIMES -> "x";
                case PERCENT -> "%";
                case DOLLAR -> "$";
                case GB -> "GB";
                case MB -> "MB";
                case PARAMS -> "params";
                case TOKENS -> "tokens";
                case WORDS -> "words";
                case FPS -> "FPS";
                case SECONDS -> "s";
                case POINTS -> "points";
                default -> "other";
            };
        }
    }

    Mention withUnit(Unit u) {
        return new Mention(start, end, numberStart, value, u, sign, hasMultiplier, decimal, range);
    }
}
