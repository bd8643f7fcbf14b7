package dev.paperboy.paper;

import java.util.List;

/** One author, in byline order, with affiliations when the source gives them. */
public record Author(String name, List<String> affiliations) {
    public Author {
        name = name == null ? "" : name.strip();
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }

    public Author(String name) {
        this(name, List.of());
    }
}
