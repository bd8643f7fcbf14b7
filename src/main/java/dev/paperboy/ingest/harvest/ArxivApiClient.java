package dev.paperboy.ingest.harvest;

import dev.paperboy.ingest.Admission;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.arxiv.ArxivAtomParser;
import dev.paperboy.ingest.arxiv.ArxivAtomParser.AtomPage;
import dev.paperboy.ingest.http.FetchException;
import dev.paperboy.ingest.http.PoliteFetcher;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The arXiv API (Atom): search queries paged in slices of at most 2,000 and {@code id_list} look-ups.
 * Papers found are stored; API error feeds become {@link HarvestException}s with arXiv's message.
 */
public final class ArxivApiClient {
    /** arXiv asks clients to page in slices of at most 2,000 results. */
    public static final int MAX_PAGE = 2_000;
    /** Ids per {@code id_list} request, to keep URLs short. */
    static final int IDS_PER_REQUEST = 100;

    private final PoliteFetcher fetcher;
    private final PaperStore papers;
    private final String baseUrl;
    private final int pageSize;

    /** What a search found. */
    public record SearchResult(long totalResults, int pages, long stored, long rejected) {}

    public ArxivApiClient(PoliteFetcher fetcher, PaperStore papers, String baseUrl, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("arxiv-api: page size must be 1.." + MAX_PAGE + ", got " + pageSize);
        }
        this.fetcher = fetcher;
        this.papers = papers;
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
    }

    /** Runs a search ({@code search_query} syntax, e.g. {@code cat:cs.CL AND ti:retrieval}) and stores up to {@code max} papers. */
    public SearchResult search(String query, int max, Consumer<String> progress)
            throws HarvestException, InterruptedException {
        long total = -1;
        int start = 0, pages = 0;
        long stored = 0, rejected = 0;
        while (start < max && (total < 0 || start < total)) {
            int n = Math.min(pageSize, max - start);
            URI uri = URI.create(baseUrl + "?search_query=" + enc(query) + "&start=" + start + "&max_results=" + n
                    + "&sortBy=submittedDate&sortOrder=descending");
            PageSink sink = new PageSink(Set.of(), progress);
            AtomPage page = fetchPage(uri, sink);
            pages++;
            total = page.totalResults();
            if (!sink.papers.isEmpty()) papers.upsertAll(sink.papers);
            stored += sink.papers.size();
            rejected += sink.rejected;
            progress.accept("arxiv-api: page " + pages + ": " + (start + page.entries()) + " of "
                    + Math.min(max, Math.max(total, 0)));
            // An empty page before the end is arXiv's way of saying "no more for now"; don't spin on it.
            if (page.entries() == 0) break;
            start += page.entries();
        }
        return new SearchResult(Math.max(total, 0), pages, stored, rejected);
    }

    /** Looks papers up by id and stores them; ids arXiv does not know are simply absent from the result. */
    public List<Paper> fetchIds(List<ArxivId> ids) throws HarvestException, InterruptedException {
        return fetchIds(ids, fetcher.settings().maxAttempts());
    }

    private List<Paper> fetchIds(List<ArxivId> ids, int attempts) throws HarvestException, InterruptedException {
        List<Paper> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
            List<ArxivId> slice = ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST));
            List<String> names = slice.stream().map(ArxivId::toString).toList();
            URI uri = URI.create(baseUrl + "?id_list=" + enc(String.join(",", names)) + "&start=0&max_results="
                    + slice.size());
            PageSink sink = new PageSink(Set.of(), s -> {});
            fetchPage(uri, sink, attempts);
            if (!sink.papers.isEmpty()) papers.upsertAll(sink.papers);
            found.addAll(sink.papers);
        }
        return found;
    }

    /** Looks one paper up by id and stores it. */
    public Optional<Paper> fetch(ArxivId id) throws HarvestException, InterruptedException {
        return fetch(id, fetcher.settings().maxAttempts());
    }

    /**
     * Looks one paper up by id with at most {@code attempts} requests and stores it (for someone waiting on the
     * answer). A failed request is a {@link HarvestException} caused by a {@link FetchException}; arXiv refusing the
     * id is an {@link ArxivRejection}.
     */
    public Optional<Paper> fetch(ArxivId id, int attempts) throws HarvestException, InterruptedException {
        return fetchIds(List.of(id), attempts).stream().filter(p -> p.id().equals(id.base())).findFirst();
    }

    private AtomPage fetchPage(URI uri, PageSink sink) throws HarvestException, InterruptedException {
        return fetchPage(uri, sink, fetcher.settings().maxAttempts());
    }

    private AtomPage fetchPage(URI uri, PageSink sink, int attempts) throws HarvestException, InterruptedException {
        PoliteFetcher.Response r;
        try {
            r = fetcher.get(uri, attempts);
        } catch (FetchException e) {
            throw new HarvestException("arxiv-api: unable to fetch results: " + e.getMessage(), e);
        }
        AtomPage page;
        try {
            page = ArxivAtomParser.parse(new ByteArrayInputStream(r.body()), new Admission(sink));
        } catch (FormatException | IOException e) {
            if (!r.ok()) throw new HarvestException("arxiv-api: " + uri + " answered HTTP " + r.status(), e);
            throw new HarvestException("arxiv-api: unable to parse the response to " + uri + ": " + e.getMessage(), e);
        }
        if (page.error().isPresent()) {
            throw new ArxivRejection("arxiv-api: arXiv rejected " + uri + ": " + page.error().get());
        }
        if (!r.ok()) throw new HarvestException("arxiv-api: " + uri + " answered HTTP " + r.status());
        return page;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
