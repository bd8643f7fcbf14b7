package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

/** One importable file format: recognises its files and streams their records. */
public interface FileFormat {
    /** A short stable name, e.g. "hf-daily". */
    String name();

    /** True when a file starting with {@code head} (its first 8 KB, decompressed, as UTF-8) is in this format. */
    boolean sniff(String head, String fileName);

    /** Streams the records of one file to the sink. */
    void read(InputStream in, RecordSink sink) throws IOException, FormatException;
}
