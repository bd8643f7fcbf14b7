package dev.paperboy.search.lucene;

import dev.paperboy.search.IndexDocument;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
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
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * Maps an {@link IndexDocument} to the Lucene fields of {@link Fields}. The one piece of analysis here: the
 * abstract is analysed once and its tokens feed both fields that index it ({@link AnalysedText}).
 */
final class LuceneDocuments {
    private LuceneDocuments() {}

    /**
     * The abstract's tokens in {@link Fields#ABSTRACT}, with offsets in the postings, so snippets are
     * highlighted from the index instead of re-analysing every hit's abstract per request. Never scored.
     */
    private static final FieldType ABSTRACT_TYPE = indexedOnly(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, true);
    /** The abstract's tokens in {@link Fields#TEXT}, after the title: scored like the title's. */
    private static final FieldType TEXT_TYPE = indexedOnly(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);

    private static FieldType indexedOnly(IndexOptions options, boolean omitNorms) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setOmitNorms(omitNorms);
        t.setIndexOptions(options);
        t.freeze();
        return t;
    }

    /** The document of {@code doc}; {@code text} is the analyser of {@link Fields#TEXT}. */
    static Document of(IndexDocument doc, Analyzer text) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
        // Title, then abstract, as two values of one field: the same positions and length as "title\nabstract".
        d.add(new TextField(Fields.TEXT, doc.title(), Field.Store.NO));
        AnalysedText abstractTokens = AnalysedText.of(text, Fields.TEXT, doc.abstractText());
        d.add(new Field(Fields.TEXT, abstractTokens.tokens(), TEXT_TYPE));
        d.add(new StoredField(Fields.TITLE, doc.title()));
        d.add(new StoredField(Fields.ABSTRACT, doc.abstractText()));
        d.add(new Field(Fields.ABSTRACT, abstractTokens.tokens(), ABSTRACT_TYPE));
        for (String name : doc.authors()) {
            d.add(new TextField(Fields.AUTHORS, name, Field.Store.NO));
            d.add(new StoredField(Fields.AUTHOR_LIST, name));
        }
        for (String c : doc.categories()) {
            d.add(new StringField(Fields.CATEGORY, c.toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new StringField(Fields.ARCHIVE, IndexDocument.archive(c), Field.Store.NO));
            d.add(new StoredField(Fields.CATEGORY_LIST, c));
        }
        // Chip and resources are stored too, so a result card needs no store read (docs/search.md).
        for (String r : doc.saves()) {
            d.add(new StringField(Fields.SAVES, r, Field.Store.YES));
            d.add(new SortedSetDocValuesField(Fields.SAVES, new BytesRef(r)));
        }
        d.add(new StoredField(Fields.CHIP, doc.chip()));
        if (doc.date().isPresent()) {
            long day = doc.date().get().toEpochDay();
            d.add(new LongPoint(Fields.DATE, day));
            d.add(new NumericDocValuesField(Fields.DATE, day));
            d.add(new StoredField(Fields.DATE, day));
        }
        // Vectors are unit length, so the dot product is the cosine and cheaper to compute.
        doc.vector().ifPresent(v -> d.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT)));
        return d;
    }
}
