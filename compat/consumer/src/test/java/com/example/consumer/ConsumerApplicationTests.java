package com.example.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application, started as its main method starts it, with the starter added, serves a
 * repository-backed route and shows that route's statements in /actuator/dbperf and
 * /actuator/prometheus.
 */
class ConsumerApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private int port;

	@Test
	void statementsOfARouteAreInTheEndpointAndInPrometheus() throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(ConsumerApplication.class,
				"--server.port=0")) {
			this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			checkRoutesAndEndpoints();
		}
	}

	private void checkRoutesAndEndpoints() throws Exception {
		System.out.println("Spring Boot " + SpringBootVersion.getVersion() + " on Java "
				+ System.getProperty("java.version"));
		for (int i = 0; i < 3; i++) {
			assertThat(get("/pets/Leo", "application/json").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> report = get("/actuator/dbperf", "application/json");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("PetRepository.findByName")
			.contains("\"topStatements\"")
			.contains("where p1_0.name=?");
		HttpResponse<String> dashboard = get("/actuator/dbperf", "text/html");
		assertThat(dashboard.body()).contains("<html").contains("PetRepository");
		String prometheus = get("/actuator/prometheus", "text/plain").body();
		assertThat(prometheus).contains("dbperf_statements_seconds_count{")
			.containsPattern("dbperf_statements_seconds_count\\{[^}]*method=\"findByName\"[^}]*\\} 3")
			.contains("hikaricp_connections");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
