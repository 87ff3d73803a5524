package io.github.dbperf.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true} requests run on virtual threads:
 * attribution, units of work and N+1 detection still work per request, with requests
 * running at the same time.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void eachConcurrentRequestOnAVirtualThreadIsItsOwnUnitOfWork() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "spring.threads.virtual.enabled=true",
					"spring.datasource.url=jdbc:h2:mem:virtual;DB_CLOSE_DELAY=-1",
					"management.endpoints.web.exposure.include=prometheus,dbperf")
			.run()) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				responses.add(get(port, "/authors"));
				responses.add(get(port, "/authors/fetched"));
			}
			for (CompletableFuture<HttpResponse<String>> response : responses) {
				assertThat(response.get().statusCode()).isEqualTo(200);
			}
			String report = get(port, "/actuator/dbperf").get().body();
			// One finding: the lazy page, 50 repetitions in each of its units, none for
			// the fixed page.
			assertThat(report).contains("\"entrypoint\":\"GET /authors\"")
				.contains("\"maxRepetitions\":50")
				.contains("\"occurrences\":4")
				.doesNotContain("\"entrypoint\":\"GET /authors/fetched\",\"repository\"");
			String prometheus = get(port, "/actuator/prometheus").get().body();
			assertThat(prometheus)
				.contains("dbperf_unit_statements_count{application=\"dbperf-sample\",entrypoint=\"GET /authors\"} 4")
				.contains("dbperf_unit_statements_sum{application=\"dbperf-sample\",entrypoint=\"GET /authors\"} 204.0")
				.contains(
						"dbperf_unit_statements_sum{application=\"dbperf-sample\",entrypoint=\"GET /authors/fetched\"} 4.0");
		}
	}

	private CompletableFuture<HttpResponse<String>> get(int port, String path) {
		return this.http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
