package io.github.dbperf.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With read-only access to the endpoint, the dashboard's Reset button says the user lacks
 * permission, and nothing is reset.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.endpoint.dbperf.access=read-only")
class DashboardReadOnlyBrowserTests extends BrowserTest {

	@Test
	void resetWithoutPermissionSaysSo() throws Exception {
		// A page served, so that top statements are not only startup's (left out by
		// default).
		get("/authors/3");
		this.browser.get(url("/actuator/dbperf"));
		int rows = this.browser.findElements(By.cssSelector("#top-statements tbody tr")).size();
		assertThat(rows).isPositive();
		this.browser.executeScript("window.confirm = function () { return true; };");
		this.browser.findElement(By.id("reset")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5))
			.until((driver) -> !driver.findElement(By.id("reset-status")).getText().isEmpty());
		assertThat(this.browser.findElement(By.id("reset-status")).getText())
			.startsWith("You lack permission to reset");
		this.browser.navigate().refresh();
		assertThat(this.browser.findElements(By.cssSelector("#top-statements tbody tr"))).hasSize(rows);
	}

}
