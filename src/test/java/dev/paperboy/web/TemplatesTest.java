package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.Content;
import gg.jte.output.StringOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fragments kept by their view: the same view renders the same card, a changed one (a new vote) renders anew. */
class TemplatesTest {

    private static ListViews.CardView card(int votes, String title) {
        return new ListViews.CardView("/papers/2403.00001", "2403.00001", title,
                List.of(new ListViews.NavLink("Ada Lovelace", "/authors/Ada%20Lovelace", false)), 0,
                List.of(new ListViews.NavLink("cs.LG", "/list/cs.LG", false)), "2024-03-18", "/papers/date/2024-03-18",
                "", votes, 12, 0, null, null, "", "", "Short.", "Short.", false,
                List.of(new Views.LinkView("arXiv", "https://arxiv.org/abs/2403.00001")));
    }

    private static String html(Content c) {
        StringOutput out = new StringOutput();
        c.writeTo(out);
        return out.toString();
    }

    @Test
    void aFragmentIsRenderedPerDistinctViewAndEscaped() {
        Templates templates = Templates.precompiled();
        String first = html(templates.fragment("fragments/listcard.jte", card(3, "Attention <script>")));
        // The kept card holds the count in a neutral marker, never anyone's pressed state (CommunitySlots fills it).
        assertTrue(first.contains("<pb-vote data-paper=\"2403.00001\" data-votes=\"3\"></pb-vote>"), first);
        assertTrue(!first.contains("aria-pressed"), first);
        assertTrue(new String(CommunitySlots.countsOnly(first.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8).contains("3 votes"), first);
        assertTrue(first.contains("Attention &lt;script&gt;"), first);
        assertEquals(first, html(templates.fragment("fragments/listcard.jte", card(3, "Attention <script>"))));
        String voted = html(templates.fragment("fragments/listcard.jte", card(4, "Attention <script>")));
        assertNotEquals(first, voted);
        assertTrue(voted.contains("data-votes=\"4\""), voted);
    }
}
