package io.github.dbperf.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP to a running sample app, for the tests that start one of their own.
 */
final class SampleHttp {

	private static final HttpClient http = HttpClient.newHttpClient();

	private SampleHttp() {
	}

	/**
	 * GET a path, which must answer 200.
	 * @param port the app's port
	 * @param path the path and query
	 * @return the response
	 */
	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

}
