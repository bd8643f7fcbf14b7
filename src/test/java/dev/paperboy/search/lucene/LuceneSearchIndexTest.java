package dev.paperboy.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.paper.Paper;
import dev.paperboy.search.IndexInUseException;
import dev.paperboy.search.PaperIndex;
import dev.paperboy.search.SavesSearchContract;
import dev.paperboy.search.SearchDefaults;
import dev.paperboy.search.SearchIndexContract;
import dev.paperboy.search.TestPapers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The search contract on the Lucene backend, and what only Lucene has: its single writer. */
class LuceneSearchIndexTest extends SearchIndexContract {

    @Override
    protected PaperIndex open(Path dir, String modelId, int lensVersion) {
        return LuceneIndex.open(dir, modelId, SearchDefaults.fusion(), lensVersion);
    }

    /** The saves filters and facets, the other half of the contract. */
    @Nested
    class Saves extends SavesSearchContract {
        @Override
        protected PaperIndex open(Path dir, String modelId, int lensVersion) {
            return LuceneIndex.open(dir, modelId, SearchDefaults.fusion(), lensVersion);
        }
    }

    @Test
    void aSecondWriterIsToldThatServeIsRunningInsteadOfLucenesLockMessage() {
        Path at = dir.resolve("held");
        try (PaperIndex held = open(at, "m", 1)) {
            IndexInUseException e = assertThrows(IndexInUseException.class, () -> open(at, "m", 1));
            assertTrue(e.getMessage().contains("serve is running on this data directory"), e.getMessage());
            assertTrue(e.getMessage().contains("stop it first"), e.getMessage());
            assertFalse(e.getMessage().contains("write.lock"), e.getMessage());
            assertEquals(0, held.count(), "the holder keeps working");
        }
    }

    @Test
    void anIndexOutdatedForThisProcessIsNotReplacedUnderTheProcessHoldingIt() {
        Path at = dir.resolve("held");
        try (PaperIndex held = open(at, "m", 1)) {
            // Another version (here: another lens extractor) would rebuild it, deleting the live generation.
            IndexInUseException e = assertThrows(IndexInUseException.class, () -> open(at, "m", 2));
            assertTrue(e.getMessage().contains("serve is running on this data directory"), e.getMessage());
            held.refresh();
            assertEquals(0, held.count());
        }
        try (PaperIndex reopened = open(at, "m", 1)) {
            assertEquals(java.util.Optional.empty(), reopened.rebuildReason(), "the held generation is still there");
        }
    }

    @Test
    void relatedPapersArePreparedAheadOfViewsOncePerPaperAndTheViewsReadWhatWasPrepared() {
        List<Paper> papers = TestPapers.load();
        try (PaperIndex words = open(dir.resolve("prepared"), "m", 1)) {
            words.rebuild(sink -> papers.forEach(p -> sink.accept(new PaperIndex.Entry(p, null))), 0);
            assertEquals(0, words.prepareRelated(5, () -> false), "nothing is found when told to stop");

            assertEquals(papers.size(), words.prepareRelated(5, () -> true));
            assertEquals(0, words.prepareRelated(5, () -> true), "what is kept is not found again");
            assertEquals(papers.size(), words.prepareRelated(3, () -> true), "another k is another answer");

            // A view reads the prepared answer: the same hits an index that prepared nothing finds on the view.
            try (PaperIndex fresh = open(dir.resolve("fresh"), "m", 1)) {
                fresh.rebuild(sink -> papers.forEach(p -> sink.accept(new PaperIndex.Entry(p, null))), 0);
                for (Paper p : papers) assertEquals(fresh.related(p.id(), 5), words.related(p.id(), 5), p.id());
            }
        }
    }
}
