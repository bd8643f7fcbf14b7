package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TexTest {

    @Test
    void accentsWithAndWithoutBracesBecomeUnicode() {
        assertEquals("Måns Magnusson", Tex.toUnicode("M{\\aa}ns Magnusson"));
        assertEquals("Béla Bollobás", Tex.toUnicode("B\\'ela Bollob\\'as"));
        assertEquals("Gödel Schrödinger Müller", Tex.toUnicode("G\\\"odel Schr{\\\"o}dinger M\\\"{u}ller"));
        assertEquals("à ô ñ ā ż ğ č ő ç ę ů", Tex.toUnicode("\\`a \\^o \\~n \\=a \\.z \\u{g} \\v{c} \\H{o} \\c{c} \\k{e} \\r{u}"));
        assertEquals("Erdős Čech Ševčík", Tex.toUnicode("Erd\\H{o}s \\v{C}ech \\v Sev\\v{c}\\'{\\i}k"));
        assertEquals("Díaz Jiménez", Tex.toUnicode("D\\'{\\i}az Jim{\\'e}nez"));
    }

    @Test
    void letterCommandsBecomeTheirLetters() {
        assertEquals("Ångström Søren Jørgensen Weiß æ Œuvre Paweł Łukasz", Tex.toUnicode(
                "{\\AA}ngstr\\\"om S{\\o}ren J\\o rgensen Wei{\\ss} \\ae{} {\\OE}uvre Pawe\\l{} \\L ukasz"));
    }

    @Test
    void escapesAndFormattingBecomePlainText() {
        assertEquals("Fast & Cheap: 50% of the_cost #1", Tex.toUnicode("Fast \\& Cheap: 50\\% of the\\_cost \\#1"));
        assertEquals("BERT: a Study of fine-tuning", Tex.toUnicode("{BERT}: a \\emph{Study} of \\textit{fine-tuning}"));
    }

    @Test
    void mathAndUnknownCommandsAreLeftAsWritten() {
        assertEquals("Graphs with $\\alpha$-Stable Degrees", Tex.toUnicode("Graphs with $\\alpha$-Stable Degrees"));
        assertEquals("$$\\mathcal{O}(n^{2})$$ and \\(x_{i}\\)", Tex.toUnicode("$$\\mathcal{O}(n^{2})$$ and \\(x_{i}\\)"));
        assertEquals("Price $5 and \\unknown{arg} stays", Tex.toUnicode("Price \\$5 and \\unknown{arg} stays"));
        assertEquals("Ca$h {unclosed", Tex.toUnicode("Ca$h {unclosed"));
        assertEquals("Jean--Pierre -- a dash", Tex.toUnicode("Jean--Pierre -- a dash"));
    }

    @Test
    void textWithoutBackslashOrBraceIsReturnedAsItIs() {
        String plain = "Attention Is All You Need";
        assertSame(plain, Tex.toUnicode(plain));
        Paper p = Paper.builder("2401.00001").title(plain).authors(List.of(new Author("Ada Lovelace"))).build();
        assertSame(p, Tex.namesToUnicode(p));
    }

    @Test
    void aPaperHasItsTitleNamesAndAffiliationsConverted() {
        Paper p = Paper.builder("2401.00001").title("On Erd\\H{o}s' Problem")
                .authors(List.of(new Author("P\\'eter Erd\\H{o}s", List.of("Universit\\'e de Montr\\'eal"))))
                .abstractText("Keeps \\'e in the abstract.").build();
        Paper q = Tex.namesToUnicode(p);
        assertEquals("On Erdős' Problem", q.title());
        assertEquals(List.of(new Author("Péter Erdős", List.of("Université de Montréal"))), q.authors());
        assertEquals("Keeps \\'e in the abstract.", q.abstractText());
    }
}
