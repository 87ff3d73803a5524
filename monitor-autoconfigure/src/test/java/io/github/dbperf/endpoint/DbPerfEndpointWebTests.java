package io.github.dbperf.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/dbperf} over real HTTP on a real server, on each real engine.
 */
class DbPerfEndpointWebTests {

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@EnumSource(Engine.class)
	void reportHasTheContractShape(Engine engine) throws Exception {
		try (RunningApplication app = RunningApplication.start(engine, "dbperf.slow-query.threshold=200ms")) {
			AuthorRepository authors = app.bean(AuthorRepository.class);
			Author author = authors.save(new Author("Jemisin"));
			for (int i = 0; i < 3; i++) {
				authors.findById(author.getId());
			}
			authors.sleep(250);

			HttpResponse<String> response = app.get("/actuator/dbperf");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).contains("json"));
			JsonNode report = this.json.readTree(response.body());
			assertThat(fieldNames(report)).containsExactly("summary", "datasources", "statistics", "slowQueries",
					"topStatements", "findings", "repositories", "associations", "window", "entrypoints", "startup",
					"database", "mappings", "connections");
			JsonNode connections = report.at("/connections/0");
			assertThat(connections.get("dataSource").asText()).isEqualTo("dataSource");
			assertThat(fieldNames(connections.get("pool"))).containsExactly("out", "waiting", "max", "total", "idle",
					"poolWaiting");
			assertThat(connections.at("/pool/max").asInt()).isEqualTo(10);
			assertThat(fieldNames(connections.at("/entrypoints/0"))).containsExactly("dataSource", "entrypoint",
					"borrows", "units", "connectionsPerUnit", "waitP95Millis", "waitMaxMillis", "waitMillis",
					"heldP95Millis", "heldMaxMillis", "heldMillis", "idleInTransactionMillis",
					"idleInTransactionPercent");
			// A repository call outside any unit of work is a unit of its own.
			assertThat(connections.findValuesAsText("entrypoint")).contains("AuthorRepository.save",
					"AuthorRepository.sleep");
			assertThat(fieldNames(connections.at("/minutes/0"))).containsExactly("start", "borrows", "meanActive",
					"meanWaiting");
			// Read at startup from the test application's mappings: its identity ids.
			assertThat(report.get("mappings").findValuesAsText("name")).contains("IDENTITY_IDS:Author");
			assertThat(fieldNames(report.at("/mappings/0"))).containsSubsequence("kind", "name", "why", "suggestions",
					"evidence");
			assertThat(report.at("/datasources/0/name").asText()).isEqualTo("dataSource");
			assertThat(report.at("/datasources/0/type").asText()).isEqualTo("HikariDataSource");
			assertThat(fieldNames(report.get("statistics"))).contains("tracked", "capacity", "evicted", "since");
			assertThat(report.at("/statistics/capacity").asInt()).isEqualTo(5000);
			assertThat(report.at("/statistics/slowQueryThreshold").asText()).isEqualTo("200ms");

			JsonNode slow = report.at("/slowQueries/0");
			assertThat(fieldNames(slow)).contains("timestamp", "id", "sql", "operation", "datasource", "elapsedMillis",
					"rows", "repository", "method", "entrypoint", "thread", "callSite");
			assertThat(slow.get("repository").asText()).isEqualTo("AuthorRepository");
			assertThat(slow.get("method").asText()).isEqualTo("sleep");
			assertThat(slow.get("elapsedMillis").asDouble()).isGreaterThanOrEqualTo(200.0);
			// Rows of a SELECT are the rows the application read from its result set.
			assertThat(slow.get("rows").asLong()).isEqualTo(1);

			JsonNode top = report.get("topStatements");
			assertThat(fieldNames(top.get(0))).containsExactly("id", "sql", "operation", "datasources", "calls",
					"errors", "rows", "totalMillis", "meanMillis", "minMillis", "maxMillis", "p95Millis", "p99Millis",
					"firstSeen", "lastSeen", "repositories", "entrypoints", "minutes");
			// "database" comes once the database's own statistics were read (null fields
			// are left out).
			JsonNode findById = find(top, "repositories", "AuthorRepository.findById");
			assertThat(findById.get("calls").asLong()).isEqualTo(3);
			assertThat(findById.get("rows").asLong()).isEqualTo(3);
			assertThat(findById.get("operation").asText()).isEqualTo("select");

			JsonNode repository = find(report.get("repositories"), "method", "findById");
			assertThat(fieldNames(repository)).containsExactly("repository", "method", "calls", "statements",
					"dbMillis", "maxStatementsPerCall");
			assertThat(repository.get("calls").asLong()).isEqualTo(3);
			assertThat(repository.get("statements").asLong()).isEqualTo(3);

