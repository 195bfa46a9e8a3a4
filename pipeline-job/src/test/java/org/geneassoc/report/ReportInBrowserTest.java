package org.geneassoc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.geneassoc.job.JobRunner;
import org.geneassoc.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report as a user sees it: opened from disk in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs), driven through Selenium. Skipped, saying so, where
 * no browser is installed. With {@code -Dreport.screenshot=PATH} it also saves the demo report's screenshot.
 */
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "skipped: no browser here (" + CHROMIUM + " and "
                + CHROMEDRIVER + ", Debian's chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDemosReportShowsEveryAssociationFiltersSortsAndMarksTheMentions(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        JobRunner.Result run = JobRunner.run("--input", "../samples/europepmc-sample.xml", "--output", out.toString(), "--report");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Path report = out.resolve(HtmlReport.FILE);
        assertThat(report).exists();

        // What the documents hold: the distinct (gene, disease) pairs, with the mention texts of their evidence.
        Map<String, JsonNode> pairs = new LinkedHashMap<>();
        Map<String, Set<String>> mentions = new HashMap<>();
        for (JsonNode doc : JobRunner.documents(out)) {
            for (JsonNode a : doc.get("associations")) {
                String key = a.at("/gene/entrezId").asText() + "\t" + a.at("/disease/id").asText();
                pairs.putIfAbsent(key, a);
                for (JsonNode e : a.get("evidence")) {
                    for (String kind : List.of("gene", "disease")) {
                        if (!e.path(kind).isNull() && !e.path(kind).isMissingNode()) {
                            mentions.computeIfAbsent(key + "\t" + kind, k -> new TreeSet<>()).add(e.at("/" + kind + "/text").asText());
                        }
                    }
                }
            }
        }
        assertThat(pairs).as("the demo names genes and diseases").isNotEmpty();

        open(report);
        List<WebElement> rows = rows();
        assertThat(rows).as("a table row per association in the documents").hasSize(pairs.size());

        String symbol = pairs.values().iterator().next().at("/gene/symbol").asText();
        long withSymbol = pairs.values().stream().filter(a -> a.at("/gene/symbol").asText().toLowerCase().contains(symbol.toLowerCase())).count();
        browser.findElement(By.id("filter-gene")).sendKeys(symbol);
        assertThat(rows()).as("filtered by " + symbol).hasSize((int) withSymbol)
                .allSatisfy(r -> assertThat(r.findElement(By.className("symbol")).getText()).containsIgnoringCase(symbol));
        browser.findElement(By.id("filter-gene")).clear();
        browser.executeScript("document.getElementById('filter-gene').dispatchEvent(new Event('input'))");
        assertThat(rows()).hasSize(pairs.size());

        browser.findElement(By.cssSelector("button[data-key=bestScore]")).click();
        List<Double> best = rows().stream().map(r -> Double.parseDouble(r.findElement(By.className("best")).getText())).toList();
        assertThat(best).as("sorted by best score, highest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        int marked = 0;
        for (WebElement row : rows()) {
            row.findElement(By.className("toggle")).click();
            WebElement details = row.findElement(By.xpath("following-sibling::tr[1]"));
            String gene = row.findElement(By.cssSelector("td.gene a")).getAttribute("href").replaceAll(".*/gene/", "");
            String key = pairs.keySet().stream().filter(k -> k.startsWith(gene + "\t")
                    && row.findElement(By.className("disease-name")).getText().equals(pairs.get(k).at("/disease/name").asText()))
                    .findFirst().orElseThrow();
            for (String kind : List.of("gene", "disease")) {
                for (WebElement mark : details.findElements(By.cssSelector("mark." + kind))) {
                    assertThat(mark.getText()).as("a marked " + kind + " is the mention it marks").isIn(mentions.get(key + "\t" + kind));
                    marked++;
                }
            }
            assertThat(details.findElements(By.cssSelector("a[href^='https://pubmed.ncbi.nlm.nih.gov/']"))).isNotEmpty();
        }
        assertThat(marked).as("mentions marked in the evidence").isGreaterThanOrEqualTo(pairs.size());

        String shot = System.getProperty("report.screenshot");
        assertNoConsoleErrorsAndNoRequestsOffThePage();
        if (shot != null) {
            browser.get(report.toUri().toString());
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1150));
            rows().get(0).findElement(By.className("toggle")).click();
            browser.executeScript("window.scrollTo(0, 0)");
            Files.write(Path.of(shot), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void articleTextShowsAsTextAndRunsNothing(@TempDir Path dir) throws Exception {
        String hostile = "<script>window.__pwned = 1</script> \"quoted\" <img src=x onerror=\"window.__pwned = 2\"> & </script>";
        Path folder = Files.createDirectories(dir.resolve("hostile"));
        Files.writeString(folder.resolve("part-00000.json"), HtmlReportTest.hostileDocument(hostile) + "\n");
        Path report = dir.resolve("report.html");
        Report.write(Report.fromFolder(SharedSpark.get(), folder.toString()), "<b>source</b>", null, null, report.toString(),
                ReportData.Limits.DEFAULT);

        open(report);
        List<WebElement> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).findElement(By.className("symbol")).getText()).isEqualTo(hostile.strip());
        rows.get(0).findElement(By.className("toggle")).click();
        assertThat(browser.findElement(By.cssSelector(".article strong")).getText()).isEqualTo(hostile.strip());
        assertThat(browser.findElement(By.id("source")).getText()).isEqualTo("<b>source</b>");
        assertThat(browser.findElement(By.cssSelector("blockquote.evidence")).getText()).contains(hostile.strip());
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.__pwned")).as("no article text ran").isEqualTo("undefined");
        assertThat(browser.findElements(By.tagName("img"))).as("no article text became an element").isEmpty();
        assertNoConsoleErrorsAndNoRequestsOffThePage();
    }

    private static void open(Path report) {
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(report.toUri().toString());
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#associations tbody tr.assoc"));
    }

    private static void assertNoConsoleErrorsAndNoRequestsOffThePage() throws Exception {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("console messages at SEVERE")
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).extracting(LogEntry::getMessage).isEmpty();
        List<String> requested = new java.util.ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JobRunner.JSON.readTree(e.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                requested.add(message.at("/params/request/url").asText());
            }
        }
        assertThat(requested).as("requests the page made").isNotEmpty()
                .allSatisfy(url -> assertThat(url).as("no request leaves the page").matches("^(file|data|about):.*"));
    }
}
