package io.github.dbperf.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app on a real server: its pages work and {@code /actuator/prometheus} shows
 * dbperf's meters tagged with its repository methods, beside Boot's own pool meters.
 */
// Spring Boot 3.5 switches metrics export off in tests unless asked: ask, on every Boot
// version.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.prometheus.metrics.export.enabled=true")
class SampleApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void prometheusShowsStatementsByRepositoryMethodAndBootPoolMeters() throws Exception {
		assertThat(get("/authors/7").body()).contains("\"name\":\"Author 7\"");
		assertThat(get("/authors/7/books").body()).contains("\"title\":\"Title206\"");
		assertThat(get("/authors").body()).contains("\"books\":10");
		assertThat(get("/authors/fetched").body()).contains("\"books\":10");

		String scrape = get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern(
				"dbperf_statements_seconds_count\\{application=\"dbperf-sample\",datasource=\"dataSource\",method=\"findById\",operation=\"select\","
						+ "outcome=\"success\",repository=\"AuthorRepository\"} [1-9]");
		assertThat(scrape)
			.containsPattern("dbperf_statements_seconds_count\\{[^}]*method=\"findByAuthorIdOrderByPublished\"");
		assertThat(scrape).containsPattern(
				"dbperf_repository_statements_count\\{application=\"dbperf-sample\",method=\"findFirst50WithBooks\",repository=\"AuthorRepository\"} [1-9]");
		assertThat(scrape).contains("hikaricp_connections{").contains("jdbc_connections_max{");
		assertThat(scrape).contains("spring_data_repository_invocations_seconds_count{");
	}

	@Test
	void theSlowPageIsTheSlowQueryDbperfRecords() throws Exception {
		assertThat(get("/books/most-mentioned").body()).contains("mentions");
		JsonNode slow = new ObjectMapper().readTree(get("/actuator/dbperf").body()).get("slowQueries");
		// Its statement took longer than the sample's 200 ms threshold (about a second
		// here), by dbperf's clock.
		assertThat(slow.findValuesAsText("method")).contains("findMostMentioned");
		for (JsonNode query : slow) {
			if (query.get("method").asText().equals("findMostMentioned")) {
				assertThat(query.get("repository").asText()).isEqualTo("BookRepository");
				assertThat(query.get("entrypoint").asText()).isEqualTo("GET /books/most-mentioned");
				assertThat(query.get("elapsedMillis").asDouble()).isGreaterThanOrEqualTo(200);
			}
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

}
