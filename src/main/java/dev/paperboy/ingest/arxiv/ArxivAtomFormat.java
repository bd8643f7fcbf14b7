package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.FileFormat;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.SafeXml;
import java.io.IOException;
import java.io.InputStream;

/** Saved arXiv API responses (Atom) as an importable file format. */
public final class ArxivAtomFormat implements FileFormat {

    @Override
    public String name() {
        return "arxiv-atom";
    }

    /** True when the root element is an Atom {@code <feed>} and the head mentions arxiv.org. */
    @Override
    public boolean sniff(String head, String fileName) {
        return SafeXml.rootTag(head)
                .filter(tag -> SafeXml.localName(tag).equals("feed"))
                .filter(tag -> tag.contains(ArxivAtomParser.ATOM))
                .isPresent()
                && head.contains("arxiv.org/");
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, FormatException {
        // The page's totals matter to a harvester, not to a file import; an error feed was already noted.
        ArxivAtomParser.parse(in, sink);
    }
}
