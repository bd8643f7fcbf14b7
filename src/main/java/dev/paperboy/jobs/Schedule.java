package dev.paperboy.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a job runs next, given when its last run ended and whether it failed. */
@FunctionalInterface
public interface Schedule {

    Instant next(Instant now, boolean failed);

    /** Every {@code period} after the end of the last run. */
    static Schedule every(Duration period) {
        return (now, failed) -> now.plus(period);
    }

    /** Once a day when the wall clock of {@code zone} shows {@code at}, across daylight-saving changes. */
    static Schedule daily(LocalTime at, ZoneId zone) {
        return (now, failed) -> nextDaily(now, at, zone);
    }

    /** This schedule, but a failed run is tried again after {@code retry} when that comes sooner. */
    default Schedule retryingAfter(Duration retry) {
        return (now, failed) -> {
            Instant normal = next(now, failed);
            Instant again = now.plus(retry);
            return failed && again.isBefore(normal) ? again : normal;
        };
    }

    /** The first moment after {@code now} when the wall clock of {@code zone} shows {@code at}. */
    static Instant nextDaily(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (!candidate.toInstant().isAfter(now)) candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        return candidate.toInstant();
    }
}
