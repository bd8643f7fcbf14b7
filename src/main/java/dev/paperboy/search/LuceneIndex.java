package dev.paperboy.search;

import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper index in Lucene. The root directory holds numbered generations and a {@code CURRENT} file
 * naming the live one; a rebuild writes a new generation and then replaces {@code CURRENT} atomically,
 * so a crash at any point leaves either the old index or the new one, never half of one.
 */
public final class LuceneIndex implements PaperIndex {

    /** Bumped whenever documents or analysis change; an index with another value is rebuilt. */
    public static final int SCHEMA_VERSION = 3;

    static final String CURRENT = "CURRENT";
    static final String KEY_SCHEMA = "paperboy.schema";
    static final String KEY_MODEL = "paperboy.model";
    static final String KEY_LENS = "paperboy.lens";
    static final String KEY_SEQUENCE = "paperboy.sequence";
    private static final long REFRESH_MILLIS = 500;
    private static final int MAX_CANDIDATES = SearchRequest.MAX_DEPTH;
    private static final int MIN_CANDIDATES = 100;
    /** Plain words also look at author names, at a lower weight than title and abstract. */
    private static final float AUTHOR_WEIGHT = 0.5f;

    private static final java.util.Set<String> SUMMARY_FIELDS = java.util.Set.of(Fields.ID, Fields.TITLE,
            Fields.AUTHOR_LIST, Fields.CATEGORY_LIST, Fields.DATE, Fields.CHIP, Fields.SAVES);

    /**
     * The abstract: stored for display and indexed with offsets in the postings, so snippets are
     * highlighted from the index instead of re-analysing every hit's abstract per request. Never scored.
     */
    private static final FieldType ABSTRACT_TYPE = abstractType();

