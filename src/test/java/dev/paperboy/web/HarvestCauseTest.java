package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a visitor reads about a failed harvest, from the errors the harvesters store. */
class HarvestCauseTest {

    private static void assertCause(String cause, String error) {
        assertEquals(cause, Views.harvestCause(error), error);
    }

    @Test
    void harvestErrorsAreToldAsOneShortCause() {
        assertCause("network unreachable", "oai: unable to fetch ListRecords page: fetch: giving up on "
                + "https://oaipmh.arxiv.org/oai?verb=ListRecords after 5 attempts: ConnectException "
                + "(UnresolvedAddressException)");
        assertCause("network unreachable", "hf: unable to fetch the daily list: fetch: giving up on https://x/ after "
                + "5 attempts: ConnectException: Connection refused");
        assertCause("timeout", "hf: unable to fetch paper 2401.00001: fetch: giving up on https://x/ after 5 attempts: "
                + "timeout: request timed out");
        assertCause("HTTP 503 from the source", "oai: unable to fetch ListRecords page: fetch: giving up on "
                + "https://oaipmh.arxiv.org/oai?verb=ListRecords after 5 attempts: HTTP 503 with Retry-After 5 s");
        assertCause("HTTP 404 from the source", "hf: https://huggingface.co/api/daily_papers answered HTTP 404");
        assertCause("bad response", "oai: unable to parse ListRecords page https://x/: Unexpected EOF in prolog");
        assertCause("bad response", "hf: unable to fetch daily list: fetch: https://x/ sent more than 5000000 bytes");
        assertCause("another process took over", "hf: lost the harvest lease to another process; stopping");
        assertCause("unexpected error", "oai: harvest of cs failed: java.lang.NullPointerException");
    }
}
