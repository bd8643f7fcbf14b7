package dev.paperboy.ingest;

/** Told how far an import has got, so a terminal can draw a progress line. */
@FunctionalInterface
public interface ImportProgress {
    /** Ignores every update. */
    ImportProgress NONE = (records, bytesRead, totalBytes) -> {};

    /**
     * Reports progress through one file.
     *
     * @param records records read so far (stored or failed)
     * @param bytesRead bytes of the file as stored on disk (compressed when it is gzipped)
     * @param totalBytes the file's size on disk, or -1 when unknown
     */
    void update(long records, long bytesRead, long totalBytes);
}
