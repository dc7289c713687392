package luohu.channel.web;

import luohu.Assistant;
import luohu.TestAssistants;
import luohu.TestPaths;
import luohu.policy.Fact;
import luohu.policy.Pathway;
import luohu.policy.PolicyDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser: Debian's headless Chromium driven through /usr/bin/chromedriver (installed by
 * .ci/run; nothing here downloads a browser or a driver). Skipped only where that driver is absent.
 */
class WebBrowserTest {
    /** Debian's driver and browser; -Dluohu.chromedriver / -Dluohu.chromium name others (an unpacked copy, say). */
    static final Path DRIVER = Path.of(System.getProperty("luohu.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("luohu.chromium", "/usr/bin/chromium"));
    private static final String TOKEN = "browser-test-token-7d1e";

    private static Assistant assistant;
    private static WebServer server;
    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;
    /** Held so that the level stays set: Selenium warns when it has no DevTools bindings for this Chromium. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(DRIVER), "no " + DRIVER + ": install Debian's chromium and chromium-driver (.ci/run does)");
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium (.ci/run does)");
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        assistant = TestAssistants.fresh();
        server = new WebServer(assistant, TOKEN).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        // The driver and the browser are named explicitly, so Selenium Manager is never asked to find (or fetch) one.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        profile = Files.createTempDirectory("luohu-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=zh-CN");
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
        if (server != null) server.close();
        if (assistant != null) assistant.close();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A pathway's card text; the cards are redrawn on every change, so a stale one is looked up again. */
    private static String cardText(String pathway) {
        return waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#outcomes .pathway[data-pathway='" + pathway + "']")).getText());
    }

    private static void clickCard(String pathway) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#outcomes .pathway[data-pathway='" + pathway + "']")).click();
            return d.findElement(By.cssSelector("#outcomes .pathway[data-pathway='" + pathway + "']")).getAttribute("class").contains("selected");
        });
    }

    private static void waitForStatus(String pathway, String status) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> c = d.findElements(By.cssSelector("#outcomes .pathway[data-pathway='" + pathway + "']"));
            return !c.isEmpty() && c.get(0).getAttribute("class").contains("status-" + status);
        });
    }

    @Test
    void chooseAPlaceFillFactsSeeTheEligiblePathwayItsMaterialsAndPrintThem() throws IOException {
        driver.manage().window().setSize(new Dimension(1440, 1000));
        driver.get(base + "/?token=" + TOKEN);
        // the token leaves the address bar; the cookie carries it from here on
        waiting().until(d -> !d.getCurrentUrl().contains("token="));
        waiting().until(d -> d.findElements(By.cssSelector("#place option")).size() > 5);

        new Select(driver.findElement(By.id("place"))).selectByValue("二连浩特市");
        waitForStatus("erl-own-home", "undetermined");
        assertTrue(driver.findElement(By.id("doc-info")).getText().contains("审议稿"));
        // the form is generated from the vocabulary: a select, radios and a number box
        assertTrue(cardText("erl-own-home").contains("住房"), cardText("erl-own-home"));
        new Select(driver.findElement(By.id("f-housing"))).selectByValue("own");
        new Select(driver.findElement(By.id("f-local_relative"))).selectByValue("none");
        driver.findElement(By.id("f-military_family-false")).click();
        driver.findElement(By.id("show-all-facts")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("f-age")));
        driver.findElement(By.id("f-age")).sendKeys("35");

        waitForStatus("erl-own-home", "eligible");
        waitForStatus("erl-relatives", "not_eligible");
        waitForStatus("erl-military-family", "not_eligible");
        assertTrue(cardText("erl-relatives").contains("一（二）2"), cardText("erl-relatives"));
        waitForStatus("erl-employment", "undetermined");
        assertTrue(cardText("erl-employment").contains("还需要了解"), cardText("erl-employment"));

        clickCard("erl-own-home");
        waiting().until(d -> d.findElements(By.cssSelector("#materials li")).size() == 2);
        String checklist = driver.findElement(By.id("checklist")).getText();
        assertTrue(checklist.contains("房屋所有权证明或房地产管理部门备案的商品房买卖合同（网签合同）或不动产电子证"), checklist);
        assertTrue(checklist.contains("随迁人员"), checklist);
        assertTrue(checklist.contains("审议稿"), checklist);
        driver.findElement(By.cssSelector("#materials li input[type=checkbox]")).click();
        screenshot(Path.of("target", "web-console.png"));

        String console = driver.getWindowHandle();
        driver.findElement(By.id("print")).click();
        waiting().until(d -> d.getWindowHandles().size() == 2);
        for (String h : driver.getWindowHandles()) if (!h.equals(console)) driver.switchTo().window(h);
        try {
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("printed")));
            String sheet = driver.findElement(By.id("sheet")).getText().replaceAll("\\s+", " ");
            LocalDate today = LocalDate.now();
            String date = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
            assertTrue(sheet.contains("落户申报材料清单") && sheet.contains("合法稳定住所落户（自有房屋落户）"), sheet);
            assertTrue(sheet.contains("☑ 1. 房屋所有权证明"), sheet);
            assertTrue(sheet.contains("☐ 2. 申请人及随迁人员户口簿原件"), sheet);
            assertTrue(sheet.contains("审议稿") && sheet.contains("打印日期") && sheet.contains(date), sheet);
            assertTrue(sheet.contains("一（二）1"), sheet);

            driver.manage().window().setSize(new Dimension(900, 1320));
            screenshot(Path.of("target", "web-print.png"));

            Pdf pdf = ((PrintsPage) driver).print(a4());
            byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
            Files.write(TestPaths.project().resolve("target/web-print.pdf"), bytes);
            assertEquals(1, pages(bytes), "the print view fills more than one A4 page");
        } finally {
            driver.close();
            driver.switchTo().window(console);
        }
    }

    /**
     * A citizen's pre-check code at the window: the clerk types it, the form fills with the place and the stated facts
     * marked 申请人自述，待核验, the chosen pathway's checklist shows, and the print notes the code's date on one A4 page.
     */
    @Test
    void aPreCheckCodeFillsTheFormAndItsPrintNotesTheCodesDate() throws IOException {
        Matcher m = Pattern.compile("预审码：(\\S{4}-\\S{4}-\\S{2})").matcher(issueCode());
        assertTrue(m.find());
        driver.manage().window().setSize(new Dimension(1440, 1000));
        driver.get(base + "/?token=" + TOKEN);
        waiting().until(d -> d.findElements(By.cssSelector("#place option")).size() > 5);
        driver.findElement(By.id("code")).sendKeys(m.group(1).toLowerCase());
        driver.findElement(By.id("code-open")).click();
        waiting().until(d -> d.findElement(By.id("code-info")).isDisplayed());
        assertTrue(driver.findElement(By.id("code-info")).getText().contains("申请人自述，待核验"));
        assertTrue(driver.findElement(By.id("code-info")).getText().contains("2026-11-22"));
        assertEquals("二连浩特市", new Select(driver.findElement(By.id("place"))).getFirstSelectedOption().getAttribute("value"));
        WebElement housing = driver.findElement(By.id("f-housing"));
        assertEquals("own", new Select(housing).getFirstSelectedOption().getAttribute("value"));
        assertTrue(driver.findElement(By.cssSelector(".fact[data-fact='housing']")).getAttribute("class").contains("stated"));
        waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("checklist")).getText().contains("房屋所有权证明"));
        driver.findElement(By.id("code-confirm")).click();
        assertTrue(driver.findElements(By.cssSelector(".fact.stated")).isEmpty(), "confirmed: no longer only the applicant's word");

        String console = driver.getWindowHandle();
        driver.findElement(By.id("print")).click();
        waiting().until(d -> d.getWindowHandles().size() == 2);
        for (String h : driver.getWindowHandles()) if (!h.equals(console)) driver.switchTo().window(h);
        try {
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("code-date")));
            String sheet = driver.findElement(By.id("sheet")).getText();
            assertTrue(sheet.contains("2026-11-22生成的预审码"), sheet);
            byte[] bytes = Base64.getDecoder().decode(((PrintsPage) driver).print(a4()).getContent());
            Files.write(TestPaths.project().resolve("target/web-precheck-print.pdf"), bytes);
            assertEquals(1, pages(bytes), "the print view fills more than one A4 page");
        } finally {
            driver.close();
            driver.switchTo().window(console);
        }
    }

    /** A conversation as a citizen has it (with the assistant the console uses), to the sheet and its code. */
    private static String issueCode() {
        assistant.reply("citizen", "我在二连浩特有自己的房子，想把户口迁过来");
        return assistant.reply("citizen", "生成预审单").text();
    }

    /**
     * Every pathway's checklist fits one A4 page, both with nothing known and with every fact at its lowest value
     * (which fails the most conditions, so the sheet lists the most reasons and registered facts).
     */
    @Test
    void everyPathwaysChecklistPrintsOnOneA4Page() throws IOException {
        driver.get(base + "/?token=" + TOKEN);
        java.util.Map<String, Object> lowest = new java.util.TreeMap<>();
        for (Fact f : TestAssistants.model().vocabulary().all()) {
            lowest.put(f.id(), switch (f.type()) {
                case BOOL -> false;
                case CHOICE, LEVEL -> f.valueIds().get(0);
                case MONTHS, YEARS -> 0;
            });
        }
        List<String> tooLong = new java.util.ArrayList<>();
        int printed = 0;
        for (PolicyDocument d : TestAssistants.model().documents()) {
            for (Pathway p : d.pathways()) for (java.util.Map<String, Object> facts : List.of(java.util.Map.<String, Object>of(), lowest)) {
                String request = WebClient.JSON.writeValueAsString(java.util.Map.of("place", d.rootPlace().name(), "pathway", p.id(), "facts", facts));
                driver.get("about:blank");
                driver.get(base + "/print.html#" + WebClient.q(request).replace("+", "%20"));
                waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("printed")));
                int pages = pages(Base64.getDecoder().decode(((PrintsPage) driver).print(a4()).getContent()));
                if (pages != 1) tooLong.add(p.id() + (facts.isEmpty() ? "" : " (lowest facts)") + ": " + pages + " pages");
                printed++;
            }
        }
        assertTrue(printed > 60, "printed " + printed);
        assertEquals(List.of(), tooLong);
    }

    /** What of the page is wider than its box: the page itself, or a pathway card (its citations, say). */
    private static List<String> overflowing() {
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const out = [];"
                        + "const root = document.documentElement;"
                        + "if (root.scrollWidth > window.innerWidth) out.push('page ' + root.scrollWidth + ' > ' + window.innerWidth);"
                        + "for (const c of document.querySelectorAll('#outcomes .pathway, #checklist, .col')) {"
                        + "  if (c.scrollWidth > c.clientWidth + 1) out.push((c.dataset.pathway || c.id || c.className) + ' ' + c.scrollWidth + ' > ' + c.clientWidth);"
                        + "}"
                        + "return out;");
        return wide;
    }

    private static String firstCard() {
        List<WebElement> cards = driver.findElements(By.cssSelector("#outcomes .pathway"));
        return cards.isEmpty() ? null : cards.get(0).getAttribute("data-pathway");
    }

    private static void pickPlace(String prefix) {
        WebElement select = driver.findElement(By.id("place"));
        String value = select.findElements(By.tagName("option")).stream().map(o -> o.getAttribute("value"))
                .filter(v -> v.startsWith(prefix)).findFirst().orElseThrow();
        String before = firstCard();
        new Select(select).selectByValue(value);
        // the cards of this place's document are drawn (each document's pathway ids have their own prefix)
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            String now = firstCard();
            return now != null && !now.equals(before);
        });
    }

    /**
     * At a phone's width (390 px) nothing is wider than the screen, citations included, and a pathway tapped brings
     * its checklist into view; on a desktop the citations stay inside their cards; the print view has a viewport.
     */
    @Test
    void atPhoneWidthNothingOverflowsAndATappedPathwaysChecklistComesIntoView() {
        driver.manage().window().setSize(new Dimension(1440, 1000));
        driver.get(base + "/?token=" + TOKEN);
        waiting().until(d -> d.findElements(By.cssSelector("#place option")).size() > 5);
        pickPlace("聊城");
        for (int width : new int[]{1440, 1280, 1100, 1024, 800}) {
            driver.manage().window().setSize(new Dimension(width, 1000));
            assertEquals(List.of(), overflowing(), "desktop " + width + " px, 聊城");
        }

        driver.manage().window().setSize(new Dimension(390, 844));
        for (String place : List.of("二连浩特", "喀什", "聊城")) {
            pickPlace(place);
            assertEquals(List.of(), overflowing(), "390 px, " + place);
        }
        WebElement card = driver.findElements(By.cssSelector("#outcomes .pathway")).get(0);
        String id = card.getAttribute("data-pathway");
        clickCard(id);
        waiting().until(d -> !d.findElements(By.cssSelector("#checklist h3")).isEmpty());
        waiting().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const r = document.getElementById('checklist').getBoundingClientRect();"
                        + "return r.top >= -1 && r.top < window.innerHeight / 2;"));
        assertEquals(List.of(), overflowing(), "390 px, checklist of " + id);

        driver.get(base + "/print.html");
        assertTrue(!driver.findElements(By.cssSelector("meta[name=viewport]")).isEmpty(), "the print view has a viewport");
        driver.manage().window().setSize(new Dimension(1440, 1000));
    }

    /** A4 paper without the driver's own margins: the page's @page rule sets them. */
    private static PrintOptions a4() {
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        a4.setPageMargin(new PageMargin(0, 0, 0, 0));
        a4.setBackground(true);
        return a4;
    }

    @Test
    void theChatPaneAndTheClauseBrowserWork() throws IOException {
        driver.get(base + "/?token=" + TOKEN);
        waiting().until(d -> d.findElements(By.cssSelector("#place option")).size() > 5);
        driver.findElement(By.id("tab-btn-chat")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#chat-log .msg.bot")).size() == 1);
        driver.findElement(By.id("chat-text")).sendKeys("我在赤峰租房两年了，能落户吗");
        driver.findElement(By.cssSelector("#chat-form button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#chat-log .msg.bot")).size() == 2);
        String reply = driver.findElements(By.cssSelector("#chat-log .msg.bot")).get(1).getText();
        assertTrue(reply.contains("赤峰"), reply);
        assertTrue(driver.findElement(By.cssSelector("#chat-log .msg.user")).getText().contains("租房两年"));
        screenshot(Path.of("target", "web-chat.png"));

        driver.findElement(By.id("tab-btn-clauses")).click();
        driver.findElement(By.id("clause-q")).sendKeys("随迁 子女 居住证");
        driver.findElement(By.cssSelector("#clause-form button")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#clause-results .clause")).isEmpty());
        WebElement first = driver.findElement(By.cssSelector("#clause-results .clause"));
        assertTrue(!first.findElements(By.tagName("mark")).isEmpty(), first.getText());
        assertTrue(first.getText().contains("出处："), first.getText());
        assertTrue(driver.findElement(By.id("clause-status")).getText().contains("居住证"));
        screenshot(Path.of("target", "web-clauses.png"));
    }

    private static void screenshot(Path file) throws IOException {
        Path target = TestPaths.project().resolve(file);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The number of pages of a PDF as Chromium writes it: its page tree's /Count, else its /Type /Page objects. */
    static int pages(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher tree = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b").matcher(s);
        if (tree.find()) return Integer.parseInt(tree.group(1) != null ? tree.group(1) : tree.group(2));
        Matcher page = Pattern.compile("/Type\\s*/Page\\b(?!s)").matcher(s);
        int n = 0;
        while (page.find()) n++;
        return n;
    }
}
