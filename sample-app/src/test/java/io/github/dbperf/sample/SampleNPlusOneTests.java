package io.github.dbperf.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's N+1 page is flagged and its fixed variant is not, on H2 and on a real
 * PostgreSQL, through real HTTP requests against a running server.
 */
class SampleNPlusOneTests {

	private static EmbeddedPostgres postgres;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void nPlusOnePageIsFlaggedAndItsFixIsNotOnH2() throws Exception {
		try (ConfigurableApplicationContext app = start("spring.datasource.url=jdbc:h2:mem:nplusone")) {
			assertFlaggedAndFixed(app);
		}
	}

	@Test
	void nPlusOnePageIsFlaggedAndItsFixIsNotOnPostgreSql() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		try (ConfigurableApplicationContext app = start("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "spring.datasource.password=postgres")) {
			assertFlaggedAndFixed(app);
		}
	}

	private void assertFlaggedAndFixed(ConfigurableApplicationContext app) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		assertThat(get(port, "/authors").body()).contains("\"books\":10");
		assertThat(get(port, "/authors/fetched").body()).contains("\"books\":10");
		JsonNode report = this.json.readTree(get(port, "/actuator/dbperf").body());
		JsonNode findings = report.get("nPlusOne");
		assertThat(findings).hasSize(1);
		JsonNode finding = findings.get(0);
		assertThat(finding.get("entrypoint").asString()).isEqualTo("GET /authors");
		assertThat(finding.get("kind").asString()).isEqualTo("N_PLUS_ONE");
		assertThat(finding.get("maxRepetitions").asInt()).isEqualTo(50);
		assertThat(finding.get("repository").asString()).isEqualTo("AuthorRepository");
		assertThat(finding.get("method").asString()).isEqualTo("findTop50ByOrderByIdAsc");
		assertThat(finding.get("callSite").asString()).startsWith(CatalogueService.class.getName());
		assertThat(finding.get("sql").asString()).contains("from book").contains("author_id=?");
		String prometheus = get(port, "/actuator/prometheus").body();
		assertThat(prometheus).contains(
				"dbperf_nplusone_total{application=\"dbperf-sample\",entrypoint=\"GET /authors\",method=\"findTop50ByOrderByIdAsc\",repository=\"AuthorRepository\"} 1.0");
		assertThat(prometheus).doesNotContain("dbperf_nplusone_total{application=\"dbperf-sample\",entrypoint=\"GET /authors/fetched\"");
		assertThat(prometheus).contains("dbperf_unit_statements_sum{application=\"dbperf-sample\",entrypoint=\"GET /authors/fetched\"} 1.0");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(SampleApplication.class).properties("server.port=0")
			.properties(properties)
			.run();
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

}
