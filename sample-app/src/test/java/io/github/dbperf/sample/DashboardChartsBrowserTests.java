package io.github.dbperf.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.EntryPointStatistics;
import io.github.dbperf.statistics.MinuteTicker;
import io.github.dbperf.statistics.Window;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's pictures in a real headless Chromium: sparklines with one point a
 * minute for known traffic, the stacked bar of database time by entry point, the entry
 * point page, auto-refresh that pauses, long SQL that folds, badges that do not wrap.
 * Minutes are ended by hand.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dbperf.n-plus-one.mode=report")
class DashboardChartsBrowserTests extends BrowserTest {

	@Autowired
	private MinuteTicker ticker;

	@Autowired
	private EntryPointStatistics entrypoints;

	@Test
	void chartsRefreshFoldingAndBadges() throws Exception {
		// From now on minutes end only by hand, not with the clock.
		this.ticker.advance(1);
		this.browser.get(url("/actuator/dbperf?refresh=off"));
		this.browser.executeScript("window.confirm = function () { return true; };");
		this.browser.findElement(By.id("reset")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("top-statements-empty")));
		// Known traffic: /authors/3 once a minute for three minutes, then three times.
		for (int minute = 0; minute < 3; minute++) {
			get("/authors/3");
			get("/listings");
			awaitUnits("GET /authors/{id}", minute + 1);
			awaitUnits("GET /listings", minute + 1);
			this.ticker.advance(1);
		}
		for (int i = 0; i < 3; i++) {
			get("/authors/3");
		}
		awaitUnits("GET /authors/{id}", 6);
		get("/authors");
		get("/books/page");
		get("/authors/7/page");
		get("/books/options");
		get("/authors/with-books/fixed");

		this.browser.get(url("/actuator/dbperf?window=15m&limit=100&refresh=off"));
		assertThat(this.browser.findElement(By.cssSelector("#window a.current")).getText()).isEqualTo("15m");
		WebElement lookup = rowOf("#entrypoints", "GET /authors/{id}");
		WebElement calls = lookup.findElement(By.cssSelector("svg.spark.calls"));
		assertThat(calls.getAttribute("data-points")).isEqualTo("16");
		String[] vertices = calls.findElement(By.tagName("polyline")).getAttribute("points").split(" ");
		assertThat(vertices).hasSize(16);
		// Units a minute: 0 ... 0, 1, 1, 1, 3; the last is the peak, at the top.
		assertThat(y(vertices[15])).isLessThan(y(vertices[14]));
		assertThat(y(vertices[14])).isEqualTo(y(vertices[13])).isEqualTo(y(vertices[12])).isLessThan(y(vertices[11]));
		assertThat(y(vertices[0])).isEqualTo(y(vertices[11]));
		assertThat(calls.getAttribute("aria-label")).contains("now 3, peak 3");
		assertThat(this.browser.findElements(By.cssSelector("#top-statements svg.spark.p95"))).isNotEmpty()
			.allSatisfy((spark) -> assertThat(spark.getAttribute("data-points")).isEqualTo("16"));

		List<WebElement> segments = this.browser.findElements(By.cssSelector("#db-time-bar rect.segment"));
		assertThat(segments).extracting((segment) -> segment.getAttribute("data-entrypoint"))
			.contains("GET /authors/{id}", "GET /listings", "GET /authors");
		double width = segments.stream()
			.mapToDouble((segment) -> Double.parseDouble(segment.getAttribute("width")))
			.sum();
		assertThat(width).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1.0));

		screenshot();

		// Badges stay on one line, however long their kind.
		List<WebElement> badges = this.browser.findElements(By.cssSelector("#findings-table .badge"));
		assertThat(badges).extracting(WebElement::getText).contains("LOAD_AFTER_RESPONSE");
		int oneLine = badges.stream().mapToInt((badge) -> badge.getSize().getHeight()).min().orElseThrow();
		assertThat(badges).allSatisfy((badge) -> assertThat(badge.getSize().getHeight()).isEqualTo(oneLine));
		// Long SQL folds behind "show all"; "triggered by" shows the statement's SQL.
		WebElement folded = this.browser.findElement(By.cssSelector("#top-statements details.sql"));
		assertThat(folded.getAttribute("open")).isNull();
		folded.findElement(By.cssSelector(".more")).click();
		assertThat(folded.getAttribute("open")).isNotNull();
		assertThat(folded.getText()).doesNotContain("…").contains(" from ");
		assertThat(this.browser.findElement(By.cssSelector("#findings-table .trigger")).getText())
			.matches("(?s)triggered by\\s+select .* from .*");

		// Auto-refresh: on by default, paused and resumed by plain links.
		this.browser.get(url("/actuator/dbperf"));
		assertThat(this.browser.findElements(By.cssSelector("meta[http-equiv=refresh]"))).hasSize(1);
		this.browser.findElement(By.id("pause")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("refresh=off"));
		assertThat(this.browser.findElements(By.cssSelector("meta[http-equiv=refresh]"))).isEmpty();
		assertThat(this.browser.findElement(By.id("refresh-status")).getText()).isEqualTo("paused");
		this.browser.findElement(By.cssSelector("#window a[data-window='1h']")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("window=1h"));
		assertThat(this.browser.getCurrentUrl()).contains("refresh=off");
		this.browser.findElement(By.id("resume")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("refresh=30"));
		assertThat(this.browser.findElements(By.cssSelector("meta[http-equiv=refresh]"))).hasSize(1);

		// Dark mode: the page and its pictures restyle themselves.
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
				List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
		this.browser.get(url("/actuator/dbperf?refresh=off"));
		assertThat(this.browser.findElement(By.tagName("body")).getCssValue("background-color"))
			.isEqualTo("rgba(15, 17, 21, 1)");
		assertThat(this.browser.findElement(By.cssSelector("#top-statements svg.spark.calls polyline"))
			.getCssValue("stroke")).isEqualTo("rgb(138, 180, 255)");
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", List.of()));

		// One entry point's page, and back.
		this.browser.get(url("/actuator/dbperf?refresh=off"));
		rowOf("#entrypoints", "GET /authors/{id}").findElement(By.linkText("GET /authors/{id}")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("entrypoint-name")));
		assertThat(this.browser.findElement(By.id("entrypoint-name")).getText()).isEqualTo("GET /authors/{id}");
		assertThat(this.browser.findElement(By.cssSelector("#entrypoint")).getText()).contains("units");
		assertThat(this.browser.findElements(By.cssSelector("#entrypoint-statements tbody tr"))).isNotEmpty();
		this.browser.findElement(By.linkText("Back to the dashboard")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("top-statements")));
	}

	/**
	 * A request's unit of work ends after its response is sent: wait for it before a
	 * minute ends.
	 */
	private void awaitUnits(String entrypoint, long units) {
		org.awaitility.Awaitility.await(units + " units of " + entrypoint).atMost(Duration.ofSeconds(30)).until(() -> {
			EntryPointSnapshot snapshot = this.entrypoints.get(entrypoint, Window.ALL, 1);
			return snapshot != null && snapshot.units() >= units;
		});
	}

	private WebElement rowOf(String table, String firstCell) {
		return this.browser.findElements(By.cssSelector(table + " tbody tr"))
			.stream()
			.filter((row) -> row.findElement(By.tagName("td")).getText().equals(firstCell))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row " + firstCell + " in " + table));
	}

	private static double y(String vertex) {
		return Double.parseDouble(vertex.substring(vertex.indexOf(',') + 1));
	}

	private void screenshot() throws IOException {
		Files.write(Path.of("target", "dashboard.png"),
				((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

}
