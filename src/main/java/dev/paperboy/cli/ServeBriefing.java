package dev.paperboy.cli;

import dev.paperboy.ingest.harvest.HarvestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code serve} tells a newcomer at start, one line per fact: who can reach it, what it will harvest
 * and when, under which contact, and how much embedding is ahead.
 */
record ServeBriefing(String host, int port, boolean embed, HarvestConfig harvest, long backlog, int cores) {

    /** Embedding throughput of the whole pipeline, ~11 papers/s on 2 cores (docs/benchmarks.md), per core. */
    static final double PAPERS_PER_SECOND_PER_CORE = 5.5;

    List<String> lines() {
        List<String> out = new ArrayList<>();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            out.add("listening on " + host + " port " + port + ", every network interface: other machines can "
                    + "reach it (--host 127.0.0.1 keeps it to this one)");
        } else {
            out.add("listening on " + host + " port " + port);
        }
        if (harvest.enabled()) {
            out.add("harvesting arXiv (OAI-PMH sets " + String.join(", ", harvest.oaiSets()) + ") daily at "
                    + harvest.oaiAt() + " " + harvest.oaiZone() + " and Hugging Face daily papers every "
                    + minutes(harvest.hfEvery()) + "; sources never harvested or overdue start in "
                    + seconds(harvest.startDelay()) + " (--harvest-enabled false turns it off)");
            if (harvest.contact().isBlank()) {
                out.add("warning: no contact set; arXiv asks harvesters to say who runs them: set PAPERBOY_CONTACT "
                        + "(or --contact) to an email or URL, sent in the User-Agent");
            } else {
                out.add("harvest contact (in the User-Agent): " + harvest.contact());
            }
        } else {
            out.add("scheduled harvesting is off (--harvest-enabled false)");
        }
        if (!embed) {
            out.add("embedding is off (--embed false): keyword search only");
        } else if (backlog == 0) {
            out.add("every paper has its vector for search by meaning");
        } else {
            double rate = PAPERS_PER_SECOND_PER_CORE * Math.max(1, cores);
            out.add(String.format(Locale.ROOT, "%,d papers have no vector yet: embedding them in the background at "
                    + "roughly %.0f papers/s, about %s; until then search finds them by keywords (--no-embed turns "
                    + "embedding off)", backlog, rate, eta(Duration.ofSeconds((long) Math.ceil(backlog / rate)))));
        }
        return out;
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /** A rough duration as a person would say it. */
    static String eta(Duration d) {
        if (d.toMinutes() < 1) return "under a minute";
        if (d.toHours() < 1) return d.toMinutes() + " min";
        if (d.toDays() < 2) return d.toHours() + " h " + d.toMinutesPart() + " min";
        return d.toDays() + " days";
    }
}
