package dev.paperboy.search.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Passage vectors kept in the database, keyed by paper and model, with a hash of the embedded text. */
public final class EmbeddingStore {

    /** One stored vector. */
    public record Stored(String paperId, String contentHash, float[] vector) {}

    private static final int IN_CHUNK = 500;

    private final Jdbi jdbi;
    private final String modelId;

    public EmbeddingStore(Jdbi jdbi, String modelId) {
        this.jdbi = jdbi;
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }

    /** The hash that says whether a stored vector still matches a paper's text under this model. */
    public String contentHash(String title, String abstractText) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(modelId.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(OnnxEmbedder.passageText(title, abstractText).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The stored vectors of these papers under this model, by paper id (papers without one are absent). */
    public Map<String, Stored> findAll(List<String> paperIds) {
        Map<String, Stored> out = new HashMap<>();
        for (int i = 0; i < paperIds.size(); i += IN_CHUNK) {
            List<String> chunk = paperIds.subList(i, Math.min(paperIds.size(), i + IN_CHUNK));
            try {
                jdbi.useHandle(h -> h.createQuery("SELECT paper_id, content_hash, vector FROM paper_embeddings "
                                + "WHERE model_id = :model AND paper_id IN (<ids>)")
                        .bind("model", modelId)
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), decode(rs.getBytes(3))))
                        .forEach(s -> out.put(s.paperId(), s)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("embeddings: unable to read vectors: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Stores vectors (replacing older ones for the same paper and model) in one transaction. */
    public void saveAll(List<Stored> vectors) {
        if (vectors.isEmpty()) return;
        try {
            jdbi.useTransaction(h -> {
                PreparedBatch b = h.prepareBatch("INSERT INTO paper_embeddings "
                        + "(paper_id, model_id, content_hash, dimensions, vector) "
                        + "VALUES (:id, :model, :hash, :dims, :vector) "
                        + "ON CONFLICT (paper_id, model_id) DO UPDATE SET content_hash = excluded.content_hash, "
                        + "dimensions = excluded.dimensions, vector = excluded.vector");
                for (Stored s : vectors) {
                    b.bind("id", s.paperId()).bind("model", modelId).bind("hash", s.contentHash())
                            .bind("dims", s.vector().length).bind("vector", encode(s.vector())).add();
                }
                b.execute();
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("embeddings: unable to save " + vectors.size() + " vectors: "
                    + e.getMessage(), e);
        }
    }

    /** How many vectors are stored under this model. */
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM paper_embeddings WHERE model_id = :m")
                .bind("m", modelId).mapTo(Long.class).one());
    }

    /** How many papers have no vector under this model: the embedding backlog. */
    public long countMissing() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM papers p WHERE NOT EXISTS "
                        + "(SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id AND e.model_id = :m)")
                .bind("m", modelId).mapTo(Long.class).one());
    }

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static float[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    /** Ids of the papers in {@code ids} lacking an up-to-date vector, given each one's current hash. */
    public List<String> missing(Map<String, String> hashById) {
        Map<String, Stored> have = findAll(new ArrayList<>(hashById.keySet()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : hashById.entrySet()) {
            Stored s = have.get(e.getKey());
            if (s == null || !s.contentHash().equals(e.getValue())) out.add(e.getKey());
        }
        return out;
    }
}
