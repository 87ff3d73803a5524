package io.github.dbperf.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application on a real web server (random port) with {@code /actuator/dbperf}
 * exposed, and a real HTTP client for it.
 */
public final class RunningApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private RunningApplication(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	public static RunningApplication start(Engine engine, String... properties) {
		return start(TestApplication.class, engine, properties);
	}

	/**
	 * Start an application of its own (its own entities) the same way.
	 * @param application its configuration class
	 * @param engine the database engine
	 * @param properties more properties, which win
	 * @return the running application
	 */
	public static RunningApplication start(Class<?> application, Engine engine, String... properties) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
			.properties(TestApplication.JPA_PROPERTIES)
			.properties(engine.dataSourceProperties())
			.properties("spring.main.web-application-type=servlet", "server.port=0",
					"management.endpoints.web.exposure.include=dbperf,prometheus,health")
			.properties(properties);
		return new RunningApplication(builder.run());
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
	}

	public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
