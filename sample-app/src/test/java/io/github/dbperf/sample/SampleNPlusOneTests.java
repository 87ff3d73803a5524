package io.github.dbperf.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.database.DatabaseStatistics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.dbperf.sample.SampleHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the sample app's problem pages makes one finding that names the association,
 * the application's line and the fix, and its fixed twin makes none, on H2 and on a real
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
		// As a DBA would set it up: pg_stat_statements preloaded and created in the
		// database.
		postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create extension pg_stat_statements");
		}
		try (ConfigurableApplicationContext app = start(
				"spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "spring.datasource.password=postgres")) {
			DatabaseStatistics database = app.getBean(DatabaseStatistics.class);
			database.readNow();
			assertFlaggedAndFixed(app);
			database.readNow();
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JsonNode report = this.json.readTree(get(port, "/actuator/dbperf?limit=100").body());
			assertThat(report.at("/database/0/source").asText()).as(report.get("database").toString())
				.isEqualTo("pg_stat_statements");
			assertThat(report.at("/database/0/status").asText()).isEqualTo("reading");
			assertThat(report.at("/database/0/matchRate").asDouble()).as(report.get("database").toString())
				.isGreaterThan(0.5);
			org.slf4j.LoggerFactory.getLogger(SampleNPlusOneTests.class)
				.info("Match rate on PostgreSQL: {}", report.get("database"));
			JsonNode books = null;
			for (JsonNode statement : report.get("topStatements")) {
				if (statement.get("sql").asText().contains("from book b1_0 where b1_0.author_id=?")) {
					books = statement;
				}
			}
			assertThat(books).isNotNull();
			assertThat(books.at("/database/calls").asLong()).isEqualTo(books.get("calls").asLong());
			assertThat(books.at("/database/sharedBlocksHit").asLong()).isPositive();
			// The dashboard shows the same: a column, the statement's page, what is read.
			String html = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/dbperf?limit=100"))
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(html).contains("The database's own statistics")
				.contains("<td>pg_stat_statements</td>")
				.contains("<td>reading</td>")
				.contains("blocks from disk");
			String page = this.http
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/actuator/dbperf/" + books.get("id").asText()))
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(page).contains("shared blocks hit").contains("client minus server ms");
		}
	}

	@Test
	void batchFetchingOnPostgreSqlIsNeverNPlusOne() throws Exception {
		EmbeddedPostgres server = EmbeddedPostgres.builder().start();
		try (server) {
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("create database batched");
			}
			try (ConfigurableApplicationContext app = start(
					"spring.datasource.url=" + server.getJdbcUrl("postgres", "batched"),
					"spring.datasource.username=postgres", "spring.datasource.password=postgres",
					"spring.jpa.properties.hibernate.default_batch_fetch_size=4")) {
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				for (String page : new String[] { "/authors", "/listings", "/books/options" }) {
					get(port, page);
				}
				JsonNode findings = this.json.readTree(get(port, "/actuator/dbperf").body()).get("findings");
				// PostgreSQL's batch loads (= any (?)) are what the advice asked for:
				// never N+1 or duplicates.
				assertThat(findings).noneSatisfy((finding) -> {
					assertThat(finding.get("kind").asText()).isIn("N_PLUS_ONE", "DUPLICATE");
					assertThat(finding.get("entrypoint").asText()).isIn("GET /authors", "GET /listings");
				});
				assertThat(findings).noneSatisfy((finding) -> {
					assertThat(finding.get("kind").asText()).isEqualTo("N_PLUS_ONE");
					assertThat(finding.get("sql").asText()).contains("= any (?)");
				});
				// 50 authors' books in batches of 4 is 13 batch loads: too small a batch,
				// and said so.
				JsonNode small = finding(findings, "GET /authors");
				assertThat(small.get("kind").asText()).isEqualTo("BATCH_SIZE_TOO_SMALL");
				assertThat(small.get("association").asText()).isEqualTo("Author.books");
				assertThat(small.get("maxRepetitions").asInt()).isEqualTo(13);
				assertThat(small.get("sql").asText()).contains("= any (?)");
				assertThat(small.at("/suggestions/0").asText()).contains("batches of 4")
					.contains("@BatchSize(size = 52) on Author.books");
			}
		}
	}

	private void assertFlaggedAndFixed(ConfigurableApplicationContext app) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		// Each problem page and its fixed twin.
		assertThat(get(port, "/authors").body()).contains("\"books\":10");
		for (String page : new String[] { "/authors/fetched", "/listings", "/listings/fetched", "/books/options",
				"/books/options/fixed", "/books/all", "/books/page", "/authors/with-books", "/authors/with-books/fixed",
				"/authors/7/page", "/authors/7/page/fixed" }) {
			get(port, page);
		}
		JsonNode report = this.json.readTree(get(port, "/actuator/dbperf").body());
		JsonNode findings = report.get("findings");
		// One finding per problem page, none for a fixed twin.
		List<String> expected = new ArrayList<>(List.of("GET /authors", "GET /listings", "GET /books/options",
				"GET /books/all", "GET /authors/{id}/page"));
		if (hibernatePagesCollectionFetchesInMemory()) {
			expected.add("GET /authors/with-books");
		}
		// Connection findings are about time held, on a machine whose speed is not the
		// test's to know: they have tests of their own (SamplePoolTests).
		List<String> connectionKinds = List.of("POOL_WAIT", "IDLE_IN_TRANSACTION", "CONNECTION_LEAK");
		List<String> entrypoints = new ArrayList<>();
		for (JsonNode finding : findings) {
			if (!connectionKinds.contains(finding.get("kind").asText())) {
				entrypoints.add(finding.get("entrypoint").asText());
			}
		}
		assertThat(entrypoints).containsExactlyInAnyOrderElementsOf(expected);

		// Lazy loading in a stream: the association, its mapping, the service line, the
		// fix.
		JsonNode lazy = finding(findings, "GET /authors");
		assertThat(lazy.get("kind").asText()).isEqualTo("N_PLUS_ONE");
		assertThat(lazy.get("maxRepetitions").asInt()).isEqualTo(50);
		assertThat(lazy.get("repository").asText()).isEqualTo("AuthorRepository");
		assertThat(lazy.get("method").asText()).isEqualTo("findTop50ByOrderByIdAsc");
		assertThat(lazy.get("callSite").asText()).startsWith(CatalogueService.class.getName());
		assertThat(lazy.get("sql").asText()).contains("from book").contains("author_id=?");
		assertThat(lazy.get("association").asText()).isEqualTo("Author.books");
		assertThat(lazy.at("/mapping/fetch").asText()).isEqualTo("LAZY");
		assertThat(lazy.at("/mapping/batchSize").asInt()).isEqualTo(1);
		// Top50 limits the rows: fetching the collection with it would page in memory, so
		// batches come first.
		assertThat(lazy.at("/suggestions/0").asText())
			.startsWith("AuthorRepository.findTop50ByOrderByIdAsc() pages its rows")
			.contains("@BatchSize(size = 50) on Author.books")
			.contains("hibernate.default_batch_fetch_size=50");
		assertThat(suggestions(lazy)).doesNotContain("annotate that method");
		assertThat(lazy.get("triggeredBySql").asText()).contains("from author");

		// An EAGER to-one loaded per row inside the query's own repository call.
		JsonNode eager = finding(findings, "GET /listings");
		assertThat(eager.get("association").asText()).isEqualTo("BookListing.author");
		assertThat(eager.at("/mapping/fetch").asText()).isEqualTo("EAGER");
		assertThat(eager.get("callSite").asText()).startsWith(OrmPagesController.class.getName() + ".listings");
		assertThat(suggestions(eager)).contains("BookListingRepository.findTop30ByOrderByIdAsc")
			.contains("@EntityGraph(attributePaths = \"author\")")
			.contains("@ManyToOne(fetch = FetchType.LAZY)");

		// A repository called by a formatter while the template renders: the formatter's
		// line.
		JsonNode formatter = finding(findings, "GET /books/options");
		assertThat(formatter.get("kind").asText()).isEqualTo("N_PLUS_ONE");
		assertThat(formatter.get("repository").asText() + "." + formatter.get("method").asText())
			.isEqualTo("AuthorRepository.findById");
		assertThat(formatter.get("callSite").asText()).startsWith(AuthorRefFormatter.class.getName() + ".print(");
		assertThat(formatter.at("/suggestions/0").asText())
			.startsWith("There is no loop in " + AuthorRefFormatter.class.getName() + ".print(")
			.contains("it is a Formatter")
			.contains("load the values of the whole page with one query");

		JsonNode large = finding(findings, "GET /books/all");
		assertThat(large.get("kind").asText()).isEqualTo("LARGE_RESULT");
		assertThat(large.get("rows").asLong()).isEqualTo(2000);
		assertThat(large.get("method").asText()).isEqualTo("findEverything");
		assertThat(large.get("callSite").asText()).startsWith(OrmPagesController.class.getName() + ".allBooks");
		assertThat(suggestions(large)).contains("Pageable");

		if (hibernatePagesCollectionFetchesInMemory()) {
			JsonNode paged = finding(findings, "GET /authors/with-books");
			assertThat(paged.get("kind").asText()).isEqualTo("IN_MEMORY_PAGINATION");
			assertThat(paged.get("method").asText()).isEqualTo("findPageWithBooks");
			assertThat(paged.get("rows").asLong()).isEqualTo(2000);
			assertThat(paged.get("callSite").asText()).startsWith(OrmPagesController.class.getName());
		}
		else {
			// Paged in SQL: nothing read beyond the page, so nothing to report for that
			// route.
			assertThat(findings).noneSatisfy(
					(finding) -> assertThat(finding.get("entrypoint").asText()).isEqualTo("GET /authors/with-books"));
		}

		JsonNode view = finding(findings, "GET /authors/{id}/page");
		assertThat(view.get("kind").asText()).isEqualTo("LOAD_AFTER_RESPONSE");
		assertThat(view.get("association").asText()).isEqualTo("Author.books");
		assertThat(view.get("callSite").asText()).startsWith(ViewPagesController.class.getName() + ".author");
		assertThat(suggestions(view)).contains("spring.jpa.open-in-view=false");

		assertThat(report.get("associations")).anySatisfy((association) -> {
			assertThat(association.get("role").asText()).isEqualTo("Author.books");
			assertThat(association.get("kind").asText()).isEqualTo("collection-load");
			assertThat(association.get("statements").asLong()).isEqualTo(51);
			assertThat(association.get("rows").asLong()).isEqualTo(510);
			assertThat(association.get("entrypoints").get(0).asText()).isEqualTo("GET /authors");
		});

		String prometheus = get(port, "/actuator/prometheus").body();
		assertThat(prometheus).contains(
				"dbperf_nplusone_total{application=\"dbperf-sample\",entrypoint=\"GET /authors\",method=\"findTop50ByOrderByIdAsc\",repository=\"AuthorRepository\"} 1.0");
		assertThat(prometheus)
			.doesNotContain("dbperf_nplusone_total{application=\"dbperf-sample\",entrypoint=\"GET /authors/fetched\"");
		assertThat(prometheus).contains(
				"dbperf_unit_statements_sum{application=\"dbperf-sample\",entrypoint=\"GET /authors/fetched\"} 1.0");
		assertThat(prometheus).contains(
				"dbperf_findings_total{application=\"dbperf-sample\",entrypoint=\"GET /books/all\",kind=\"LARGE_RESULT\",method=\"findEverything\",repository=\"BookRepository\"} 1.0");
		assertThat(prometheus)
			.doesNotContain("dbperf_nplusone_total{application=\"dbperf-sample\",entrypoint=\"GET /books/all\"");
		assertThat(prometheus).contains(
				"dbperf_orm_loads_total{application=\"dbperf-sample\",kind=\"collection\",role=\"Author.books\"} 51.0");
		assertThat(prometheus)
			.contains("dbperf_unit_entities_sum{application=\"dbperf-sample\",entrypoint=\"GET /authors\"} 550.0");
	}

	/**
	 * Hibernate before 7.4 reads every row of a paged query that fetches a collection and
	 * pages in memory; 7.4 (Spring Boot 4.1) pages such a query in SQL, with a subquery.
	 */
	private static boolean hibernatePagesCollectionFetchesInMemory() {
		String[] version = org.hibernate.Version.getVersionString().split("\\.");
		int major = Integer.parseInt(version[0]);
		int minor = Integer.parseInt(version[1]);
		return major < 7 || (major == 7 && minor < 4);
	}

	private static String suggestions(JsonNode finding) {
		StringBuilder text = new StringBuilder();
		finding.get("suggestions").forEach((suggestion) -> text.append(suggestion.asText()).append('\n'));
		return text.toString();
	}

	private static JsonNode finding(JsonNode findings, String entrypoint) {
		for (JsonNode finding : findings) {
			if (finding.get("entrypoint").asText().equals(entrypoint)) {
				return finding;
			}
		}
		throw new AssertionError("No finding for " + entrypoint + " in " + findings);
	}

	/**
	 * The sample app with these properties over its own application.yml (as command-line
	 * arguments: builder properties are only defaults, which application.yml overrides).
	 */
	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(SampleApplication.class).run(java.util.stream.Stream
			.concat(java.util.stream.Stream.of("server.port=0"), java.util.Arrays.stream(properties))
			.map((property) -> "--" + property)
			.toArray(String[]::new));
	}

}
