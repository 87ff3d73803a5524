package org.springframework.samples.dbperfcheck.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.dbperf.findings.Findings;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, an application in an {@code org.springframework.*} package gets its own
 * line as the call site of its N+1 loop.
 */
class SpringPackagedApplicationWebTests {

	@Test
	void callSiteIsTheApplicationsLineEvenUnderOrgSpringframework() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PetClinicLikeApplication.class)
			.properties(TestApplication.JPA_PROPERTIES)
			.properties(Engine.H2.dataSourceProperties())
			.properties("spring.main.web-application-type=servlet", "server.port=0")
			.run()) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/owners")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			org.awaitility.Awaitility.await()
				.untilAsserted(() -> assertThat(app.getBean(Findings.class).snapshot()).singleElement()
					.satisfies((finding) -> {
						assertThat(finding.entrypoint()).isEqualTo("GET /owners");
						assertThat(finding.association()).isEqualTo("Owner.pets");
						assertThat(finding.callSite()).startsWith(
								"org.springframework.samples.dbperfcheck.app.PetClinicLikeApplication$OwnersController.lambda$owners");
					}));
		}
	}

}