			JsonNode detail = this.json.readTree(app.get("/actuator/dbperf/" + findById.get("id").asText()).body());
			assertThat(detail.at("/statement/calls").asLong()).isEqualTo(3);
			assertThat(detail.get("slowQueries")).isEmpty();
			String slowId = slow.get("id").asText();
			JsonNode slowDetail = this.json.readTree(app.get("/actuator/dbperf/" + slowId).body());
			assertThat(slowDetail.get("slowQueries")).hasSize(1);
		}
	}

	@Test
	void summaryAddsUpTheWindowAndEntryPointSharesLeaveStartupOut() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2,
				"management.endpoint.dbperf.access=unrestricted")) {
			AuthorRepository authors = app.bean(AuthorRepository.class);
			Author author = authors.save(new Author("Le Guin"));
			assertThat(app.get("/authors/" + author.getId()).statusCode()).isEqualTo(200);
			org.springframework.jdbc.core.JdbcTemplate jdbc = app
				.bean(org.springframework.jdbc.core.JdbcTemplate.class);
			// A statement on this thread outside any unit of work (a repository call is a
			// unit of its own).
			jdbc.queryForList("select name from author");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.json.readTree(app.get("/actuator/dbperf").body())
					.get("entrypoints")
					.findValuesAsText("name")
					.contains("GET /authors/{id}"));

			JsonNode report = this.json.readTree(app.get("/actuator/dbperf").body());
			JsonNode summary = report.get("summary");
			assertThat(fieldNames(summary)).containsExactly("window", "statements", "statementsPerSecond", "dbMillis",
					"errors", "slowQueries", "findings", "startupDbMillis", "backgroundDbMillis");
			assertThat(summary.get("window").asText()).isEqualTo("all");
			// The schema was created before the application was ready: startup, not a
			// unit's time.
			assertThat(summary.get("startupDbMillis").asDouble()).isPositive();
			assertThat(summary.get("backgroundDbMillis").asDouble()).isPositive();
			JsonNode route = find(report.get("entrypoints"), "name", "GET /authors/{id}");
			double afterStartup = summary.get("dbMillis").asDouble() - summary.get("startupDbMillis").asDouble();
			assertThat(route.get("sharePercent").asDouble())
				.isCloseTo(Math.round(route.get("dbMillis").asDouble() / afterStartup * 1000) / 10.0, within(0.2));
			JsonNode withStartup = this.json.readTree(app.get("/actuator/dbperf?include=startup").body());
			double shareWithStartup = find(withStartup.get("entrypoints"), "name", "GET /authors/{id}")
				.get("sharePercent")
				.asDouble();
			assertThat(shareWithStartup).isCloseTo(
					Math.round(route.get("dbMillis").asDouble() / summary.get("dbMillis").asDouble() * 1000) / 10.0,
					within(0.2));

			assertThat(app.delete("/actuator/dbperf").statusCode()).isIn(200, 204);
			for (int i = 0; i < 5; i++) {
				authors.findByName("n" + i);
			}
			assertThatException().isThrownBy(() -> jdbc.queryForList("select no_such_column from author"));
			summary = this.json.readTree(app.get("/actuator/dbperf").body()).get("summary");
			assertThat(summary.get("statements").asLong()).isEqualTo(6);
			assertThat(summary.get("errors").asLong()).isEqualTo(1);
			assertThat(summary.get("slowQueries").asLong()).isZero();
			assertThat(summary.get("findings").isEmpty()).isTrue();
			assertThat(summary.get("startupDbMillis").asDouble()).isZero();
			assertThat(summary.get("backgroundDbMillis").asDouble()).isPositive()
				.isLessThan(summary.get("dbMillis").asDouble());
			JsonNode fiveMinutes = this.json.readTree(app.get("/actuator/dbperf?window=5m").body()).get("summary");
			assertThat(fiveMinutes.get("window").asText()).isEqualTo("5m");
			assertThat(fiveMinutes.get("statements").asLong()).isEqualTo(6);
		}
	}

	@Test
	void sortLimitUnknownIdResetAndThreshold() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2,
				"management.endpoint.dbperf.access=unrestricted")) {
			AuthorRepository authors = app.bean(AuthorRepository.class);
			for (int i = 0; i < 5; i++) {
				authors.findByName("n" + i);
			}
			// Longer than any schema statement, shorter than the default threshold
			// (500ms).
			authors.sleep(300);

			JsonNode byCalls = this.json.readTree(app.get("/actuator/dbperf?sort=calls&limit=1").body());
			assertThat(byCalls.get("topStatements")).hasSize(1);
			assertThat(byCalls.at("/topStatements/0/repositories/0").asText()).isEqualTo("AuthorRepository.findByName");
			JsonNode byMax = this.json.readTree(app.get("/actuator/dbperf?sort=max&limit=1").body());
			assertThat(byMax.at("/topStatements/0/sql").asText()).contains("sleep");

			assertThat(app.get("/actuator/dbperf?sort=fastest").statusCode()).isEqualTo(400);
			assertThat(app.get("/actuator/dbperf?limit=0").statusCode()).isEqualTo(400);
			assertThat(app.get("/actuator/dbperf/0123456789abcdef").statusCode()).isEqualTo(404);

			// Slow ones so far: none on a quiet machine (300 ms is below the default 500
			// ms),
			// whatever a loaded one made of them; the change adds exactly the next one.
			int slowBefore = this.json.readTree(app.get("/actuator/dbperf").body()).get("slowQueries").size();
			HttpResponse<String> changed = app.postJson("/actuator/dbperf", "{\"slowQueryThreshold\": \"50ms\"}");
			assertThat(changed.statusCode()).isEqualTo(200);
			assertThat(changed.body()).contains("\"slowQueryThreshold\":\"50ms\"");
			authors.sleep(60);
			JsonNode afterChange = this.json.readTree(app.get("/actuator/dbperf").body());
			assertThat(afterChange.get("slowQueries")).hasSize(slowBefore + 1);
			assertThat(afterChange.at("/slowQueries/0/method").asText()).isEqualTo("sleep");
			assertThat(app.postJson("/actuator/dbperf", "{\"slowQueryThreshold\": \"-1s\"}").statusCode())
				.isEqualTo(400);
			assertThat(app.postJson("/actuator/dbperf", "{\"slowQueryThreshold\": \"soon\"}").statusCode())
				.isEqualTo(400);

			assertThat(app.delete("/actuator/dbperf").statusCode()).isIn(200, 204);
			JsonNode afterReset = this.json.readTree(app.get("/actuator/dbperf").body());
			assertThat(afterReset.get("topStatements")).isEmpty();
			assertThat(afterReset.get("slowQueries")).isEmpty();
			assertThat(afterReset.get("repositories")).isEmpty();
			assertThat(afterReset.at("/statistics/tracked").asInt()).isZero();
		}
	}

	@Test
	void endpointIsReadOnlyByDefault() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			app.bean(AuthorRepository.class).findByName("kept");
			assertThat(app.get("/actuator/dbperf").statusCode()).isEqualTo(200);
			assertThat(app.delete("/actuator/dbperf").statusCode()).isEqualTo(405);
			assertThat(app.postJson("/actuator/dbperf", "{\"slowQueryThreshold\": \"1ms\"}").statusCode())
				.isEqualTo(405);
			JsonNode report = this.json.readTree(app.get("/actuator/dbperf").body());
			assertThat(report.at("/statistics/slowQueryThreshold").asText()).isEqualTo("500ms");
			assertThat(report.get("repositories").toString()).contains("AuthorRepository");
		}
	}

	@Test
	void endpointIsNotOnTheWebUnlessExposed() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2,
				"management.endpoints.web.exposure.include=health")) {
			assertThat(app.get("/actuator/dbperf").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void endpointWorksOverJmx() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2, "spring.jmx.enabled=true",
				"management.endpoints.jmx.exposure.include=dbperf")) {
			app.bean(AuthorRepository.class).findByName("jmx");
			var server = app.bean(javax.management.MBeanServer.class);
			var names = server.queryNames(
					new javax.management.ObjectName("org.springframework.boot:type=Endpoint,name=Dbperf,*"), null);
			assertThat(names).hasSize(1);
			Object report = server.invoke(names.iterator().next(), "report", new Object[] { "calls", 5 },
					new String[] { String.class.getName(), Integer.class.getName() });
			assertThat(report).isInstanceOf(Map.class);
			// The repository call made above, as the same data the web endpoint shows.
			assertThat(((Map<?, ?>) report).get("topStatements"))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
				.filteredOn(
						(statement) -> statement.get("repositories").toString().contains("AuthorRepository.findByName"))
				.singleElement()
				.satisfies((statement) -> {
					assertThat(statement.get("sql").toString()).contains("where a1_0.name=?");
					assertThat(((Number) statement.get("calls")).longValue()).isEqualTo(1);
				});
		}
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode element : array) {
			JsonNode candidate = element.get(field);
			boolean matches = (candidate != null) && (candidate.isArray()
					? candidate.toString().contains("\"" + value + "\"") : candidate.asText().equals(value));
			if (matches) {
				return element;
			}
		}
		throw new AssertionError("No element with " + field + "=" + value + " in " + array);
	}

}
