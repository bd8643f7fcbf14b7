package dev.paperboy.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer on its own: whatever the text, the output is well-formed Atom that reads back as the same text. */
class AtomWriterTest {

    private final AtomWriter writer = new AtomWriter("https://papers.example.org/", "test");

    private static AtomFeed feed(String text) {
        var entry = new AtomFeed.Entry("https://arxiv.org/abs/2401.00001", text, Instant.parse("2024-01-10T12:00:00.5Z"),
                null, List.of(text), List.of(new AtomFeed.Category("cs.LG", PaperEntries.CATEGORY_SCHEME)), text, text,
                List.of(new AtomFeed.Link("alternate", "text/html", null, "https://papers.example.org/papers/2401.00001")));
        return new AtomFeed("https://papers.example.org/papers.atom", text, "", Instant.parse("2024-01-10T12:00:00Z"),
                "https://papers.example.org/papers.atom", "https://papers.example.org/", List.of(entry));
    }

    private static Feed read(byte[] xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(new String(xml, StandardCharsets.UTF_8)));
    }

    @Test
    void charactersXmlCannotCarryAreDroppedAndEverythingElseReadsBack() throws Exception {
        String text = "a\u0000b\u0008c\u001Fd\uFFFEe\uD800f\uDC00g 😀 \t\"<&>'";
        Feed f = read(writer.toBytes(feed(text)));
        String expected = "abcdefg 😀 \t\"<&>'";
        assertEquals(expected, f.getTitle());
        assertEquals(expected, ((com.rometools.rome.feed.atom.Entry) f.getEntries().getFirst()).getContents().getFirst().getValue());
    }

    @Test
    void datesAreRfc3339InUtcToTheSecond() {
        String xml = new String(writer.toBytes(feed("x")), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<updated>2024-01-10T12:00:00Z</updated>"), xml);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
    }

    @Test
    void randomTextAlwaysGivesAFeedThatParses() throws Exception {
        Random random = new Random(20261129);
        for (int r = 0; r < 300; r++) {
            int round = r;
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> "<>&\"']]>".charAt(random.nextInt(8));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800)); // surrogates, often unpaired
                    default -> (char) random.nextInt(0x10000);
                });
            }
            String text = sb.toString();
            Feed f = read(writer.toBytes(feed(text)));
            String got = f.getTitle() == null ? "" : f.getTitle();
            assertEquals(AtomWriter.clean(text), got, () -> "round " + round + ": " + AtomWriter.clean(text).codePoints()
                    .mapToObj(Integer::toHexString).toList() + " / " + got.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }
}
