package io.spindle.minicluster;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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

    /** Waits until {@code condition} holds on the page, then returns its value. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    }

    /** Waits for the element's text to be non-empty and returns it. */
    String text(String id) {
        return await("text of #" + id, page -> {
            String text = page.findElement(By.id(id)).getText();
            return text.isEmpty() ? null : text;
        });
    }

    WebElement element(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    java.util.List<WebElement> elements(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
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
