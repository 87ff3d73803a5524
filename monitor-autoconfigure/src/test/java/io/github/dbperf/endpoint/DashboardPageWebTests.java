package io.github.dbperf.endpoint;

import java.net.http.HttpResponse;

import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML view over real HTTP: browsers get HTML, JSON clients keep JSON, every value is
 * escaped, and it works under a servlet context path and a custom Actuator base path.
 */
class DashboardPageWebTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void browsersGetHtmlAndJsonClientsKeepJson() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			app.bean(AuthorRepository.class).findByName("x");
			HttpResponse<String> html = app.get("/actuator/dbperf", BROWSER_ACCEPT);
			assertThat(html.statusCode()).isEqualTo(200);
			assertThat(html.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(html.body()).startsWith("<!DOCTYPE html>")
				.contains("<table id=\"top-statements\">")
				.contains("AuthorRepository.findByName")
				.doesNotContain("http://")
				.doesNotContain("https://");
			assertThat(app.get("/actuator/dbperf").body()).startsWith("{\"summary\"");
			assertThat(app.get("/actuator/dbperf", "application/json").body()).startsWith("{\"summary\"");
		}
	}

	@Test
	void sqlIsEscaped() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			app.bean(JdbcTemplate.class).queryForList("select 1 as \"<script>alert(1)</script>\"");
			String html = app.get("/actuator/dbperf", BROWSER_ACCEPT).body();
			assertThat(html).contains("&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
				.doesNotContain("<script>alert(1)</script>");
			String id = app.bean(io.github.dbperf.statistics.StatementStatistics.class)
				.top(io.github.dbperf.statistics.StatementOrder.CALLS, 100)
				.stream()
				.filter((statement) -> statement.sql().contains("alert"))
				.findFirst()
				.orElseThrow()
				.id();
			String detail = app.get("/actuator/dbperf/" + id, BROWSER_ACCEPT).body();
			assertThat(detail).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
			assertThat(app.get("/actuator/dbperf/0123456789abcdef", BROWSER_ACCEPT).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void worksUnderAContextPathAndACustomBasePath() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2, "server.servlet.context-path=/shop",
				"management.endpoints.web.base-path=/manage")) {
			app.bean(AuthorRepository.class).findByName("x");
			HttpResponse<String> html = app.get("/shop/manage/dbperf", BROWSER_ACCEPT);
			assertThat(html.statusCode()).isEqualTo(200);
			// Links are relative to the page, so they stay under /shop/manage.
			assertThat(html.body()).contains("href=\"dbperf?sort=mean&amp;limit=20&amp;window=15m&amp;refresh=30\"")
				.contains("href=\"dbperf/");
			assertThat(app.get("/actuator/dbperf", BROWSER_ACCEPT).statusCode()).isEqualTo(404);
		}
	}

}