    private static FieldType abstractType() {
        FieldType t = new FieldType();
        t.setStored(true);
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

    private final Path root;
    private final String modelId;
    private final Fusion fusion;
    private final int lensVersion;
    // Stateless and thread-safe: rebuild threads share it.
    private final LensExtractor lens = new LensExtractor();
    private final Analyzer textAnalyzer = Analyzers.text();
    private final Analyzer namesAnalyzer = Analyzers.names();
    private final Analyzer analyzer = Analyzers.perField(textAnalyzer, namesAnalyzer);
    private final ScheduledExecutorService refresher;
    private final Object writeLock = new Object();
    private volatile Generation live;
    private volatile String rebuildReason;

    /** One on-disk index and its writer and searchers. */
    private record Generation(Path dir, FSDirectory directory, IndexWriter writer, SearcherManager searchers) {}

    private LuceneIndex(Path root, String modelId, Fusion fusion, int lensVersion) {
        this.root = root;
        this.modelId = modelId;
        this.fusion = fusion;
        this.lensVersion = lensVersion;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the index under {@code root}, creating it when missing. A missing, corrupt or outdated index
     * opens empty with {@link #rebuildReason()} set: the caller rebuilds it from the store.
     */
    public static LuceneIndex open(Path root, String modelId, Fusion fusion) {
        return open(root, modelId, fusion, LensExtractor.VERSION);
    }

    /** Opens the index as if the lens extractor had version {@code lensVersion} (tests of version changes). */
    static LuceneIndex open(Path root, String modelId, Fusion fusion, int lensVersion) {
        LuceneIndex index = new LuceneIndex(root, modelId, fusion, lensVersion);
        try {
            Files.createDirectories(root);
            index.openLive();
        } catch (IOException e) {
            index.close();
            throw new UncheckedIOException("index: unable to open " + root + ": " + e.getMessage(), e);
        }
        index.refresher.scheduleWithFixedDelay(index::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS,
                TimeUnit.MILLISECONDS);
        return index;
    }

    private void openLive() throws IOException {
        Path currentFile = root.resolve(CURRENT);
        String name = null;
        try {
            name = Files.readString(currentFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            rebuildReason = "no index in " + root;
        }
        if (name != null) {
            Path dir = root.resolve(name);
            String problem = check(dir);
            if (problem == null) {
                live = openGeneration(dir);
                deleteOtherGenerations(dir);
                return;
            }
            rebuildReason = problem;
        }
        log.info("index: will rebuild, reason=\"{}\"", rebuildReason);
        Path fresh = newGenerationDir();
        Generation g = openGeneration(fresh);
        commitGeneration(g, 0);
        live = g;
        writeCurrent(fresh);
        deleteOtherGenerations(fresh);
    }

    /** Why the index in {@code dir} cannot be used, or null when it can. */
    private String check(Path dir) {
        if (!Files.isDirectory(dir)) return "index directory " + dir.getFileName() + " is missing";
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return "no index commit in " + dir.getFileName();
            Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
            String schema = data.get(KEY_SCHEMA);
            if (!String.valueOf(SCHEMA_VERSION).equals(schema)) {
                return "outdated: schema " + schema + ", want " + SCHEMA_VERSION;
            }
            String model = data.get(KEY_MODEL);
            if (!modelId.equals(model)) return "outdated: model " + model + ", want " + modelId;
            // The saves field is the lens's output: another extractor version means other values.
            String lensData = data.get(KEY_LENS);
            if (!String.valueOf(lensVersion).equals(lensData)) {
                return "outdated: lens extractor " + lensData + ", want " + lensVersion;
            }
            // Opening a reader reads every segment's header and checksummed metadata.
            try (DirectoryReader r = DirectoryReader.open(d)) {
                r.numDocs();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            // CorruptIndexException, IndexFormatTooOld/NewException, truncated files and the like.
            return "unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private Generation openGeneration(Path dir) throws IOException {
        FSDirectory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            cfg.setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, cfg);
            SearcherManager searchers = new SearcherManager(writer, null);
            return new Generation(dir, directory, writer, searchers);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private void commitGeneration(Generation g, long sequence) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(KEY_SCHEMA, String.valueOf(SCHEMA_VERSION));
        data.put(KEY_MODEL, modelId);
        data.put(KEY_LENS, String.valueOf(lensVersion));
        data.put(KEY_SEQUENCE, String.valueOf(sequence));
        g.writer().setLiveCommitData(data.entrySet());
        g.writer().commit();
    }

    private Path newGenerationDir() throws IOException {
        long max = 0;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("gen-\\d{1,18}")) max = Math.max(max, Long.parseLong(n.substring(4)));
            }
        }
        Path dir = root.resolve(String.format(Locale.ROOT, "gen-%06d", max + 1));
        Files.createDirectories(dir);
        return dir;
    }

    private void writeCurrent(Path dir) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void deleteOtherGenerations(Path keep) {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("gen-") && !p.equals(keep)) deleteTree(p);
            }
        } catch (IOException e) {
            log.warn("index: unable to delete old generations in {}: {}", root, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override
    public Optional<String> rebuildReason() {
        return Optional.ofNullable(rebuildReason);
    }

    @Override
    public void upsert(List<Entry> entries) {
        synchronized (writeLock) {
            IndexWriter w = live.writer();
            try {
                for (Entry e : entries) w.updateDocument(new Term(Fields.ID, e.paper().id()), document(e));
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to add papers: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void commit(long storeSequence) {
        synchronized (writeLock) {
            try {
                commitGeneration(live, storeSequence);
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to commit: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public long committedSequence() {
        Map<String, String> data = new HashMap<>();
        for (Map.Entry<String, String> e : live.writer().getLiveCommitData()) data.put(e.getKey(), e.getValue());
        String s = data.get(KEY_SEQUENCE);
        return s == null ? 0 : Long.parseLong(s);
    }

    @Override
    public void rebuild(Consumer<Consumer<Entry>> feeder, long storeSequence) {
        Generation fresh = null;
        try {
            Path dir;
            synchronized (writeLock) {
                dir = newGenerationDir();
            }
            fresh = openGeneration(dir);
            IndexWriter w = fresh.writer();
            // IndexWriter is thread-safe: analysing on every core roughly multiplies the build rate.
            int threads = Runtime.getRuntime().availableProcessors();
            java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "index-rebuild");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 64);
            java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
            try {
                feeder.accept(e -> {
                    if (failure.get() != null) throw new IllegalStateException(failure.get().getMessage(), failure.get());
                    inFlight.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            // A fresh generation holds each id once (the store feeds each paper once).
                            w.addDocument(document(e));
                        } catch (IOException | RuntimeException ex) {
                            failure.compareAndSet(null, ex);
                        } finally {
                            inFlight.release();
                        }
                    });
                });
            } finally {
                pool.shutdown();
                try {
                    pool.awaitTermination(1, TimeUnit.HOURS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while rebuilding", ie);
                }
            }
            if (failure.get() != null) throw new IOException(failure.get().getMessage(), failure.get());
            // One segment: every query then looks each term up and walks the HNSW graph once instead of
            // once per segment (five after a parallel 86k rebuild); cheaper hybrid queries, docs/search.md.
            w.forceMerge(1);
            commitGeneration(fresh, storeSequence);
            fresh.searchers().maybeRefresh();
            Generation old;
            synchronized (writeLock) {
                writeCurrent(dir);
                old = live;
                live = fresh;
                rebuildReason = null;
            }
            closeGeneration(old);
            deleteOtherGenerations(dir);
        } catch (IOException | UncheckedIOException e) {
            if (fresh != null) closeGeneration(fresh);
            throw new IllegalStateException("index: unable to rebuild: " + e.getMessage(), e);
        }
    }

    @Override
    public void refresh() {
        try {
            live.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("index: unable to refresh: " + e.getMessage(), e);
        } catch (AlreadyClosedException e) {
            // Swapped out by a rebuild; the new generation is already fresh.
        }
    }

    private void refreshQuietly() {
        try {
            live.searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("index: periodic refresh failed: {}", e.getMessage());
        }
    }

    @Override
    public long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public boolean contains(String paperId) {
        return withSearcher(s -> s.count(new TermQuery(new Term(Fields.ID, paperId))) > 0);
    }

    // ---- documents ------------------------------------------------------------------------------

    private Document document(Entry e) {
        Paper p = e.paper();
        Document d = new Document();
        d.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        d.add(new TextField(Fields.TEXT, p.title() + "\n" + p.abstractText(), Field.Store.NO));
        d.add(new StoredField(Fields.TITLE, p.title()));
        d.add(new Field(Fields.ABSTRACT, p.abstractText(), ABSTRACT_TYPE));
        for (Author a : p.authors()) {
            if (a.name().isBlank()) continue;
            d.add(new TextField(Fields.AUTHORS, a.name(), Field.Store.NO));
            d.add(new StoredField(Fields.AUTHOR_LIST, a.name()));
        }
        for (String c : p.categories()) {
            d.add(new StringField(Fields.CATEGORY, c.toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new StringField(Fields.ARCHIVE, archive(c), Field.Store.NO));
            d.add(new StoredField(Fields.CATEGORY_LIST, c));
        }
        // The lens is not stored anywhere else: computing it here (~5,000 abstracts/s) keeps it in step
        // with the text, and the lens version in the commit data rebuilds the index when the rules change.
        // Chip and resources are stored too, so a result card needs no store read (docs/search.md).
        Lens l = lens.extract(p.title(), p.abstractText());
        for (String r : l.resources()) {
            d.add(new StringField(Fields.SAVES, r, Field.Store.YES));
            d.add(new SortedSetDocValuesField(Fields.SAVES, new BytesRef(r)));
        }
        d.add(new StoredField(Fields.CHIP, l.chip()));
        LocalDate date = dateOf(p);
        if (date != null) {
            long day = date.toEpochDay();
            d.add(new LongPoint(Fields.DATE, day));
            d.add(new NumericDocValuesField(Fields.DATE, day));
            d.add(new StoredField(Fields.DATE, day));
        }
        if (e.vector() != null) {
            // Vectors are unit length, so the dot product is the cosine and cheaper to compute.
            d.add(new KnnFloatVectorField(Fields.VECTOR, e.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    private static String archive(String category) {
        int dot = category.indexOf('.');
        return (dot < 0 ? category : category.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    /** The date a paper is filed under: first published, else last updated, else its arXiv id's month. */
    static LocalDate dateOf(Paper p) {
        Instant t = p.published() != null ? p.published() : p.updated();
        if (t != null) return LocalDate.ofInstant(t, ZoneOffset.UTC);
        Optional<ArxivId> id = ArxivId.parse(p.id());
        if (id.isPresent() && id.get().base().matches("\\d{4}\\..*")) {
            String b = id.get().base();
            int yy = Integer.parseInt(b.substring(0, 2));
            int mm = Integer.parseInt(b.substring(2, 4));
            return LocalDate.of(2000 + yy, mm, 1);
        }
        return null;
    }

    // ---- queries --------------------------------------------------------------------------------

    /** Analysed terms of {@code text} in {@code field}, with their positions. */
    private List<String[]> terms(Analyzer a, String field, String text) {
        List<String[]> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new String[] {term.toString(), String.valueOf(pos)});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("index: unable to analyse query: " + e.getMessage(), e);
        }
        return out;
    }

    /** Plain words as a bag of terms, a term repeated in the query weighing more; null when none remain. */
    Query wordsQuery(SearchQuery q) {
        Map<String, Integer> text = new LinkedHashMap<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (String w : q.words()) {
            for (String[] t : terms(textAnalyzer, Fields.TEXT, w)) text.merge(t[0], 1, Integer::sum);
            for (String[] t : terms(namesAnalyzer, Fields.AUTHORS, w)) names.merge(t[0], 1, Integer::sum);
        }
        if (text.isEmpty() && names.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Integer> e : text.entrySet()) {
            if (++clauses > IndexSearcher.getMaxClauseCount() / 2) break;
            Query tq = new TermQuery(new Term(Fields.TEXT, e.getKey()));
            b.add(e.getValue() == 1 ? tq : new BoostQuery(tq, e.getValue()), Occur.SHOULD);
        }
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            if (++clauses > IndexSearcher.getMaxClauseCount() / 2 + 64) break;
            b.add(new BoostQuery(new TermQuery(new Term(Fields.AUTHORS, e.getKey())), AUTHOR_WEIGHT), Occur.SHOULD);
        }
        return b.build();
    }

    /** A phrase of analysed terms in {@code field} (a single term query for one term); null when empty. */
    private Query phrase(Analyzer a, String field, String text, int slop) {
        List<String[]> ts = terms(a, field, text);
        if (ts.isEmpty()) return null;
        if (ts.size() == 1) return new TermQuery(new Term(field, ts.getFirst()[0]));
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        b.setSlop(slop);
        for (String[] t : ts) b.add(new Term(field, t[0]), Integer.parseInt(t[1]));
        return b.build();
    }

    /** The constraints both legs share: categories, authors, dates, lens resources, exclusions and, if asked, phrases. */
    Query filter(SearchQuery q, boolean withPhrases) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (!q.categories().isEmpty()) {
            BooleanQuery.Builder cats = new BooleanQuery.Builder();
            for (String c : q.categories()) {
                String lc = c.toLowerCase(Locale.ROOT);
                cats.add(new TermQuery(lc.contains(".") ? new Term(Fields.CATEGORY, lc) : new Term(Fields.ARCHIVE, lc)),
                        Occur.SHOULD);
            }
            b.add(cats.build(), Occur.FILTER);
            any = true;
        }
        for (String author : q.authors()) {
            // Slop 3 lets "Yann LeCun" match "LeCun, Yann"; the position gap keeps it inside one name.
            Query a = phrase(namesAnalyzer, Fields.AUTHORS, author, 3);
            if (a != null) {
                b.add(a, Occur.FILTER);
                any = true;
            }
        }
        if (q.since() != null || q.until() != null) {
            long from = q.since() == null ? Long.MIN_VALUE : q.since().toEpochDay();
            long to = q.until() == null ? Long.MAX_VALUE : q.until().toEpochDay();
            b.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
            any = true;
        }
        if (withPhrases) {
            for (String p : q.phrases()) {
                Query pq = phrase(textAnalyzer, Fields.TEXT, p, 0);
                if (pq != null) {
                    b.add(pq, Occur.FILTER);
                    any = true;
                }
            }
        }
        for (String r : q.saves()) {
            b.add(new TermQuery(new Term(Fields.SAVES, r)), Occur.FILTER);
            any = true;
        }
        boolean negative = false;
        for (String r : q.savesExcluded()) {
            b.add(new TermQuery(new Term(Fields.SAVES, r)), Occur.MUST_NOT);
            negative = true;
        }
        for (String x : q.excluded()) {
            Query xq = phrase(textAnalyzer, Fields.TEXT, x, 0);
            if (xq != null) {
                b.add(xq, Occur.MUST_NOT);
                negative = true;
            }
        }
        if (!any && !negative) return null;
        if (!any) b.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
        return b.build();
    }

    /** The keyword leg: words scored by BM25, phrases required, filters applied; null when nothing scores. */
    Query keywordQuery(SearchQuery q) {
        Query words = wordsQuery(q);
        List<Query> phrases = new ArrayList<>();
        for (String p : q.phrases()) {
            Query pq = phrase(textAnalyzer, Fields.TEXT, p, 0);
            if (pq != null) phrases.add(pq);
        }
        if (words == null && phrases.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (words != null) b.add(words, phrases.isEmpty() ? Occur.MUST : Occur.SHOULD);
        for (Query p : phrases) b.add(p, Occur.MUST);
        Query f = filter(q, false);
        if (f != null) b.add(f, Occur.FILTER);
        return b.build();
    }

    /** The query the snippets highlight: words and phrases, without filters. */
    private Query highlightQuery(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (String w : q.words()) {
            for (String[] t : terms(textAnalyzer, Fields.TEXT, w)) {
                b.add(new TermQuery(new Term(Fields.TEXT, t[0])), Occur.SHOULD);
                any = true;
            }
        }
        for (String p : q.phrases()) {
            Query pq = phrase(textAnalyzer, Fields.TEXT, p, 0);
            if (pq != null) {
                b.add(pq, Occur.SHOULD);
                any = true;
            }
        }
        return any ? b.build() : null;
    }

    // ---- search ---------------------------------------------------------------------------------

    @Override
    public SearchResults search(SearchRequest request, float[] queryVector) {
        return withSearcher(s -> doSearch(s, request, queryVector));
    }

    private SearchResults doSearch(IndexSearcher s, SearchRequest r, float[] vector) throws IOException {
        SearchQuery q = r.query();
        SearchMode mode = r.mode();
        String semantic = q.semanticText();
        if (mode != SearchMode.BM25 && (vector == null || semantic.isEmpty())) mode = SearchMode.BM25;
        int page = r.offset() + r.limit();
        Sort byDate = new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), SortField.FIELD_DOC);

        if (q.filtersOnly()) {
            Query f = filter(q, true);
            Query all = f == null ? MatchAllDocsQuery.INSTANCE : f;
            TopDocs td = s.search(all, page, byDate);
            return page(s, q, td.scoreDocs, s.count(all), r, SearchMode.BM25, SavesFacets.count(s, all));
        }
        if (mode == SearchMode.BM25) {
            Query kq = keywordQuery(q);
            if (kq == null) return SearchResults.empty(mode);
            // Keyword-only: every match is a result someone can reach (by date order, or by refining),
            // so the facets count all of them, exactly, in one pass over the doc values.
            Map<String, Long> facets = SavesFacets.count(s, kq);
            if (r.order() == SearchOrder.DATE) {
                TopDocs td = s.search(kq, page, byDate);
                return page(s, q, td.scoreDocs, s.count(kq), r, mode, facets);
            }
            TopDocs td = s.search(kq, Math.max(page, 1));
            long total = Math.min(td.totalHits.value(), MAX_CANDIDATES);
            if (td.totalHits.relation() != org.apache.lucene.search.TotalHits.Relation.EQUAL_TO) total = MAX_CANDIDATES;
            return page(s, q, td.scoreDocs, total, r, mode, facets);
        }
        int k = Math.min(MAX_CANDIDATES, Math.max(MIN_CANDIDATES, page));
        List<Fusion.Scored> dense = scored(s.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, k, filter(q, true)), k));
        List<Fusion.Scored> fused;
        if (mode == SearchMode.DENSE) {
            fused = dense;
        } else {
            Query kq = keywordQuery(q);
            List<Fusion.Scored> keyword = kq == null ? List.of() : scored(s.search(kq, k));
            fused = fusion.fuse(keyword, dense);
        }
        List<ScoreDoc> docs = new ArrayList<>(fused.size());
        for (Fusion.Scored f : fused) docs.add(new ScoreDoc(f.doc(), (float) f.score()));
        // With a semantic leg every document with a vector "matches"; the result set is the fused
        // candidates, so the facets count exactly those (the same set `total` counts).
        int[] candidates = new int[docs.size()];
        for (int i = 0; i < candidates.length; i++) candidates[i] = docs.get(i).doc;
        Map<String, Long> facets = SavesFacets.count(s, candidates);
        if (r.order() == SearchOrder.DATE) {
            Map<Integer, Long> dates = new HashMap<>();
            for (ScoreDoc d : docs) dates.put(d.doc, storedDate(s, d.doc));
            docs.sort(Comparator.comparing((ScoreDoc d) -> dates.get(d.doc), Comparator.reverseOrder())
                    .thenComparingInt(d -> d.doc));
        }
        return page(s, q, docs.toArray(ScoreDoc[]::new), docs.size(), r, mode, facets);
    }

    private static List<Fusion.Scored> scored(TopDocs td) {
        List<Fusion.Scored> out = new ArrayList<>(td.scoreDocs.length);
        for (ScoreDoc d : td.scoreDocs) out.add(new Fusion.Scored(d.doc, d.score));
        return out;
    }

    private long storedDate(IndexSearcher s, int doc) throws IOException {
        var f = s.storedFields().document(doc, java.util.Set.of(Fields.DATE)).getField(Fields.DATE);
        return f == null ? Long.MIN_VALUE : f.numericValue().longValue();
    }

    private SearchResults page(IndexSearcher s, SearchQuery q, ScoreDoc[] docs, long total, SearchRequest r,
            SearchMode mode, Map<String, Long> facets) throws IOException {
        int from = Math.min(r.offset(), docs.length);
        int to = Math.min(docs.length, r.offset() + r.limit());
        ScoreDoc[] window = java.util.Arrays.copyOfRange(docs, from, to);
        return new SearchResults(total, hits(s, r.snippets() ? q : null, window, r.snippets()), mode, facets);
    }

    private List<SearchHit> hits(IndexSearcher s, SearchQuery q, ScoreDoc[] docs, boolean withSnippets)
            throws IOException {
        if (docs.length == 0) return List.of();
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) ids[i] = docs[i].doc;
        StoredFields stored = s.storedFields();
        // Each document is decoded once: decompressing stored fields is a large part of a page's cost,
        // so the highlighter takes the abstracts from here instead of loading them again.
        Document[] loaded = new Document[docs.length];
        Map<Integer, String> abstracts = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            loaded[i] = withSnippets ? stored.document(ids[i]) : stored.document(ids[i], SUMMARY_FIELDS);
            String a = loaded[i].get(Fields.ABSTRACT);
            abstracts.put(ids[i], a == null ? "" : a);
        }
        Object[] snippets = withSnippets ? snippets(s, q, ids, abstracts) : new Object[docs.length];
        List<SearchHit> out = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = loaded[i];
            var date = d.getField(Fields.DATE);
            String chip = d.get(Fields.CHIP);
            @SuppressWarnings("unchecked")
            List<SearchHit.Segment> snippet = snippets[i] instanceof List<?> l ? (List<SearchHit.Segment>) l : List.of();
            out.add(new SearchHit(
                    d.get(Fields.ID),
                    d.get(Fields.TITLE),
                    List.of(d.getValues(Fields.AUTHOR_LIST)),
                    List.of(d.getValues(Fields.CATEGORY_LIST)),
                    date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
                    docs[i].score,
                    snippet,
                    chip == null ? "" : chip,
                    List.of(d.getValues(Fields.SAVES))));
        }
        return out;
    }

    /** Highlighted abstract passages per document, or the abstract's opening when nothing matched. */
    private Object[] snippets(IndexSearcher s, SearchQuery q, int[] docIds, Map<Integer, String> abstracts)
            throws IOException {
        Query hq = q == null ? null : highlightQuery(q);
        SegmentHighlighter h = new SegmentHighlighter(abstracts, UnifiedHighlighter.builder(s, analyzer)
                // The query's terms are in the combined TEXT field; let them match the stored abstract.
                .withFieldMatcher(f -> true)
                .withMaxNoHighlightPassages(1)
                .withScorer(PASSAGE_SCORER)
                // Term offsets straight from the postings (phrases via spans): building a Weight and its
                // matches per hit cost ~14% of a search's CPU, with the same marks on our query shapes.
                .withWeightMatches(false)
                .withFormatter(new SegmentFormatter()));
        Object[] out = h.segments(Fields.ABSTRACT, hq == null ? MatchAllDocsQuery.INSTANCE : hq, docIds, 2);
        return out == null ? new Object[docIds.length] : out;
    }

    private static final PassageScorer PASSAGE_SCORER = new LeanPassageScorer();

    /**
     * Lucene's default passage score (BM25 over the passage, favouring early passages) without its
     * per-passage hash table: allocating one for every candidate sentence was ~5% of a search's CPU.
     */
    private static final class LeanPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int n = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            // A passage holds a handful of matches: a quadratic scan for distinct terms is cheapest.
            float score = 0;
            for (int i = 0; i < n; i++) {
                boolean seen = false;
                for (int j = 0; j < i && !seen; j++) seen = terms[j].bytesEquals(terms[i]);
                if (seen) continue;
                int inPassage = 1;
                for (int j = i + 1; j < n; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return score * norm(passage.getStartOffset());
        }
    }

    /** Exposes the highlighter's per-object output, which the public API only gives as strings. */
    private static final class SegmentHighlighter extends UnifiedHighlighter {
        private final Map<Integer, String> abstracts;

        SegmentHighlighter(Map<Integer, String> abstracts, Builder b) {
            super(b);
            this.abstracts = abstracts;
        }

        /** The abstracts the caller already decoded, in the iterator's doc order (one field is highlighted). */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator docIter,
                int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = docIter.nextDoc()) {
                CharSequence[] values = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) values[f] = abstracts.getOrDefault(doc, "");
                out.add(values);
            }
            return out;
        }

        Object[] segments(String field, Query query, int[] docIds, int passages) throws IOException {
            int[] docs = docIds.clone();
            // highlightFieldsAsObjects wants ascending doc ids; map the results back to the caller's order.
            Integer[] order = new Integer[docs.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, Comparator.comparingInt(i -> docIds[i]));
            int[] sorted = new int[docs.length];
            for (int i = 0; i < order.length; i++) sorted[i] = docIds[order[i]];
            Map<String, Object[]> m = highlightFieldsAsObjects(new String[] {field}, query, sorted, new int[] {passages});
            Object[] bySorted = m.get(field);
            Object[] out = new Object[docs.length];
            for (int i = 0; i < order.length; i++) out[order[i]] = bySorted[i];
            return out;
        }
    }

    /** Turns passages into plain and highlighted segments; the web layer escapes and marks them. */
    private static final class SegmentFormatter extends PassageFormatter {
        private static final int MAX_PASSAGE_CHARS = 400;

        @Override
        public Object format(Passage[] passages, String content) {
            List<SearchHit.Segment> out = new ArrayList<>();
            for (int p = 0; p < passages.length; p++) {
                Passage passage = passages[p];
                if (p > 0) out.add(new SearchHit.Segment(" … ", false));
                int pos = passage.getStartOffset();
                int end = Math.min(passage.getEndOffset(), passage.getStartOffset() + MAX_PASSAGE_CHARS);
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int ms = Math.max(passage.getMatchStarts()[i], pos);
                    int me = Math.min(passage.getMatchEnds()[i], end);
                    if (ms >= end) break;
                    if (me <= ms) continue;
                    if (ms > pos) out.add(new SearchHit.Segment(content.substring(pos, ms), false));
                    out.add(new SearchHit.Segment(content.substring(ms, me), true));
                    pos = me;
                }
                if (pos < end) out.add(new SearchHit.Segment(content.substring(pos, end), false));
                if (end < passage.getEndOffset()) out.add(new SearchHit.Segment("…", false));
            }
            return out;
        }
    }

    // ---- related --------------------------------------------------------------------------------

    @Override
    public List<SearchHit> related(String paperId, int k) {
        if (k < 1) return List.of();
        int kk = Math.min(k, SearchRequest.MAX_LIMIT);
        return withSearcher(s -> {
            TopDocs self = s.search(new TermQuery(new Term(Fields.ID, paperId)), 1);
            if (self.scoreDocs.length == 0) return List.of();
            int doc = self.scoreDocs[0].doc;
            BooleanQuery notSelf = new BooleanQuery.Builder()
                    .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.ID, paperId)), Occur.MUST_NOT)
                    .build();
            float[] v = vectorOf(s, doc);
            TopDocs td;
            if (v != null) {
                td = s.search(new KnnFloatVectorQuery(Fields.VECTOR, v, kk, notSelf), kk);
            } else {
                Document d = s.storedFields().document(doc);
                MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
                mlt.setAnalyzer(textAnalyzer);
                mlt.setFieldNames(new String[] {Fields.TEXT});
                mlt.setMinDocFreq(1);
                mlt.setMinTermFreq(1);
                mlt.setMaxQueryTerms(40);
                Query like = mlt.like(Fields.TEXT, new StringReader(d.get(Fields.TITLE) + "\n" + d.get(Fields.ABSTRACT)));
                Query q = new BooleanQuery.Builder().add(like, Occur.MUST).add(notSelf, Occur.FILTER).build();
                td = s.search(q, kk);
            }
            return hits(s, null, td.scoreDocs, true);
        });
    }

    private static float[] vectorOf(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) return null;
        int local = doc - leaf.docBase;
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(local) != local) return null;
        return values.vectorValue(it.index()).clone();
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private interface SearcherFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> f) {
        for (int attempt = 0; ; attempt++) {
            SearcherManager m = live.searchers();
            IndexSearcher s;
            try {
                s = m.acquire();
            } catch (AlreadyClosedException e) {
                // A rebuild swapped generations between reading `live` and acquiring: try the new one.
                if (attempt < 3) continue;
                throw new IllegalStateException("index: closed", e);
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to open a searcher: " + e.getMessage(), e);
            }
            try {
                return f.apply(s);
            } catch (IOException e) {
                throw new UncheckedIOException("index: unable to search: " + e.getMessage(), e);
            } finally {
                try {
                    m.release(s);
                } catch (IOException e) {
                    log.warn("index: unable to release searcher: {}", e.getMessage());
                }
            }
        }
    }

    private void closeGeneration(Generation g) {
        if (g == null) return;
        try {
            g.searchers().close();
        } catch (IOException | RuntimeException e) {
            log.warn("index: unable to close searchers of {}: {}", g.dir(), e.getMessage());
        }
        try {
            g.writer().close();
        } catch (IOException | RuntimeException e) {
            log.warn("index: unable to close writer of {}: {}", g.dir(), e.getMessage());
        }
        try {
            g.directory().close();
        } catch (IOException e) {
            log.warn("index: unable to close {}: {}", g.dir(), e.getMessage());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        synchronized (writeLock) {
            closeGeneration(live);
            live = null;
        }
    }
}
