package io.github.dbperf.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a person first sees it, after the README's own traffic: on a laptop
 * screen (1366×768) and a desktop one (1920×1080) it never scrolls sideways and the
 * findings start on the first screen; the axe-core accessibility engine finds no serious
 * or critical violation on the dashboard, a statement's page and an entry point's page,
 * in light and dark mode. Takes the README's screenshots
 * ({@code target/dashboard-*.png}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardLayoutBrowserTests extends BrowserTest {

	private static final List<int[]> SCREENS = List.of(new int[] { 1366, 768 }, new int[] { 1920, 1080 });

	@Test
	void firstScreenShowsFindingsWithoutSidewaysScrollingAndAxeFindsNothingSerious() throws Exception {
		readmeTraffic();
		for (int[] screen : SCREENS) {
			screen(screen[0], screen[1]);
			this.browser.get(url("/actuator/dbperf?refresh=off"));
			String size = screen[0] + "x" + screen[1];
			assertThat(number("return document.documentElement.scrollWidth")).as("page width at %s", size)
				.isLessThanOrEqualTo(number("return window.innerWidth"));
			assertThat(number("return document.getElementById('findings').getBoundingClientRect().top"))
				.as("Findings heading at %s", size)
				.isLessThan(number("return window.innerHeight") - 40);
			assertThat(this.browser.findElements(By.cssSelector("#findings-table tr.finding"))).isNotEmpty();
			Files.write(Path.of("target", "dashboard-" + size + ".png"),
					((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
		}
		// The summary names the window's findings by kind, the ones the table lists.
		assertThat(this.browser.findElement(By.id("summary-findings")).getText()).contains("N_PLUS_ONE")
			.contains("LARGE_RESULT");
		String statement = this.browser.findElement(By.cssSelector("#top-statements tbody tr a")).getAttribute("href");
		String entrypoint = this.browser.findElement(By.cssSelector("#entrypoints tbody tr a.entrypoint"))
			.getAttribute("href");
		for (String scheme : List.of("light", "dark")) {
			colorScheme(scheme);
			for (String page : List.of(url("/actuator/dbperf?refresh=off"), statement, entrypoint)) {
				this.browser.get(page);
				assertThat(seriousViolations()).as("axe-core on %s in %s mode", page, scheme).isEmpty();
			}
		}
	}

	/**
	 * The README's curls, the slow one included.
	 */
	private void readmeTraffic() throws IOException, InterruptedException {
		for (String path : List.of("/authors/7", "/authors", "/authors/fetched",
				"/authors/search?prefix=Author%201&page=1", "/listings", "/books/all", "/authors/with-books",
				"/books/most-mentioned")) {
			get(path);
		}
	}

	/**
	 * The viewport of a screen of that size.
	 */
	private void screen(int width, int height) {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	private void colorScheme(String scheme) {
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	private long number(String script) {
		return ((Number) this.browser.executeScript(script)).longValue();
	}

	/**
	 * Runs axe-core on the page.
	 * @return the serious and critical violations: rule, impact and the first elements
	 */
	@SuppressWarnings("unchecked")
	private List<Object> seriousViolations() throws IOException {
		this.browser.executeScript(axe());
		Object violations = this.browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
				  done(results.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {
				        return n.target.join(' ') + ' ' + (n.failureSummary || '');
				      }).join(' | ');
				    }));
				}, function (error) { done(['axe failed: ' + error]); });
				""");
		assertThat(violations).as("axe-core ran").isInstanceOf(List.class);
		return (List<Object>) violations;
	}

	private static String axe() throws IOException {
		try (InputStream in = DashboardLayoutBrowserTests.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
