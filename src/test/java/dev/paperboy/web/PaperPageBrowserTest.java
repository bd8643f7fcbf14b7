package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The paper page's Cite section in a real headless Chromium: copying the BibTeX, with JavaScript and without. */
@Tag("browser")
class PaperPageBrowserTest {

    @RegisterExtension
    static final BrowserSite site = BrowserSite.withFixtures(2, "fixtures/web/five-papers.atom.xml");

    private static final String PAPER = "/papers/2511.04321";

    @Test
    void theCopyButtonPutsTheBibtexOnTheClipboard() {
        HeadlessChromium b = site.browser();
        String origin = site.url("");
        b.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        site.open(PAPER);
        String bibtex = b.driver().findElement(By.id("bibtex")).getText();
        assertTrue(bibtex.startsWith("@misc{"), bibtex);
        WebElement button = b.driver().findElement(By.cssSelector("button[data-copy-target=bibtex]"));
        assertTrue(button.isDisplayed(), "the script shows the button");

        button.click();
        WebElement status = b.driver().findElement(By.id("copy-status"));
        new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d -> !status.getText().isEmpty());
        assertEquals("Copied.", status.getText());
        Object clipboard = b.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERR ' + e));");
        assertEquals(site.app().app().papers().find("2511.04321").map(dev.paperboy.cite.BibTex::entry).orElseThrow(),
                clipboard);
        // The favicon is the page shell's; this test is about the copy script.
        assertEquals(List.of(), b.drainConsoleErrors().stream().filter(m -> !m.contains("favicon.ico")).toList());
    }

    @Test
    void withoutJavaScriptTheBibtexIsThereToSelectAndNoDeadButtonShows() {
        HeadlessChromium b = site.browser();
        b.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            site.open(PAPER);
            assertTrue(b.driver().findElement(By.id("bibtex")).getText().startsWith("@misc{"));
            assertFalse(b.driver().findElement(By.cssSelector("button[data-copy-target=bibtex]")).isDisplayed());
            assertTrue(b.driver().findElement(By.linkText("BibTeX file")).isDisplayed());
        } finally {
            b.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    @Test
    void thePaperPageFitsAPhone() {
        HeadlessChromium b = site.browser();
        b.asPhone(390, 844, () -> {
            site.open(PAPER);
            assertTrue(b.driver().findElement(By.id("bibtex")).isDisplayed());
            long inner = b.evaluateLong("window.innerWidth");
            long scroll = b.evaluateLong("document.documentElement.scrollWidth");
            assertTrue(scroll <= inner, "scrollWidth " + scroll + " > innerWidth " + inner);
        });
    }
}
