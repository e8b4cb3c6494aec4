package io.spindle.minicluster;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The operating system's Chromium, headless, driven through its ChromeDriver (Debian's packages chromium and
 * chromium-driver, which {@code .ci/run} installs): a real browser for the dashboard, with nothing downloaded.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "no Chromium: install the packages chromium and chromium-driver "
            + "(apt-get install chromium chromium-driver) to run the dashboard test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path screenshots;

    private HeadlessChromium(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** @param screenshots where {@link #screenshot} writes its PNG files */
    static HeadlessChromium start(Path profile, Path screenshots) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + Files.createDirectories(profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), Files.createDirectories(screenshots));
    }

    void open(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /**
     * Waits until {@code condition} gives a value (not null or false), then returns it. The page redraws itself every
     * few seconds: a condition that read an element just replaced is asked again.
     */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Replaces the text of an input field. */
    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits for the element's text to contain {@code part} and returns it. */
    String textContaining(String id, String part) {
        String[] last = {""};
        try {
            return await("#" + id + " saying '" + part + "'", page -> {
                last[0] = page.findElement(By.id(id)).getText();
                return last[0].contains(part) ? last[0] : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("#" + id + " never said '" + part + "'; it says '" + last[0] + "'", e);
        }
    }

    /** Waits for the element's text to be non-empty and returns it. */
    String text(String id) {
        return await("text of #" + id, page -> {
            String text = page.findElement(By.id(id)).getText();
            return text.isEmpty() ? null : text;
        });
    }

    /**
     * The texts of the elements the selector finds, read in one script so that they come from one drawing of the page
     * (element by element, a long table is redrawn under the reader). Runs of white space, between table cells and
     * between the lines of an SVG element's texts too, read as one space.
     */
    @SuppressWarnings("unchecked")
    List<String> texts(String cssSelector) {
        return await("texts of " + cssSelector, page -> (List<String>) ((JavascriptExecutor) page).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => (e instanceof SVGElement"
                        + " ? [...e.querySelectorAll('text')].map(t => t.textContent).join(' ') : e.innerText)"
                        + ".replace(/\\s+/g, ' ').trim())",
                cssSelector));
    }

    /** The attribute of the elements the selector finds, read from one drawing of the page. */
    List<String> attributes(String cssSelector, String attribute) {
        return await(attribute + " of " + cssSelector, page -> page.findElements(By.cssSelector(cssSelector))
                .stream().map(element -> element.getAttribute(attribute)).toList());
    }

    /** Saves what the browser shows as {@code <name>.png}. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.copy(((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
