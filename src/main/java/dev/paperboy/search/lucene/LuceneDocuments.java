package dev.paperboy.search.lucene;

import dev.paperboy.search.IndexDocument;
import java.util.Locale;
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

/** Maps an {@link IndexDocument} to the Lucene fields of {@link Fields}; only field mapping, no analysis. */
final class LuceneDocuments {
    private LuceneDocuments() {}

    /**
     * Title and abstract in {@link Fields#TEXT}, as two values (the same positions and length as one
     * "title\nabstract"), with offsets in the postings: snippets are highlighted from them instead of re-analysing
     * every hit's abstract per request, and no second field indexes the abstract again (that was a quarter of
     * indexing's CPU).
     */
    private static final FieldType TEXT_TYPE = textType();

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    static Document of(IndexDocument doc) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
        d.add(new Field(Fields.TEXT, doc.title(), TEXT_TYPE));
        d.add(new Field(Fields.TEXT, doc.abstractText(), TEXT_TYPE));
        d.add(new StoredField(Fields.TITLE, doc.title()));
        d.add(new StoredField(Fields.ABSTRACT, doc.abstractText()));
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
