package io.github.dbperf.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the running sample app: rows, sort,
 * detail, escaping and reset. Skips without Chromium, except under CI where it must run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests extends BrowserTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void dashboardShowsSortsDetailsEscapesAndResets() throws Exception {
		get("/authors");
		get("/authors/fetched");
		get("/authors/3");
		get("/books/most-mentioned");
		// A remote call inside a transaction: its connection held idle (told the second
		// time).
		get("/stock/1/reserve");
		get("/stock/1/reserve");
		this.jdbc.queryForList("select 1 as \"<script>alert(1)</script>\"");
		// The order form, submitted as a person would: a delivery mapped the costly way.
		this.browser.get(url("/orders/new"));
		this.browser.findElement(By.cssSelector("form[action='/deliveries'] button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("/deliveries"));

		this.browser.get(url("/actuator/dbperf?limit=100"));
		assertThat(this.browser.getTitle()).isEqualTo("dbperf");
		List<WebElement> topRows = this.browser.findElements(By.cssSelector("#top-statements tbody tr"));
		assertThat(topRows).isNotEmpty();
		assertThat(text("#slow-queries")).contains("BookRepository.findMostMentioned")
			.contains("GET /books/most-mentioned")
			.contains("CatalogueService.mostMentioned");
		assertThat(text("#findings-table")).contains("GET /authors")
			.contains("AuthorRepository.findTop50ByOrderByIdAsc")
			.contains("N_PLUS_ONE")
			.contains("Author.books")
			.contains("@EntityGraph(attributePaths = \"books\")")
			.contains("triggered by")
			.doesNotContain("GET /authors/fetched");
		// Before traffic: read at startup, with what the delivery showed of it.
		assertThat(text("#mappings-table")).contains("UNIDIRECTIONAL_ONE_TO_MANY")
			.contains("Delivery.lines")
			.contains("EXTRA_UPDATE in POST /deliveries")
			.contains("IDENTITY_IDS")
			.contains("OPEN_IN_VIEW");
		// And the runtime finding points at the mapping that explains it.
		assertThat(text("#findings-table")).contains("EXTRA_UPDATE")
			.contains("mapping: UNIDIRECTIONAL_ONE_TO_MANY:Delivery.lines");
		assertThat(text("#findings-table")).contains("IDLE_IN_TRANSACTION")
			.contains("transaction io.github.dbperf.sample.StockService.reserve held")
			.contains("StockService.reserve");
		assertThat(text("#connections-dataSource")).contains("GET /stock/{id}/reserve").contains("GET /authors");
		assertThat(text("p.pool")).contains("dataSource").contains("out now of 10").contains("waiting");
		// The README's picture of the section.
		Files.write(Path.of("target", "dashboard-connections.png"),
				this.browser.findElement(By.id("connections")).getScreenshotAs(OutputType.BYTES));
		assertThat(text("#associations")).contains("Author.books").contains("collection-load");
		assertThat(text("#repositories")).contains("findFirst50WithBooks");
		// The script in a quoted identifier is shown as text, never run.
		assertThat(text("#top-statements")).contains("<script>alert(1)</script>");
		assertThat(this.browser.findElements(By.tagName("script"))).hasSize(1);

		this.browser.findElement(By.cssSelector("#sort a[data-sort=calls]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains("sort=calls"));
		assertThat(this.browser.findElement(By.cssSelector("#sort a.current")).getText()).isEqualTo("calls");
		String mostCalled = text("#top-statements tbody tr:first-child");
		assertThat(mostCalled).contains("from book").contains("50");

		this.browser.findElement(By.cssSelector("#top-statements tbody tr:first-child a")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("statement")));
		assertThat(text("#sql")).contains("from book b1_0 where b1_0.author_id=?");
		assertThat(text("#statement")).contains("calls").contains("50");
		this.browser.findElement(By.linkText("Back to the dashboard")).click();

		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("reset")));
		this.browser.executeScript("window.confirm = function () { return true; };");
		this.browser.findElement(By.id("reset")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("top-statements-empty")));
		assertThat(this.browser.findElements(By.id("findings-empty"))).hasSize(1);
		assertThat(this.browser.findElements(By.id("slow-queries-empty"))).hasSize(1);
		// The mappings stay: they were read at startup; what traffic showed of them is
		// gone.
		assertThat(text("#mappings-table")).contains("Delivery.lines").doesNotContain("EXTRA_UPDATE in");
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

}
