package dev.paperboy.paper;

/** Where to read a paper and its companions; any may be null. Paperboy never fetches PDFs. */
public record Links(String abs, String pdf, String code, String project) {
    public static final Links NONE = new Links(null, null, null, null);

    /** The arXiv abstract and PDF pages of an id. */
    public static Links arxiv(ArxivId id) {
        return new Links("https://arxiv.org/abs/" + id, "https://arxiv.org/pdf/" + id, null, null);
    }

    /** This record's links, with gaps filled from {@code other}. */
    public Links orElse(Links other) {
        if (other == null) return this;
        return new Links(
                abs != null ? abs : other.abs,
                pdf != null ? pdf : other.pdf,
                code != null ? code : other.code,
                project != null ? project : other.project);
    }
}
