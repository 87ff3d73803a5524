package io.github.dbperf.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dbperf.sample.SampleHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's routes that hold the pool, through real HTTP: a transaction around a
 * remote call is IDLE_IN_TRANSACTION and its fixed twin is not; a connection never closed
 * is a CONNECTION_LEAK, the second time with its line, and its fixed twin is not.
 */
class SamplePoolTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aRemoteCallInsideATransactionAndALeakedConnectionAreNamedAndTheirTwinsAreNot() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:pool",
				"--dbperf.connections.leak-threshold=1s")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			// Twice: an idle transaction is told from the second time (the first may be a
			// warm-up).
			get(port, "/stock/1/reserve");
			JsonNode reserved = this.json.readTree(get(port, "/stock/1/reserve").body());
			JsonNode fixed = this.json.readTree(get(port, "/stock/1/reserve-fixed").body());
			assertThat(fixed).isEqualTo(reserved);
			assertThat(get(port, "/reports/books/count").body())
				.isEqualTo(get(port, "/reports/books/count-leaky").body());
			await().until(() -> kinds(port, "GET /reports/books/count-leaky").contains("CONNECTION_LEAK"));
			get(port, "/reports/books/count-leaky");
			await().until(() -> finding(port, "CONNECTION_LEAK").get("occurrences").asInt() == 2);
			assertThat(finding(port, "CONNECTION_LEAK").get("callSite").asText())
				.startsWith(PoolPagesController.class.getName() + ".countLeaky(");
			JsonNode idle = finding(port, "IDLE_IN_TRANSACTION");
			assertThat(idle.get("entrypoint").asText()).isEqualTo("GET /stock/{id}/reserve");
			assertThat(idle.get("repository").asText() + "." + idle.get("method").asText())
				.isEqualTo("StockService.reserve");
			assertThat(idle.at("/details/transaction").asText()).isEqualTo(StockService.class.getName() + ".reserve");
			assertThat(idle.at("/details/readOnly").asBoolean()).isTrue();
			assertThat(kinds(port, "GET /stock/{id}/reserve-fixed")).isEmpty();
			assertThat(kinds(port, "GET /reports/books/count")).isEmpty();
			JsonNode connections = this.json.readTree(get(port, "/actuator/dbperf").body()).at("/connections/0");
			assertThat(connections.findValuesAsText("entrypoint")).contains("GET /stock/{id}/reserve",
					"GET /stock/{id}/reserve-fixed", "GET /reports/books/count");
		}
	}

	private List<String> kinds(int port, String entrypoint) throws IOException, InterruptedException {
		List<String> kinds = new ArrayList<>();
		for (JsonNode finding : this.json.readTree(get(port, "/actuator/dbperf").body()).get("findings")) {
			if (finding.get("entrypoint").asText().equals(entrypoint)) {
				kinds.add(finding.get("kind").asText());
			}
		}
		return kinds;
	}

	private JsonNode finding(int port, String kind) throws IOException, InterruptedException {
		for (JsonNode finding : this.json.readTree(get(port, "/actuator/dbperf").body()).get("findings")) {
			if (finding.get("kind").asText().equals(kind)) {
				return finding;
			}
		}
		throw new AssertionError("no " + kind);
	}

}
