package dev.paperboy.web;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.util.List;

/** Six papers on distinct topics, dates and categories: enough to know the expected top hit of a search. */
final class SearchCorpus {
    private SearchCorpus() {}

    static final Paper ADAPTERS = paper("2401.00001", "Low-rank adapters for efficient fine-tuning of language models",
            "Grace Hopper", "We fine-tune large language models with low-rank adapters. Training uses 3x less memory "
                    + "than full fine-tuning while matching its accuracy on reading comprehension.",
            "cs.CL", "2024-01-10T00:00:00Z");
    static final Paper HALOES = paper("2402.00002", "Dark matter haloes and galaxy rotation curves", "Vera Rubin",
            "Rotation curves of spiral galaxies constrain the density profiles of dark matter haloes. We fit "
                    + "cored and cuspy profiles to forty galaxies.",
            "astro-ph.GA", "2024-02-10T00:00:00Z");
    static final Paper ATTENTION = paper("2403.00003", "Quantized attention for faster transformer inference",
            "Alan Turing", "Eight-bit quantized attention kernels make transformer inference 2.5x faster on "
                    + "commodity GPUs with negligible loss in perplexity.",
            "cs.LG", "2024-03-10T00:00:00Z");
    static final Paper MOLECULES = paper("2404.00004", "Graph neural networks for molecule property prediction",
            "Ada Lovelace", "Message passing graph neural networks predict solubility and toxicity of small "
                    + "molecules from their bond graphs.",
            "cs.LG", "2024-04-10T00:00:00Z");
    static final Paper VISION = paper("2405.00005", "Low-rank adaptation of vision transformers", "Grace Hopper",
            "Low-rank adapters also fine-tune vision transformers for image classification with few trainable "
                    + "parameters.",
            "cs.CV", "2024-05-10T00:00:00Z");
    static final Paper STRINGS = paper("hep-th/9901001", "String dualities in ten dimensions", "Edward Witten",
            "We review dualities between superstring theories in ten dimensions and their strong coupling limits.",
            "hep-th", "1999-01-05T00:00:00Z");

    static final List<Paper> ALL = List.of(ADAPTERS, HALOES, ATTENTION, MOLECULES, VISION, STRINGS);

    static Paper paper(String id, String title, String author, String abstractText, String category, String date) {
        return Paper.builder(id)
                .version(1)
                .title(title)
                .authors(List.of(new Author(author)))
                .abstractText(abstractText)
                .categories(List.of(category))
                .published(Instant.parse(date))
                .source("test")
                .build();
    }
}
