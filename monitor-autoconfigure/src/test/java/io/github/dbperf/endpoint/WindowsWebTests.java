package io.github.dbperf.endpoint;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.StatementEvents;
import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.EntryPointStatistics;
import io.github.dbperf.statistics.MinuteTicker;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.statistics.Window;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows, entry points, startup statements and regressions over real HTTP. Minutes are
 * ended by hand ({@link MinuteTicker#advance(int)}), so nothing waits for the clock.
 */
class WindowsWebTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void topStatementsRepositoriesAndEntryPointsFollowTheWindow() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			MinuteTicker ticker = app.bean(MinuteTicker.class);
			ticker.advance(1);
			long id = app.bean(AuthorRepository.class).save(new Author("Le Guin")).getId();
			for (int i = 0; i < 3; i++) {
				assertThat(app.get("/authors/" + id).statusCode()).isEqualTo(200);
			}
			awaitUnits(app, 3);
			ticker.advance(2);
			assertThat(app.get("/authors/" + id).statusCode()).isEqualTo(200);
			awaitUnits(app, 4);

			JsonNode oneMinute = report(app, "?window=1m");
			assertThat(oneMinute.get("window").asText()).isEqualTo("1m");
			JsonNode lookup = find(oneMinute.get("topStatements"), "repositories", "AuthorRepository.findById");
			assertThat(lookup.get("calls").asLong()).isEqualTo(1);
			assertThat(lookup.get("minutes")).hasSize(2);
			assertThat(find(oneMinute.get("repositories"), "method", "findById").get("calls").asLong()).isEqualTo(1);
			JsonNode route = find(oneMinute.get("entrypoints"), "name", "GET /authors/{id}");
			assertThat(route.get("units").asLong()).isEqualTo(1);

			JsonNode fiveMinutes = report(app, "?window=5m");
			lookup = find(fiveMinutes.get("topStatements"), "repositories", "AuthorRepository.findById");
			assertThat(lookup.get("calls").asLong()).isEqualTo(4);
			// One point a minute: five whole minutes and the one in progress.
			List<Long> calls = new ArrayList<>();
			lookup.get("minutes").forEach((point) -> calls.add(point.get("calls").asLong()));
			assertThat(calls).containsExactly(0L, 0L, 0L, 3L, 0L, 1L);
			assertThat(lookup.get("entrypoints").get(0).asText()).isEqualTo("GET /authors/{id}");
			route = find(fiveMinutes.get("entrypoints"), "name", "GET /authors/{id}");
			assertThat(route.get("units").asLong()).isEqualTo(4);
			assertThat(route.get("statementsPerUnit").asDouble()).isEqualTo(1.0);
			assertThat(route.get("maxStatementsPerUnit").asLong()).isEqualTo(1);
			assertThat(route.get("sharePercent").asDouble()).isBetween(0.1, 100.0);
			assertThat(route.get("minutes")).hasSize(6);
			assertThat(route.at("/topStatements/0/sql").asText()).contains("from author");

			assertThat(report(app, "").get("window").asText()).isEqualTo("all");
			assertThat(app.get("/actuator/dbperf?window=2m").statusCode()).isEqualTo(400);
			assertThat(app.get("/actuator/dbperf?include=everything").statusCode()).isEqualTo(400);
			assertThat(app.get("/actuator/dbperf?refresh=1", BROWSER_ACCEPT).statusCode()).isEqualTo(400);
		}
	}

	@Test
	void oneEntryPointInDetailByItsUrlEncodedName() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			long id = app.bean(AuthorRepository.class).save(new Author("Butler")).getId();
			app.get("/authors/" + id);
			app.get("/authors/" + id);
			awaitUnits(app, 2);
			HttpResponse<String> response = app.get("/actuator/dbperf/entrypoints/GET%20/authors/%7Bid%7D");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode detail = this.json.readTree(response.body());
			assertThat(detail.at("/entrypoint/name").asText()).isEqualTo("GET /authors/{id}");
			assertThat(detail.at("/entrypoint/units").asLong()).isEqualTo(2);
			assertThat(detail.at("/entrypoint/topStatements/0/calls").asLong()).isEqualTo(2);
			assertThat(detail.get("findings")).isEmpty();
			assertThat(app.get("/actuator/dbperf/entrypoints/GET%20/nowhere").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/dbperf/elsewhere/GET%20/authors/%7Bid%7D").statusCode()).isEqualTo(404);

			String page = app.get("/actuator/dbperf/entrypoints/GET%20/authors/%7Bid%7D", BROWSER_ACCEPT).body();
			assertThat(page).contains("<b id=\"entrypoint-name\">GET /authors/{id}</b>")
				.contains("href=\"../../../../dbperf\"");
			String dashboard = app.get("/actuator/dbperf", BROWSER_ACCEPT).body();
			assertThat(dashboard).contains("href=\"dbperf/entrypoints/GET%20/authors/%7Bid%7D\"");
		}
	}

	@Test
	void startupStatementsAreKeptApart() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			app.bean(AuthorRepository.class).findByName("x");
			JsonNode report = report(app, "?limit=1000");
			assertThat(report.get("startup")).isNotEmpty();
			report.get("startup")
				.forEach((statement) -> assertThat(statement.get("entrypoints").toString()).isEqualTo("[\"startup\"]"));
			List<String> top = new ArrayList<>();
			report.get("topStatements").forEach((statement) -> top.add(statement.get("id").asText()));
			String startupId = report.at("/startup/0/id").asText();
			assertThat(top).doesNotContain(startupId);
			List<String> withStartup = new ArrayList<>();
			report(app, "?limit=1000&include=startup").get("topStatements")
				.forEach((statement) -> withStartup.add(statement.get("id").asText()));
			assertThat(withStartup).contains(startupId).containsAll(top);
		}
	}

	/**
	 * The statement's executions are recorded with the durations they are meant to have
	 * (1 ms, then 20 ms), not timed from real sleeps: a loaded machine stretches a 1 ms
	 * sleep past the factor, and what is tested here is the comparison of minutes, not
	 * the JDBC timing (tested on every engine elsewhere).
	 */
	@Test
	void aStatementThatTurnsSlowIsARegressionUntilItIsFastAgain() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			MinuteTicker ticker = app.bean(MinuteTicker.class);
			StatementStatistics statistics = app.bean(StatementStatistics.class);
			ticker.advance(1);
			// An hour of a fast statement, then five minutes in which it is slow.
			executions(statistics, 25, 1);
			ticker.advance(10);
			assertThat(regressions(app)).isEmpty();
			executions(statistics, 25, 20);
			ticker.advance(1);

			List<JsonNode> regressions = regressions(app);
			assertThat(regressions).singleElement().satisfies((regression) -> {
				assertThat(regression.get("repository").asText()).isEqualTo("AuthorRepository");
				assertThat(regression.get("method").asText()).isEqualTo("sleep");
				assertThat(regression.at("/details/callsRecent").asLong()).isEqualTo(25);
				assertThat(regression.at("/details/callsBefore").asLong()).isEqualTo(25);
				assertThat(regression.at("/details/factor").asDouble()).isGreaterThanOrEqualTo(3.0);
				// The histogram's buckets are within 9% of the value.
				assertThat(regression.at("/details/p95RecentMillis").asDouble()).isBetween(18.0, 22.0);
				assertThat(regression.at("/details/p95BeforeMillis").asDouble()).isBetween(0.9, 1.1);
				assertThat(regression.get("suggestions").get(0).asText()).contains("execution plan");
			});
			MeterRegistry meters = app.bean(MeterRegistry.class);
			assertThat(meters.get("dbperf.regressions").tag("method", "sleep").counter().count()).isEqualTo(1);
			assertThat(meters.get("dbperf.findings").tag("kind", "REGRESSION").counter().count()).isEqualTo(1);
			// Still slow a minute later: the same regression, not counted again.
			ticker.advance(1);
			assertThat(regressions(app)).hasSize(1);
			assertThat(meters.get("dbperf.regressions").tag("method", "sleep").counter().count()).isEqualTo(1);

			// Fast again: once the slow minutes leave the last five, the finding clears.
			executions(statistics, 25, 1);
			ticker.advance(5);
			assertThat(regressions(app)).isEmpty();
		}
	}

	private static void executions(StatementStatistics statistics, int count, int millis) {
		RepositoryMethod sleep = new RepositoryMethod("AuthorRepository", "sleep");
		for (int i = 0; i < count; i++) {
			statistics.accept(StatementEvents.of(StatementEvents.fingerprint("select sleep_for(?)"),
					TimeUnit.MILLISECONDS.toNanos(millis), sleep));
		}
	}

	/**
	 * A request's unit of work ends after its response is sent: wait for it before a
	 * minute ends.
	 */
	private static void awaitUnits(RunningApplication app, long units) {
		EntryPointStatistics entrypoints = app.bean(EntryPointStatistics.class);
		org.awaitility.Awaitility.await("units of GET /authors/{id}")
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> {
				EntryPointSnapshot route = entrypoints.get("GET /authors/{id}", Window.ALL, 1);
				return route != null && route.units() >= units;
			});
	}

	private List<JsonNode> regressions(RunningApplication app) throws Exception {
		List<JsonNode> regressions = new ArrayList<>();
		report(app, "").get("findings").forEach((finding) -> {
			if (finding.get("kind").asText().equals("REGRESSION")) {
				regressions.add(finding);
			}
		});
		return regressions;
	}

	private JsonNode report(RunningApplication app, String query) throws Exception {
		HttpResponse<String> response = app.get("/actuator/dbperf" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.get(field).isArray()) {
				for (JsonNode element : node.get(field)) {
					if (element.asText().equals(value)) {
						return node;
					}
				}
			}
			else if (node.get(field).asText().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("No " + field + "=" + value + " in " + array);
	}

}
