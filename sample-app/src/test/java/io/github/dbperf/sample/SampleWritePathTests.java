package io.github.dbperf.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dbperf.sample.SampleHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's order form, through real HTTP: saved as a Delivery (identity ids, a
 * unidirectional {@code @OneToMany}) it makes UNBATCHED_WRITES and EXTRA_UPDATE, each
 * explained by a mapping finding read at startup; saved as its fixed twin, a Shipment, it
 * makes none and answers the same.
 */
class SampleWritePathTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theCostlyMappingIsFlaggedWithItsMappingAndItsFixedTwinIsNot() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:writes")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			assertThat(get(port, "/orders/new").body()).contains("action=\"/deliveries\"");
			JsonNode delivery = this.json.readTree(post(port, "/deliveries", "recipient=Ada&lines=20").body());
			JsonNode shipment = this.json.readTree(post(port, "/shipments", "recipient=Ada&lines=20").body());
			assertThat(delivery.get("lines").asInt()).isEqualTo(20);
			assertThat(shipment.get("lines").asInt()).isEqualTo(20);
			JsonNode report = this.json.readTree(get(port, "/actuator/dbperf?limit=100").body());
			List<String> deliveryFindings = new ArrayList<>();
			for (JsonNode finding : report.get("findings")) {
				String entrypoint = finding.get("entrypoint").asText();
				assertThat(entrypoint).as(finding.toString()).isNotEqualTo("POST /shipments");
				if (entrypoint.equals("POST /deliveries")) {
					deliveryFindings.add(finding.get("kind").asText() + " " + finding.get("sql").asText());
				}
			}
			assertThat(deliveryFindings).containsExactlyInAnyOrder(
					"UNBATCHED_WRITES insert into delivery_line (article,id) values (?,default)",
					"EXTRA_UPDATE update delivery_line set delivery_id=? where id=?");
			JsonNode identity = mapping(report, "IDENTITY_IDS:DeliveryLine");
			assertThat(identity.at("/evidence/0/kind").asText()).isEqualTo("UNBATCHED_WRITES");
			JsonNode unidirectional = mapping(report, "UNIDIRECTIONAL_ONE_TO_MANY:Delivery.lines");
			assertThat(unidirectional.at("/evidence/0/kind").asText()).isEqualTo("EXTRA_UPDATE");
			assertThat(unidirectional.at("/evidence/0/entrypoint").asText()).isEqualTo("POST /deliveries");
		}
	}

	private static JsonNode mapping(JsonNode report, String name) {
		for (JsonNode mapping : report.get("mappings")) {
			if (mapping.get("name").asText().equals(name)) {
				return mapping;
			}
		}
		throw new AssertionError(name + " not in " + report.get("mappings"));
	}

	private HttpResponse<String> post(int port, String path, String form) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

}
