package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

public interface FileFormat {
    String name();                                    // "arxiv-atom", "oai-pmh", ...
    boolean sniff(String head, String fileName);      // head = first 8 KB of the (decompressed) file as UTF-8
    void read(InputStream in, RecordSink sink) throws IOException, FormatException;
}
