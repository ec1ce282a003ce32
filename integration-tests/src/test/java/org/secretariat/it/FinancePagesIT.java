package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The finance pages in a real browser (Debian's Chromium, headless, through its chromedriver) against
 * the distribution started with {@code bin/secretariat}, the finance module and both formulas
 * installed over REST. A Director runs the scale formula's worked example as a dry run on the
 * Assessments page, sees every share before Save appears, and saves it; the Contributions page draws
 * its charts (SVG and the figures' table) and records a receipt; on the Budgets page a draft is
 * created, refused when someone else changed it meanwhile (409), proposed and approved, and once an
 * expenditure is recorded shows its budget against actual (table, totals and chart); the home page's
 * card shows the year's contributions; the annual report shows them and the approved budget, and
 * offers its PDF and CSV; with contacts and meetings installed, a meeting's costs are assessed on the
 * states that took part; the Spanish page formats its figures the Spanish way; a
 * Specialist is offered neither Approve nor Save. Every page is checked with axe-core and the console
 * stays free of errors. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinancePagesIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String DIRECTOR = "director-finance";
    private static final String SPECIALIST = "specialist-finance";
    private static final String PASSWORD = "finance pages password 2";
    private static final int YEAR = Year.now().getValue();

    private int port;
    private Distribution platform;
    private Http admin;
    private StaffBrowser staff;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("finance-pages-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        for (String module : List.of("finance", "formula-scale", "formula-equal")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
        newUser(DIRECTOR, "Finance Director", "DIRECTOR");

        base = "http://127.0.0.1:" + port;
        staff = StaffBrowser.start(folder.resolve("browser-profile"));
        browser = staff.driver;
        wait = staff.wait;

        browser.get(base + "/app/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(DIRECTOR);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=assessments]")));
    }

    @AfterAll
    void stop() throws Exception {
        if (staff != null) {
            staff.close();
        }
        if (platform != null) {
            platform.terminate();
        }
    }

    @Test
    @Order(1)
    void theWorkedExampleIsShownAsADryRunBeforeTheDirectorSavesIt() throws Exception {
        navigate("assessments");
        Select formula = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] select[name=formula]"))));
        assertEquals("scale", formula.getFirstSelectedOption().getAttribute("value"), "the default formula is preselected");
        assertEquals(List.of("equal", "scale"), formula.getOptions().stream().map(o -> o.getAttribute("value")).sorted().collect(Collectors.toList()),
                "the installed formulas are offered");
        formula.selectByValue("scale");
        field("assessments", "year").clear();
        field("assessments", "year").sendKeys(String.valueOf(YEAR));
        field("assessments", "amount").sendKeys("100000");
        field("assessments", "ceiling").sendKeys("40");
        field("assessments", "floor").sendKeys("1");
        browser.findElement(By.cssSelector(".page[data-page=assessments] textarea[name=rates]"))
                .sendKeys("A 4.000\nB 1.000\nC 0.500\nD 0.010\nE 0.001");
        assertTrue(browser.findElements(By.cssSelector(".page[data-page=assessments] button.save-assessment")).isEmpty(), "no Save before a dry run");
        browser.findElement(By.cssSelector(".page[data-page=assessments] form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] .dry-run table")));
        assertEquals(List.of("40,000.00", "38,666.67", "19,333.33", "1,000.00", "1,000.00"), texts(".page[data-page=assessments] .dry-run .share-amount"));
        assertEquals("100,000.00", browser.findElement(By.cssSelector(".page[data-page=assessments] .dry-run .share-total")).getText());
        String table = browser.findElement(By.cssSelector(".page[data-page=assessments] .dry-run table")).getText();
        assertTrue(table.contains("ceiling 40 % (round 1)") && table.contains("38.666667"), table);
        assertEquals("[]", admin.get("/api/finance/assessments").body.replaceAll("\\s", ""), "a dry run saves nothing");
        staff.screenshot("finance-01-assessment-dry-run");
        staff.assertAccessible("assessment dry run");

        click(By.cssSelector(".page[data-page=assessments] button.save-assessment"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=assessments] h1"), "Assessment " + YEAR));
        assertEquals(List.of("40,000.00", "38,666.67", "19,333.33", "1,000.00", "1,000.00"), texts(".page[data-page=assessments] .share-amount"),
                "the saved assessment as it was shown");
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=assessments]")).getText().contains("Saved by " + DIRECTOR));
        staff.screenshot("finance-02-assessment-saved");
        staff.assertAccessible("saved assessment");

        navigate("assessments");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] a.assessment-link")));
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void theContributionsPageDrawsTheStatusChartsAndRecordsAReceipt() throws Exception {
        navigate("contributions");
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=contributions] .status-chart svg.chart")));
        assertEquals("States by status, " + YEAR, chart.getAttribute("aria-label"));
        assertEquals(4, browser.findElements(By.cssSelector(".page[data-page=contributions] .status-chart svg rect.bar")).size(),
                "one bar per status: paid, partly paid, unpaid, not assessed");
        assertEquals("100,000.00", figure("assessed"));
        assertEquals("100,000.00", figure("outstanding"));
        assertTrue(hiddenTable(".status-chart").contains("Unpaid 5"), hiddenTable(".status-chart"));
        assertTrue(hiddenTable(".received-chart").contains("Outstanding 100000"), hiddenTable(".received-chart"));
        staff.screenshot("finance-03-contributions");
        staff.assertAccessible("contributions");

        click(By.cssSelector(".page[data-page=contributions] button.record-receipt[data-who=B]"));
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=contributions] .receipt input[name=amount]")));
        amount.sendKeys("10000");
        browser.findElement(By.cssSelector(".page[data-page=contributions] .receipt input[name=reference]")).sendKeys("BANK-1");
        browser.findElement(By.cssSelector(".page[data-page=contributions] .receipt button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=contributions] [data-figure=received] strong"), "10,000.00"));
        assertEquals("90,000.00", figure("outstanding"));
        wait.until(d -> hiddenTable(".status-chart").contains("Partly paid 1"));
        assertTrue(hiddenTable(".status-chart").contains("Unpaid 4"), hiddenTable(".status-chart"));
        assertTrue(hiddenTable(".received-chart").contains("Received 10000") && hiddenTable(".received-chart").contains("Outstanding 90000"),
                hiddenTable(".received-chart"));
        String arrears = browser.findElement(By.cssSelector(".page[data-page=contributions] tr.arrears-total")).getText().replaceAll("\\s+", " ");
        assertEquals("Total 90,000.00 0.00 0.00 0.00 90,000.00", arrears, "this year's outstanding, none older");
        staff.screenshot("finance-04-contributions-receipt");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void aScaleIsCheckedThenImportedAndAnEarmarkedContributionAdded() throws Exception {
        navigate("contributions");
        WebElement summary = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[@data-page='contributions']//summary[text()='Import a scale (CSV)']")));
        summary.click();
        WebElement form = summary.findElement(By.xpath("./following-sibling::form"));
        Path bad = Files.createTempFile("scale-", ".csv");
        Files.writeString(bad, "state,rate\nA,4.000\nB,four\n");
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement badLines = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=contributions] .import-report table")));
        assertTrue(badLines.getText().replaceAll("\\s+", " ").startsWith("Lines with errors Line Field Error 3 rate"), badLines.getText());
        WebElement fileError = form.findElement(By.cssSelector(".field-error:not([hidden])"));
        assertEquals("1 line(s) have errors; nothing was imported", fileError.getText(), "the API's refusal beside the file field");
        assertEquals("[]", admin.get("/api/finance/scales/rates?year=" + YEAR).body.replaceAll("\\s", ""), "nothing imported");

        Path good = Files.createTempFile("scale-", ".csv");
        Files.writeString(good, "state,rate\nA,4.000\nB,1.000\n");
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(good.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=contributions] .import-report"), "2 rates checked: no error"));
        assertEquals("[]", admin.get("/api/finance/scales/rates?year=" + YEAR).body.replaceAll("\\s", ""), "a check imports nothing");
        form.findElement(By.cssSelector("input[type=checkbox][name=apply]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//div[@data-page='contributions']//h2[starts-with(., 'Scale of assessment')]/following-sibling::table"),
                YEAR + "–" + (YEAR + 2)));
        String scale = browser.findElement(By.xpath("//div[@data-page='contributions']//h2[starts-with(., 'Scale of assessment')]/following-sibling::table")).getText();
        assertTrue(scale.contains("A 4.000") && scale.contains("B 1.000"), scale);

        WebElement pledge = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[@data-page='contributions']//summary[text()='Add a voluntary or earmarked contribution']")));
        pledge.click();
        WebElement pledgeForm = pledge.findElement(By.xpath("./following-sibling::form"));
        new Select(pledgeForm.findElement(By.name("kind"))).selectByValue("EARMARKED");
        pledgeForm.findElement(By.name("donor")).sendKeys("Example Foundation");
        pledgeForm.findElement(By.name("amount")).sendKeys("5000 francs");
        pledgeForm.findElement(By.name("purpose")).sendKeys("Victim assistance");
        pledgeForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement amountError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=contributions] details[open] .field-error:not([hidden])")));
        assertTrue(amountError.getText().startsWith("Type the amount as a plain number"), amountError.getText());
        pledgeForm.findElement(By.name("amount")).clear();
        pledgeForm.findElement(By.name("amount")).sendKeys("5000");
        pledgeForm.findElement(By.cssSelector("button[type=submit]")).click();
        String row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@data-page='contributions']//td[text()='Example Foundation']/..")))
                .getText();
        assertTrue(row.contains("Earmarked") && row.contains("CHF 5,000.00") && row.contains("Victim assistance"), row);
        staff.screenshot("finance-05-scale-and-pledge");
        staff.assertAccessible("contributions with the import report");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void theHomePageCardShowsThisYearsContributionsReceivedAgainstAssessed() throws Exception {
        navigate("");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".dashboard-card[data-card=contributions-year] [data-figure=received] strong"), "10,000.00"));
        String card = browser.findElement(By.cssSelector(".dashboard-card[data-card=contributions-year]")).getText();
        assertTrue(card.contains("received of 100,000.00 CHF assessed") && card.contains("10 % of the " + YEAR + " assessment is received"), card);
        staff.screenshot("finance-05-home-card");
        staff.assertAccessible("home with the finance card");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void aBudgetIsDraftedRefusedWhenChangedMeanwhileProposedAndApproved() throws Exception {
        navigate("budgets");
        click(By.cssSelector(".page[data-page=budgets] button.new-budget"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .card form")));
        form.findElement(By.name("title")).sendKeys("Work plan and budget " + YEAR);
        fillLine(form, 0, "1", "Staff", "420000");
        form.findElement(By.cssSelector("button.add-line")).click();
        fillLine(form, 1, "2", "Travel", "35000.50");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=budgets] h1"), "Work plan and budget " + YEAR));
        assertEquals("455,000.50", browser.findElement(By.cssSelector(".page[data-page=budgets] .budget-total")).getText());
        assertTrue(browser.findElements(By.cssSelector(".page[data-page=budgets] button.approve")).isEmpty(), "a draft is not approved");
        staff.screenshot("finance-06-budget-draft");
        staff.assertAccessible("budget draft");

        // Someone else saves the draft while it is open here: saving the page's copy is refused, nothing is overwritten.
        String id = browser.getCurrentUrl().replaceAll(".*#/budgets/", "");
        int version = admin.get("/api/finance/budgets/" + id).json.get("version").asInt();
        Http.Answer other = admin.put("/api/finance/budgets/" + id, "{\"year\":" + YEAR + ",\"title\":\"Changed meanwhile\",\"version\":" + version + ","
                + "\"lines\":[{\"code\":\"1\",\"title\":\"Staff\",\"amount\":420000},{\"code\":\"2\",\"title\":\"Travel\",\"amount\":35000.50}]}");
        assertEquals(200, other.status, other::toString);
        browser.findElement(By.cssSelector(".page[data-page=budgets] .budget-workflow summary")).click();
        WebElement edit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .budget-workflow form")));
        edit.findElement(By.name("title")).sendKeys(" (revised)");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .budget-workflow .form-error:not([hidden])")));
        assertTrue(conflict.getText().startsWith("Someone changed this budget since you opened it"), conflict.getText());
        assertTrue(admin.get("/api/finance/budgets/" + id).body.contains("Changed meanwhile"), "the other change stays");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=budgets] h1"), "Changed meanwhile"));
        click(By.cssSelector(".page[data-page=budgets] button.propose"));
        click(By.cssSelector(".page[data-page=budgets] button.approve"));
        WebElement approved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .approved-by")));
        assertTrue(approved.getText().startsWith("Approved by " + DIRECTOR), approved.getText());
        assertTrue(admin.get("/api/finance/budgets/" + id).body.contains("\"status\":\"APPROVED\""));
        staff.screenshot("finance-07-budget-approved");

        // Spending recorded against the approved budget: the page shows it line by line, in the table and the chart.
        Http.Answer spent = admin.post("/api/finance/expenditure", "{\"spentOn\":\"" + LocalDate.now() + "\",\"line\":\"2\",\"amount\":5000.25,"
                + "\"description\":\"Mission to Geneva\",\"reference\":\"PAGES-1\"}");
        assertEquals(201, spent.status, spent::toString);
        browser.navigate().refresh();
        WebElement actuals = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .budget-actuals table.actuals-table")));
        assertEquals("Budget against actual", browser.findElement(By.cssSelector(".page[data-page=budgets] .budget-actuals h2")).getText());
        String travelLine = actuals.findElements(By.cssSelector("tbody tr")).get(1).getText().replaceAll("\\s+", " ");
        assertEquals("2 Travel 35,000.50 5,000.25 30,000.25 85.71", travelLine);
        String total = actuals.findElement(By.cssSelector("tfoot tr")).getText().replaceAll("\\s+", " ");
        assertEquals("Total 455,000.50 5,000.25 450,000.25 98.90", total);
        assertEquals(4, browser.findElements(By.cssSelector(".page[data-page=budgets] .budget-actuals svg.chart rect.bar")).size(), "budget and actual of 2 lines");
        String chart = chartFigures(".page[data-page=budgets] .budget-actuals .actuals-chart");
        assertTrue(chart.contains("2 budget 35000.5") && chart.contains("2 actual 5000.25") && chart.contains("1 actual 0"), chart);
        staff.screenshot("finance-07b-budget-against-actual");
        staff.assertAccessible("budget against actual");

        // A commitment on the travel line (finance 1.2, e.g. a consultant's fee): the line shows it and what is left.
        Http.Answer committed = admin.post("/api/finance/commitments", "{\"year\":" + YEAR + ",\"line\":\"2\",\"amount\":10000,"
                + "\"reference\":\"pages-1\",\"description\":\"Consultant's fee\"}");
        assertEquals(201, committed.status, committed::toString);
        browser.navigate().refresh();
        WebElement commitments = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .budget-commitments table")));
        assertEquals("2 Travel 35,000.50 5,000.25 10,000.00 20,000.25", commitments.findElements(By.cssSelector("tbody tr")).get(1).getText()
                .replaceAll("\\s+", " "), "budget, actual, committed, available");
        String listed = browser.findElements(By.cssSelector(".page[data-page=budgets] .budget-commitments table")).get(1).getText();
        assertTrue(listed.contains("pages-1") && listed.contains("Consultant's fee") && listed.contains("Open"), listed);
        staff.screenshot("finance-07c-budget-commitments");
        staff.assertAccessible("budget commitments");

        // An approved budget never changes: a change is the next revision, drafted from it.
        browser.findElement(By.cssSelector(".page[data-page=budgets] .new-revision summary")).click();
        WebElement revision = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .new-revision form")));
        WebElement travel = revision.findElements(By.cssSelector("tr.budget-line")).get(1).findElement(By.name("amount"));
        travel.clear();
        travel.sendKeys("40000");
        revision.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=budgets] .counts"), "revision 2"));
        assertEquals("460,000.00", browser.findElement(By.cssSelector(".page[data-page=budgets] .budget-total")).getText());
        assertTrue(admin.get("/api/finance/budgets/" + id).body.contains("\"status\":\"APPROVED\""), "revision 1 stays approved");

        navigate("budgets");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=budgets] table"), "Approved"));
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=budgets] table")).getText().contains("Draft"), "revision 2 is listed beside it");
        staff.assertAccessible("budgets");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void theAnnualReportShowsTheApprovedBudgetAndTheContributionsAndOffersItsDownloads() throws Exception {
        navigate("financial-report");
        WebElement budget = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=financial-report] [data-section=budget] table")));
        assertTrue(budget.getText().contains("Travel 35,000.50") && budget.getText().contains("455,000.50"), budget.getText());
        String contributions = browser.findElement(By.cssSelector(".page[data-page=financial-report] [data-section=contributions] table")).getText()
                .replaceAll("\\s+", " ");
        assertTrue(contributions.contains("B 38,666.67 10,000.00 28,666.67"), contributions);
        staff.screenshot("finance-08-report");
        staff.assertAccessible("annual report");
        for (String format : List.of("pdf", "csv")) {
            String href = browser.findElement(By.cssSelector(".page[data-page=financial-report] a.report-" + format)).getAttribute("href");
            Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done({status: r.status, type: r.headers.get('Content-Type')}));", href);
            assertEquals(200L, ((Number) answer.get("status")).longValue(), href);
            assertTrue(String.valueOf(answer.get("type")).startsWith(format.equals("pdf") ? "application/pdf" : "text/csv"), answer::toString);
        }
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(7)
    void theContributionsPageInSpanish() throws Exception {
        navigate("contributions");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".topbar .language select")))).selectByValue("es");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=contributions] h1"), "Contribuciones " + YEAR));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=contributions] [data-figure=assessed] strong"), "100.000,00"));
        assertTrue(hiddenTable(".status-chart").contains("Pagado en parte 1"), hiddenTable(".status-chart"));
        staff.screenshot("finance-09-contributions-spanish");
        new Select(browser.findElement(By.cssSelector(".topbar .language select"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".topbar button.logout"), "Log out"));
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(8)
    void aMeetingsCostsAreAssessedOnTheStatesThatTookPartOnceTheMeetingsModuleIsThere() throws Exception {
        for (String module : List.of("contacts", "meetings")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
        String type = ServedProfile.of(admin).mainMeetingType();
        Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"number\":14,\"title\":\"Fourteenth Meeting\","
                + "\"startDate\":\"" + YEAR + "-09-07\",\"endDate\":\"" + YEAR + "-09-10\",\"city\":\"Geneva\"}");
        assertEquals(201, created.status, created::toString);
        long meetingId = created.json.get("id").asLong();
        for (String state : List.of("NO", "AT")) {
            Http.Answer delegate = admin.post("/api/meetings/" + meetingId + "/participants", "{\"delegationKind\":\"STATE\",\"stateIso2\":\"" + state
                    + "\",\"familyName\":\"Delegate " + state + "\"}");
            assertEquals(201, delegate.status, delegate::toString);
            assertEquals(200, admin.put("/api/meetings/" + meetingId + "/participants/" + delegate.json.get("id").asLong(),
                    "{\"familyName\":\"Delegate " + state + "\",\"status\":\"APPROVED\",\"version\":1}").status);
        }

        navigate("assessments");
        browser.navigate().refresh();
        Select meeting = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] select[name=meeting]"))));
        meeting.selectByValue(String.valueOf(meetingId));
        new Select(browser.findElement(By.cssSelector(".page[data-page=assessments] select[name=formula]"))).selectByValue("equal");
        field("assessments", "amount").sendKeys("25000.01");
        browser.findElement(By.cssSelector(".page[data-page=assessments] form button[type=submit]")).click();
        WebElement shares = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] .dry-run table")));
        String text = shares.getText();
        assertTrue(text.contains("AT – Austria") && text.contains("NO – Norway") && text.contains("12,500.01") && text.contains("12,500.00"), text);
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=assessments] .dry-run")).getText().contains("Meeting: " + type + " 14 Fourteenth Meeting"));
        staff.screenshot("finance-10-meeting-dry-run");
        staff.assertAccessible("assessment of a meeting's costs");

        click(By.cssSelector(".page[data-page=assessments] button.save-assessment"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=assessments] h1"), "Costs of " + type + " 14 Fourteenth Meeting"));
        navigate("assessments");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//div[@data-page='assessments']//h2[text()='Saved assessments']/following-sibling::table"),
                type + " 14 Fourteenth Meeting"));
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(9)
    void aSpecialistIsOfferedNeitherApproveNorSave() throws Exception {
        newUser(SPECIALIST, "Finance Specialist", "SPECIALIST");
        Http.Answer draft = admin.post("/api/finance/budgets", "{\"year\":" + (YEAR + 1) + ",\"title\":\"Budget " + (YEAR + 1) + "\","
                + "\"lines\":[{\"code\":\"1\",\"title\":\"Staff\",\"amount\":1000}]}");
        assertEquals(201, draft.status, draft::toString);
        long id = draft.json.get("id").asLong();
        assertEquals(200, admin.post("/api/finance/budgets/" + id + "/propose", "").status);

        click(By.cssSelector(".topbar button.logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(SPECIALIST);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=budgets]")));

        navigate("budgets/" + id);
        WebElement workflow = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=budgets] .budget-workflow")));
        assertTrue(workflow.getText().contains("awaits the Director's approval"), workflow.getText());
        assertTrue(browser.findElements(By.cssSelector(".page[data-page=budgets] button.approve")).isEmpty(), "no Approve without finance.budget.approve");

        navigate("assessments");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] select[name=formula]"))))
                .selectByValue("equal");
        assertFalse(field("assessments", "ceiling").isDisplayed(), "the equal formula takes no parameters");
        field("assessments", "year").clear();
        field("assessments", "year").sendKeys(String.valueOf(YEAR + 1));
        field("assessments", "amount").sendKeys("1000");
        WebElement rates = browser.findElement(By.cssSelector(".page[data-page=assessments] textarea[name=rates]"));
        click(By.cssSelector(".page[data-page=assessments] button.fill-scale"));
        wait.until(d -> "A 4\nB 1".equals(rates.getAttribute("value")));
        rates.clear();
        rates.sendKeys("NO 1\nAT 1");
        browser.findElement(By.cssSelector(".page[data-page=assessments] form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=assessments] .dry-run table")));
        assertEquals(List.of("500.00", "500.00"), texts(".page[data-page=assessments] .dry-run .share-amount"));
        assertTrue(browser.findElements(By.cssSelector(".page[data-page=assessments] button.save-assessment")).isEmpty(), "no Save without finance.assessment.save");
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=assessments] .dry-run")).getText().contains("Only the Director saves an assessment."));
        staff.assertNoConsoleErrors();
    }

    /** A user who has already changed the first password, so the browser logs in straight to the app. */
    private void newUser(String username, String displayName, String role) throws Exception {
        Http.Answer created = admin.post("/api/platform/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\","
                + "\"roles\":[\"" + role + "\"],\"password\":\"first password 1\"}");
        assertEquals(201, created.status, created::toString);
        Http user = new Http(port);
        assertEquals(200, user.login(username, "first password 1").status);
        assertEquals(204, user.post("/api/platform/session/password",
                "{\"currentPassword\":\"first password 1\",\"newPassword\":\"" + PASSWORD + "\"}").status);
    }

    /**
     * Clicks a control once it can be. A notification (bottom right, gone after 6 s) may cover one low on
     * the page: as a user would, dismiss it, and scroll the control to the middle.
     */
    private void click(By control) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(control));
        for (WebElement dismiss : browser.findElements(By.cssSelector(".notifications .notification button"))) {
            if (dismiss.isDisplayed()) {
                dismiss.click();
            }
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void fillLine(WebElement form, int index, String code, String title, String amount) {
        WebElement line = form.findElements(By.cssSelector("tr.budget-line")).get(index);
        line.findElement(By.name("code")).sendKeys(code);
        line.findElement(By.name("title")).sendKeys(title);
        line.findElement(By.name("amount")).sendKeys(amount);
    }

    private WebElement field(String page, String name) {
        return browser.findElement(By.cssSelector(".page[data-page=" + page + "] input[name=" + name + "]"));
    }

    private List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    private String figure(String name) {
        return browser.findElement(By.cssSelector(".page[data-page=contributions] [data-figure=" + name + "] strong")).getText();
    }

    /** The figures' table of a chart, read as a screen reader gets it (it is visually hidden, so getText() would be empty). */
    private String hiddenTable(String chart) {
        return chartFigures(".page[data-page=contributions] " + chart);
    }

    /** The figures' table of the chart inside {@code selector}, as a screen reader gets it. */
    private String chartFigures(String selector) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("const t = document.querySelector(arguments[0]);"
                + " return t ? [...t.querySelectorAll('tr')].map(r => [...r.cells].map(c => c.textContent.trim()).join(' ')).join(' | ') : '';",
                selector + " table"));
    }

    private void navigate(String page) {
        browser.get(base + "/app/#/" + page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar")));
    }

    private String output() {
        try {
            return platform.output();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
