package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.FileFormat;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.SafeXml;
import java.io.IOException;
import java.io.InputStream;

/** Saved arXiv OAI-PMH responses (arXiv, arXivRaw, oai_dc) as an importable file format. */
public final class OaiPmhFormat implements FileFormat {

    @Override
    public String name() {
        return "oai-pmh";
    }

    /** True when the root element is {@code <OAI-PMH>}. */
    @Override
    public boolean sniff(String head, String fileName) {
        return SafeXml.rootTag(head).map(SafeXml::localName).filter("OAI-PMH"::equals).isPresent();
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, FormatException {
        // A resumption token means the file is one page of a longer list; say so, the importer can't follow it.
        OaiPmhParser.parse(in, sink).resumptionToken()
                .ifPresent(t -> sink.note("oai: this page is incomplete; the list continues with resumptionToken " + t));
    }
}
