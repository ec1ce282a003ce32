package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff web app in a real browser (Debian's Chromium, headless, through its chromedriver)
 * against the distribution started with {@code bin/secretariat}, with the notes fixture module
 * available in an extra module repository. The scenarios run in order on one platform and one
 * browser: first login with the one-time password, navigation, module install and uninstall
 * through the admin page, the API's validation error beside its field, and injected markup shown
 * as text. Screenshots of the main pages go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffAppIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String NEW_PASSWORD = "browser-admin-password-1";
    private static final String SCRIPT_TEXT = "<img src=x onerror=\"window.injected=1\"><script>window.injected=2</script>";

    private Distribution platform;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String base;
    private Path screenshots;
    private Path data;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("staff-app-" + System.nanoTime()));
        String notesRepository = PlatformOptions.path("fixture.repositories").toString().split(",")[0];
        Path home = Distribution.copy(folder.resolve("secretariat"),
                Map.of("org.secretariat.modules.config", "repositories=[\"" + notesRepository.trim() + "\"]\n"));
        int port = PlatformOptions.freePort();
        data = folder.resolve("data");
        Map<String, String> environment = Distribution.environment(data, port);
        environment.remove("SECRETARIAT_ADMIN_PASSWORD"); // first start with a one-time password, as a new site does
        platform = Distribution.start(home, environment, folder.resolve("platform.log"));
        Http.Answer health = new Http(port).await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        base = "http://127.0.0.1:" + port;
        screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots", "target/screenshots")));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + Files.createDirectories(folder.resolve("browser-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        File driver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        assertTrue(driver.canExecute(), "ChromeDriver not found at " + driver + ": install Debian's chromium and chromium-driver (.ci/run does)");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.terminate();
        }
    }

    private String output() {
        try {
            return platform.output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    @Order(1)
    void firstLoginAsksForANewPasswordThenShowsTheApp() throws Exception {
        String oneTime = Files.readString(data.resolve("initial-admin-password")).trim();

        browser.get(base + "/app/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        screenshot("01-login");
        username.sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys("not the password");
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        WebElement loginError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main.login .form-error:not([hidden])")));
        assertFalse(loginError.getText().isBlank(), "a failed login says so");

        browser.findElement(By.name("password")).clear();
        browser.findElement(By.name("password")).sendKeys(oneTime);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();

        WebElement current = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("currentPassword")));
        screenshot("02-password-change");
        current.sendKeys(oneTime);
        browser.findElement(By.name("newPassword")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.name("repeat")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar")));
        assertFalse(browser.findElement(By.cssSelector(".topbar .user-name")).getText().isBlank(), "the user's name is shown");
        assertTrue(browser.findElement(By.cssSelector(".topbar .user-roles")).getText().contains("Administrator"));
        screenshot("03-home");
        assertNoBrowserErrors();
    }

    @Test
    @Order(2)
    void navigationShowsTheAdministrationPagesAndTheyRender() throws Exception {
        for (String page : List.of("users", "audit", "health", "mail", "tokens")) {
            navigate(page);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=" + page + "] h1")));
            wait.until(d -> !d.findElements(By.cssSelector(".page[data-page=" + page + "] table, .page[data-page=" + page + "] .empty")).isEmpty());
            screenshot("04-" + page);
            if (page.equals("audit")) {
                assertTrue(browser.findElement(By.cssSelector(".page[data-page=audit] table")).getText().contains("security.login"),
                        "the audit page lists the logins just made");
            }
        }
        assertNoBrowserErrors();
    }

    @Test
    @Order(2)
    void theApiReferencePageDrawsTheDescriptionWithSwaggerUiUnderTheCsp() throws Exception {
        navigate("api-reference");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=api-reference] .swagger-ui .opblock")));
        String drawn = browser.findElement(By.cssSelector(".page[data-page=api-reference] .swagger-ui")).getText();
        assertTrue(drawn.contains("/platform/users/{id}") && drawn.contains("Secretariat API"), () -> "Swagger UI drew: " + drawn);
        screenshot("04-api-reference");
        assertNoBrowserErrors();
    }

    @Test
    @Order(3)
    void installingAModuleFromTheAdminPageAddsItsMenuEntry() throws Exception {
        assertTrue(browser.findElements(By.cssSelector("nav.sidebar a[data-page=notes]")).isEmpty(), "notes is not installed yet");
        runModuleOperation("install", "notes", "05-modules-install-plan");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=notes]")));
        screenshot("06-modules-installed");
    }

    @Test
    @Order(4)
    void aFormShowsTheApiValidationErrorNextToTheField() throws Exception {
        navigate("notes");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=notes] textarea[name=text]")));
        text.sendKeys("x".repeat(201));
        browser.findElement(By.cssSelector(".page[data-page=notes] button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=notes] .field-error:not([hidden])")));
        assertEquals("text is at most 200 characters", error.getText(), "the API's own message, beside the field");
        assertEquals("true", text.getAttribute("aria-invalid"));
        assertTrue(text.getAttribute("aria-describedby").contains(error.getAttribute("id")), "the message is tied to the field for screen readers");
        screenshot("07-notes-validation");
    }

    @Test
    @Order(5)
    void scriptInjectedIntoATextFieldIsShownAsText() throws Exception {
        navigate("notes");
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=notes] textarea[name=text]")));
        text.clear();
        text.sendKeys(SCRIPT_TEXT);
        browser.findElement(By.cssSelector(".page[data-page=notes] button[type=submit]")).click();
        WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@data-page='notes']//table//td[contains(., 'onerror')]")));
        assertEquals(SCRIPT_TEXT, cell.getText(), "the markup is shown as typed");
        assertTrue(browser.findElements(By.cssSelector(".page[data-page=notes] table img, .page[data-page=notes] table script")).isEmpty(),
                "no element was made from the text");
        Object injected = ((JavascriptExecutor) browser).executeScript("return window.injected === undefined ? null : window.injected;");
        assertEquals(null, injected, "the injected script never ran");
        screenshot("08-notes-escaped");
        assertNoBrowserErrors();
    }

    @Test
    @Order(6)
    void uninstallingTheModuleRemovesItsMenuEntryAndInstallingBringsItBackWithItsData() throws Exception {
        runModuleOperation("uninstall", "notes", "09-modules-uninstall-plan");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar")));
        assertTrue(browser.findElements(By.cssSelector("nav.sidebar a[data-page=notes]")).isEmpty(), "the menu entry left with the module");

        runModuleOperation("install", "notes", null);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=notes]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@data-page='notes']//table//td[contains(., 'onerror')]")));
    }

    @Test
    @Order(7)
    void theLanguageSwitchTranslatesTheShell() throws Exception {
        navigate("");
        Select language = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".topbar .language select"))));
        language.selectByValue("fr");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".topbar button.logout"), "Se déconnecter"));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector("nav.sidebar")).getText().contains("Utilisateurs"), "module labels follow the language");
        screenshot("10-home-french");
        new Select(browser.findElement(By.cssSelector(".topbar .language select"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".topbar button.logout"), "Log out"));
    }

    @Test
    @Order(8)
    void theStatesPageOfTheContactsModuleSetsAStatusAndShowsEntryIntoForce() throws Exception {
        runModuleOperation("install", "contacts", null);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=states]"))).click();
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=states] input[name=q]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=states] a.state-link")));
        screenshot("11-states");
        search.sendKeys("France");
        browser.findElement(By.cssSelector(".page[data-page=states] form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".page[data-page=states] a.state-link"), 1)).get(0).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=states] select[name=status]")));
        new Select(status).selectByValue("STATE_PARTY");
        WebElement deposit = browser.findElement(By.cssSelector(".page[data-page=states] input[name=depositDate]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2011-03-15'", deposit);
        WebElement save = browser.findElement(By.xpath("//div[@data-page='states']//select[@name='status']/ancestor::form//button[@type='submit']"));
        save.click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=states] .field-error:not([hidden])")));
        assertTrue(error.getText().contains("instrument"), error.getText());
        WebElement instrument = browser.findElement(By.cssSelector(".page[data-page=states] select[name=instrument]"));
        assertEquals("true", instrument.getAttribute("aria-invalid"), "the API named the instrument field");

        new Select(instrument).selectByValue("RATIFICATION");
        save.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=states] [data-field=entryIntoForce]"), "2011-09-01"));
        screenshot("12-state-france");
    }

    @Test
    @Order(9)
    void aGroupIsMadeFromTheContactsPagesAndAMailingToItTriedFirst() throws Exception {
        // A person with consent, then a list of people holding them.
        navigate("people");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=people] .toolbar button.primary"))).click();
        WebElement familyName = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=people] .card input[name=familyName]")));
        browser.findElement(By.cssSelector(".page[data-page=people] .card input[name=givenName]")).sendKeys("Marie");
        familyName.sendKeys("Dupont");
        browser.findElement(By.cssSelector(".page[data-page=people] .card input[name=email]")).sendKeys("marie@example.org");
        new Select(browser.findElement(By.cssSelector(".page[data-page=people] .card select[name=language]"))).selectByValue("fr");
        browser.findElement(By.cssSelector(".page[data-page=people] .card input[name=consent]")).click();
        browser.findElement(By.cssSelector(".page[data-page=people] .card button[type=submit]")).click();
        WebElement firstId = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=people] .paged-table tbody tr td")));
        String personId = firstId.getText().trim();

        navigate("groups");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=groups] .toolbar button.primary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=groups] .card select[name=type]")));
        browser.findElement(By.cssSelector(".page[data-page=groups] .card button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=groups] .card input[name=name]"))).sendKeys("Workshop invitees");
        browser.findElement(By.cssSelector(".page[data-page=groups] .card button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@data-page='groups']//h1[text()='Workshop invitees']")));
        WebElement personIds = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=groups] input[name=personIds]")));
        personIds.sendKeys(personId);
        personIds.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@data-page='groups']//td[text()='Marie Dupont']")));
        screenshot("12a-group");
        List<String> groupPage = accessibilityViolations();
        assertTrue(groupPage.isEmpty(), () -> "axe-core WCAG violations on a group's page: " + groupPage);

        // Write to it: the dry run says who would get it; the platform's mail service is there, so no warning.
        browser.findElement(By.xpath("//div[@data-page='groups']//div[@class='toolbar']/button[contains(@class,'primary')]")).click();
        WebElement subject = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=mailings] input[name='texts.en.subject']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=mailings] select[name=groupId]"), "Workshop invitees"));
        subject.sendKeys("Workshop in June");
        browser.findElement(By.cssSelector(".page[data-page=mailings] textarea[name='texts.en.body']")).sendKeys("The workshop takes place in Geneva.");
        browser.findElement(By.cssSelector(".page[data-page=mailings] form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@data-page='mailings']//td[text()='Marie Dupont']")));
        String tried = browser.findElement(By.cssSelector(".page[data-page=mailings]")).getText();
        assertTrue(tried.contains("1 recipient(s)"), tried);
        assertFalse(tried.contains("mail service is not running"), tried);
        screenshot("12b-mailing-dry-run");
        List<String> dryRun = accessibilityViolations();
        assertTrue(dryRun.isEmpty(), () -> "axe-core WCAG violations on a mailing's dry run: " + dryRun);
        assertNoBrowserErrors();
    }

    @Test
    @Order(9)
    void aMeetingIsCreatedAndADocumentUploadedFromTheMeetingsPages() throws Exception {
        runModuleOperation("install", "meetings", null);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=meetings]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@data-page='meetings']//button[contains(@class,'primary')]"))).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=meetings] .card input[name=title]")));
        new Select(browser.findElement(By.cssSelector(".page[data-page=meetings] .card select[name=type]"))).selectByValue("MSP");
        browser.findElement(By.cssSelector(".page[data-page=meetings] .card input[name=number]")).sendKeys("14");
        title.sendKeys("Fourteenth Meeting of States Parties");
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("arguments[0].value = '2026-09-07'", browser.findElement(By.cssSelector(".page[data-page=meetings] .card input[name=startDate]")));
        script.executeScript("arguments[0].value = '2026-09-10'", browser.findElement(By.cssSelector(".page[data-page=meetings] .card input[name=endDate]")));
        browser.findElement(By.cssSelector(".page[data-page=meetings] .card input[name=city]")).sendKeys("Geneva");
        browser.findElement(By.cssSelector(".page[data-page=meetings] .card button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//div[@data-page='meetings']//h1[text()='Fourteenth Meeting of States Parties']")));
        screenshot("13-meeting");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=meetings] a[data-tab=documents]"))).click();
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".page[data-page=meetings] section.card input[type=file]")));
        Path pdf = Files.createTempFile(data, "working-paper-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% a working paper\n%%EOF\n");
        file.sendKeys(pdf.toAbsolutePath().toString());
        WebElement form = file.findElement(By.xpath("./ancestor::form"));
        form.findElement(By.cssSelector("input[name=title]")).sendKeys("Universalization report");
        new Select(form.findElement(By.cssSelector("select[name=category]"))).selectByValue("WORKING_PAPER");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement symbol = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=meetings] table .symbol")));
        assertEquals("CCM/MSP/2026/WP.1", symbol.getText());
        screenshot("14-meeting-documents");

        // A file that is not a document: the API's refusal shows beside the file field.
        WebElement again = browser.findElement(By.cssSelector(".page[data-page=meetings] section.card input[type=file]"));
        Path fake = Files.createTempFile(data, "not-a-document-", ".pdf");
        Files.writeString(fake, "<script>window.injected=3</script>");
        again.sendKeys(fake.toAbsolutePath().toString());
        WebElement secondForm = again.findElement(By.xpath("./ancestor::form"));
        secondForm.findElement(By.cssSelector("input[name=title]")).sendKeys("Fake");
        secondForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=meetings] section.card .field-error:not([hidden])")));
        assertTrue(error.getText().contains("not a PDF"), error.getText());

        // A registration approved, and its credentials received, from the participants tab.
        browser.findElement(By.cssSelector(".page[data-page=meetings] a[data-tab=participants]")).click();
        WebElement register = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=meetings] select[name=delegationKind]")));
        new Select(register).selectByValue("ORGANISATION");
        WebElement registration = register.findElement(By.xpath("./ancestor::form"));
        registration.findElement(By.cssSelector("input[name=delegation]")).sendKeys("ICRC");
        registration.findElement(By.cssSelector("input[name=familyName]")).sendKeys("Observer");
        registration.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@data-page='meetings']//table//button[text()='Approve']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=meetings] table"), "approved"));
        // Credentials by kind (meetings 1.2): the original received today.
        new Select(wait.until(ExpectedConditions.refreshed(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".page[data-page=meetings] table select[aria-label='Credentials of Observer']"))))).selectByValue("ORIGINAL");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=meetings] table"), "received " + LocalDate.now(ZoneOffset.UTC)));
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=meetings] table")).getText().contains("approved"));
        screenshot("15-meeting-participants");
        assertNoBrowserErrors();
    }

    @Test
    @Order(10)
    void theHomePageShowsTheModulesCardsAndTheModulePagesFollowTheLanguage() throws Exception {
        navigate("");
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard-card[data-card=treaty-status] svg.chart")));
        assertFalse(chart.getAttribute("aria-label").isBlank(), "the chart is named for screen readers");
        assertEquals("1", browser.findElement(By.cssSelector(".dashboard-card[data-card=treaty-status] .figures strong")).getText(),
                "France, made a State Party above, is the one State Party");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard-card[data-card=next-meetings] h3")));
        assertTrue(browser.findElements(By.cssSelector(".dashboard-card .form-error")).isEmpty(), "no card failed");
        screenshot("15-dashboard");

        new Select(browser.findElement(By.cssSelector(".topbar .language select"))).selectByValue("es");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".topbar button.logout"), "Cerrar sesión"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".dashboard-card[data-card=treaty-status] h2"), "Estado de la Convención"));
        navigate("states");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".page[data-page=states] h1"), "Estados"));
        screenshot("16-states-spanish");
        new Select(browser.findElement(By.cssSelector(".topbar .language select"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".topbar button.logout"), "Log out"));
        assertNoBrowserErrors();
    }

    @Test
    @Order(11)
    void theMainPagesPassTheAutomatedWcagChecks() throws Exception {
        // The checker itself: an unlabelled field must be reported, or a clean result would mean nothing.
        navigate("");
        ((JavascriptExecutor) browser).executeScript("const probe = document.createElement('input'); probe.id = 'axe-probe';"
                + " document.getElementById('main').append(probe);");
        List<String> probe = accessibilityViolations();
        assertTrue(probe.stream().anyMatch(v -> v.startsWith("label") && v.contains("#axe-probe")), () -> "axe did not see the probe: " + probe);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('axe-probe').remove();");

        Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
        for (String page : List.of("", "modules", "users", "audit", "health", "mail", "tokens", "notes", "states", "states/FR", "organisations",
                "people", "mandates", "groups", "mailings", "mailings/compose", "meetings", "practice")) {
            navigate(page);
            if (!page.isEmpty()) {
                String id = page.split("/")[0];
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=" + id + "] h1")));
            }
            List<String> found = accessibilityViolations();
            if (!found.isEmpty()) {
                violations.put(page.isEmpty() ? "home" : page, found);
            }
        }
        navigate("meetings");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=meetings] a.meeting-link"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".page[data-page=meetings] a[data-tab=documents]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=meetings] section.card input[type=file]")));
        List<String> meeting = accessibilityViolations();
        if (!meeting.isEmpty()) {
            violations.put("meeting documents", meeting);
        }
        assertTrue(violations.isEmpty(), () -> "axe-core WCAG 2.1 A/AA violations: " + violations);
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; answers "rule (impact): elements" per violation. */
    @SuppressWarnings("unchecked")
    private List<String> accessibilityViolations() throws IOException {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe !== 'undefined';"))) {
            try (var in = StaffAppIT.class.getResourceAsStream("/axe.min.js")) {
                assertNotNull(in, "axe.min.js on the test class path (com.deque.html.axe-core:selenium)");
                script.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> result = (Map<String, Object>) script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done({passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))}))"
                + ".catch(e => done({passes: 0, violations: ['axe failed: ' + e]}));");
        assertTrue(((Number) result.get("passes")).intValue() > 0, () -> "axe ran no rule: " + result);
        return (List<String>) result.get("violations");
    }

    @Test
    @Order(12)
    void logoutReturnsToTheLoginPageAndThePagesAreNoLongerServed() throws Exception {
        browser.findElement(By.cssSelector(".topbar button.logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        List<String> login = accessibilityViolations();
        assertTrue(login.isEmpty(), () -> "axe-core WCAG violations on the login page: " + login);
        browser.get(base + "/app/modules/org.secretariat.platform.web/admin/modules.js");
        assertTrue(browser.getPageSource().contains("\"status\":401"), browser.getPageSource());
    }

    /** Opens the modules page, starts an operation, confirms its dry-run plan and waits for the result. */
    private void runModuleOperation(String action, String module, String planScreenshot) throws IOException {
        navigate("modules");
        By button = By.cssSelector(".page[data-page=modules] button[data-action=" + action + "][data-module=" + module + "]");
        WebElement control = wait.until(ExpectedConditions.elementToBeClickable(button));
        // A success notification (bottom right, gone after 6 s) may cover a button low on the page: as a user would, scroll it to the middle.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", control);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .notification-success")));
        control.click();
        WebElement plan = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertTrue(plan.getText().contains(module), plan.getText());
        if (planScreenshot != null) {
            screenshot(planScreenshot);
        }
        plan.findElement(By.cssSelector(".dialog-actions button.primary, .dialog-actions button.danger")).click();
        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page[data-page=modules] .operation-done, .page[data-page=modules] .operation-status .form-error")));
        assertTrue(done.getAttribute("class").contains("operation-done"), () -> "the operation failed: " + done.getText() + "\n" + output());
    }

    private void navigate(String page) {
        browser.get(base + "/app/#/" + page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Script errors and CSP violations show in the browser's console; none is expected. */
    private void assertNoBrowserErrors() {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A 4xx the page expects (the wrong password above, a validation error) is logged by Chromium as a failed resource.
                .filter(message -> !message.contains("the server responded with a status of 4"))
                .collect(Collectors.toList());
        assertTrue(problems.isEmpty(), () -> "browser console errors: " + problems);
        assertNotNull(browser.getTitle());
    }
}
