package dev.paperboy.search.lucene;

import dev.paperboy.search.IndexInUseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The numbered index generations under one root and the {@code CURRENT} file naming the live one: which
 * generation is usable (schema, model and lens versions, readable), creating and committing one, and
 * switching {@code CURRENT} atomically (write-temp, fsync, rename).
 */
final class Generations {

    static final String CURRENT = "CURRENT";
    static final String KEY_SCHEMA = "paperboy.schema";
    static final String KEY_MODEL = "paperboy.model";
    static final String KEY_LENS = "paperboy.lens";
    static final String KEY_SEQUENCE = "paperboy.sequence";
    static final String KEY_EMBEDDED = "paperboy.embedded";

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    /** One on-disk index and its writer and searchers. */
    record Generation(Path dir, FSDirectory directory, IndexWriter writer, SearcherManager searchers) {}

    /** The usable generation named by {@code CURRENT}, or why there is none. */
    record Usable(Optional<Path> dir, String problem, long embeddedSequence) {}

    private final Path root;
    private final String modelId;
    private final int lensVersion;
    private final Analyzer analyzer;

    Generations(Path root, String modelId, int lensVersion, Analyzer analyzer) {
        this.root = root;
        this.modelId = modelId;
        this.lensVersion = lensVersion;
        this.analyzer = analyzer;
    }

    Path root() {
        return root;
    }

    /**
     * The generation {@code CURRENT} names when it can be used; otherwise why not, and the embedding cursor
     * worth keeping (an index outdated for another reason than the model still has current vectors).
     */
    Usable current() throws IOException {
        String name;
        try {
            name = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return new Usable(Optional.empty(), "no index in " + root, 0);
        }
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return new Usable(Optional.empty(), "index directory " + dir.getFileName() + " is missing", 0);
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return new Usable(Optional.empty(), "no index commit in " + name, 0);
            Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
            String model = data.get(KEY_MODEL);
            if (!modelId.equals(model)) return new Usable(Optional.empty(), "outdated: model " + model + ", want " + modelId, 0);
            long embedded = parse(data.get(KEY_EMBEDDED));
            String schema = data.get(KEY_SCHEMA);
            if (!String.valueOf(LuceneIndex.SCHEMA_VERSION).equals(schema)) {
                return new Usable(Optional.empty(), "outdated: schema " + schema + ", want " + LuceneIndex.SCHEMA_VERSION,
                        embedded);
            }
            // The saves field is the lens's output: another extractor version means other values.
            String lens = data.get(KEY_LENS);
            if (!String.valueOf(lensVersion).equals(lens)) {
                return new Usable(Optional.empty(), "outdated: lens extractor " + lens + ", want " + lensVersion, embedded);
            }
            // Opening a reader reads every segment's header and checksummed metadata.
            try (DirectoryReader r = DirectoryReader.open(d)) {
                r.numDocs();
            }
            return new Usable(Optional.of(dir), "", embedded);
        } catch (IOException | RuntimeException e) {
            // CorruptIndexException, IndexFormatTooOld/NewException, truncated files and the like.
            return new Usable(Optional.empty(), "unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0);
        }
    }

    /**
     * Fails with {@link IndexInUseException} when another process holds the generation {@code CURRENT} names:
     * an index that is outdated for this process may still be live for a running {@code serve} of another
     * version, and replacing it would delete the files under that process.
     */
    void checkNotHeld() throws IOException {
        Path dir;
        try {
            dir = root.resolve(Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return;
        }
        if (!Files.isDirectory(dir)) return;
        try (FSDirectory d = FSDirectory.open(dir); Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
        } catch (LockObtainFailedException e) {
            throw new IndexInUseException(root);
        }
    }

    /** Opens a writer and searchers on {@code dir}; another process holding it is an {@link IndexInUseException}. */
    Generation open(Path dir) throws IOException {
        FSDirectory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            cfg.setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, cfg);
            return new Generation(dir, directory, writer, new SearcherManager(writer, null));
        } catch (LockObtainFailedException e) {
            directory.close();
            // Lucene's "Lock held by another program: …/write.lock" tells nobody what to do.
            throw new IndexInUseException(root);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Commits {@code g} with the versions and the store sequences it covers. */
    void commit(Generation g, long sequence, long embedded) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(KEY_SCHEMA, String.valueOf(LuceneIndex.SCHEMA_VERSION));
        data.put(KEY_MODEL, modelId);
        data.put(KEY_LENS, String.valueOf(lensVersion));
        data.put(KEY_SEQUENCE, String.valueOf(sequence));
        data.put(KEY_EMBEDDED, String.valueOf(embedded));
        g.writer().setLiveCommitData(data.entrySet());
        g.writer().commit();
    }

    /** A store sequence from the last commit of {@code g} (0 when absent). */
    static long committed(Generation g, String key) {
        for (Map.Entry<String, String> e : g.writer().getLiveCommitData()) {
            if (e.getKey().equals(key)) return parse(e.getValue());
        }
        return 0;
    }

    private static long parse(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    /** A new, empty directory numbered after every existing generation. */
    Path newDir() throws IOException {
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

    /** Names {@code dir} in {@code CURRENT}; a crash leaves the old name or the new one. */
    void makeCurrent(Path dir) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void deleteAllBut(Path keep) {
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

    static void close(Generation g) {
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
}
