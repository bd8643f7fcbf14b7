package dev.paperboy.ingest.harvest;

/**
 * What one harvest run did.
 *
 * @param ran      false when another harvester held the lease and this one did nothing
 * @param pages    responses read
 * @param stored   papers written (new, updated or unchanged)
 * @param rejected records refused: unreadable, or beyond the limits of the admission check
 * @param skipped  records left out because none of their categories is wanted
 */
public record HarvestResult(String key, boolean ran, int pages, long stored, long rejected, long skipped) {

    static HarvestResult notRun(String key) {
        return new HarvestResult(key, false, 0, 0, 0, 0);
    }

    @Override
    public String toString() {
        if (!ran) return key + ": not run, another harvester holds the lease";
        return key + ": " + pages + " page(s), " + stored + " paper(s) stored, " + rejected + " rejected"
                + (skipped > 0 ? ", " + skipped + " outside the wanted categories" : "");
    }
}
