package dev.paperboy.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CleanTextTest {
    @Test
    void latexCommandsBecomeTheirSymbols() {
        assertEquals("~2x and 40× and 96.1% and 3.1→4.2",
                CleanText.of("$\\sim$2x and 40\\times and 96.1\\% and 3.1$\\rightarrow$4.2").text);
    }

    @Test
    void wrappersKeepTheirArgument() {
        assertEquals("the STR-GRPO method", CleanText.of("the \\textbf{STR-GRPO} method").text);
    }

    @Test
    void dollarAmountsSurviveMathDetection() {
        assertEquals("costs $5-$20 and 1.3B", CleanText.of("costs $5-$20 and $1.3$B").text);
    }

    @Test
    void mathWithAUnitInsideIsNotMoney() {
        assertEquals("captured at 30 FPS, and ~24K frames", CleanText.of("captured at $30 FPS$, and ${\\sim}24K$ frames").text);
    }

    @Test
    void whitespaceRunsCollapseAndOffsetsMapBack() {
        String in = "a\n  b\\%";
        CleanText c = CleanText.of(in);
        assertEquals("a b%", c.text);
        assertEquals(4, c.inputStart(2));
        assertEquals(in.length(), c.inputEnd(4));
    }
}
