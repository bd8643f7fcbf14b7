package dev.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LensEvalCommandTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new LensEvalCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(out));
        int code = cmd.execute(args);
        assertEquals(0, code, out::toString);
        return out.toString();
    }

    /** "dev 77 | P / R / F1 (tp/pred/gold) | P / R / F1 (tp/pred/gold) | unit / kind / resource agreement". */
    private static final String FIGURES = " +\\d+ \\| (\\d\\.\\d{3} / ){2}\\d\\.\\d{3} \\(\\d+/\\d+/\\d+\\) \\| "
            + "(\\d\\.\\d{3} / ){2}\\d\\.\\d{3} \\(\\d+/\\d+/\\d+\\) \\| \\d\\.\\d{2} / \\d\\.\\d{2} / \\d\\.\\d{2}";

    @Test
    void printsResourceClaimAndAgreementFiguresForDevAndHeldOut() {
        String out = run();
        assertTrue(out.lines().anyMatch(l -> l.contains("resources P / R / F1") && l.contains("kind / resource")), out);
        for (String split : new String[] {"dev", "train", "validation", "all", "  picked", "  draw1", "  draw2",
            "  former-heldout"}) {
            assertTrue(out.lines().anyMatch(l -> l.matches(split + FIGURES)), split + " line in:\n" + out);
        }
        // The held-out part is empty until the fresh draw is merged: a line that says so, no figures made up.
        assertTrue(out.lines().anyMatch(l -> l.matches("heldout +0 \\| no papers")
                || l.matches("heldout" + FIGURES)), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("held-out goals (resources F1 >= 0.80, claims P >= 0.90, R >= 0.88): ")
                || l.startsWith("held-out goals: no held-out papers in ")), out);
    }

    @Test
    void theValidationFoldIsAFixedThirdOfTheIds() {
        int inFold = 0;
        for (int i = 0; i < 3000; i++) if (LensEvalCommand.isValidationFold("2601." + (10000 + i))) inFold++;
        assertTrue(inFold > 900 && inFold < 1100, "fold size " + inFold);
        assertEquals(LensEvalCommand.isValidationFold("2607.23193"), LensEvalCommand.isValidationFold("2607.23193"));
    }

    @Test
    void aHeldOutPaperIsScoredOnItsOwnLine(@TempDir Path dir) throws IOException {
        String line = "{\"id\":\"h1\",\"split\":\"heldout\",\"title\":\"Fast decoding\",\"abstract\":\"It works.\","
                + "\"resources\":[\"compute\"],\"claims\":[]}";
        Path file = dir.resolve("set.jsonl");
        Files.writeString(file, line + "\n");
        String out = run("--labelled", file.toString());
        assertTrue(out.lines().anyMatch(l -> l.startsWith("heldout ") && l.contains("1.000 / 1.000 / 1.000 (1/1/1)")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("dev +0 \\| no papers")), out);
        assertTrue(out.contains("held-out goals (resources F1 >= 0.80"), out);
    }

    @Test
    void scoresAHandMadeSetExactly(@TempDir Path dir) throws IOException {
        // One right claim, one label the extractor cannot find ("four" has no digits), one right resource.
        String title = "Fast decoding";
        String abs = "Our decoder is 3x faster. It trains in four hours.";
        int start = (title + "\n\n").length() + abs.indexOf("3x");
        String line = "{\"id\":\"t1\",\"split\":\"dev\",\"title\":\"" + title + "\",\"abstract\":\"" + abs + "\","
                + "\"resources\":[\"compute\"],\"claims\":[{\"text\":\"3x\",\"value\":3,\"unit\":\"x\",\"kind\":\"speedup\","
                + "\"resource\":\"compute\",\"start\":" + start + ",\"end\":" + (start + 2) + "},"
                + "{\"text\":\"four hours\",\"value\":4,\"unit\":\"other\",\"kind\":\"cost\",\"resource\":\"compute\","
                + "\"start\":0,\"end\":4}]}";
        Path file = dir.resolve("set.jsonl");
        Files.writeString(file, line + "\n");
        String out = run("--labelled", file.toString());
        String dev = out.lines().filter(l -> l.startsWith("dev ")).findFirst().orElseThrow();
        assertTrue(dev.contains("1.000 / 1.000 / 1.000 (1/1/1)"), dev);
        assertTrue(dev.contains("1.000 / 0.500 / 0.667 (1/1/2)"), dev);
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{not json\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new LensEvalCommand());
        cmd.setErr(new PrintWriter(err));
        assertNotEquals(0, cmd.execute("--labelled", file.toString()));
        assertTrue(err.toString().contains("line 1"), err.toString());
    }
}
