package dev.paperboy.ingest.harvest;

/** The harvest services one process uses, built by the composition root over one polite fetcher. */
public record Harvesters(
        HarvestConfig config,
        HarvestStateStore states,
        OaiHarvester oai,
        ArxivApiClient api,
        HfHarvester hf) {}
