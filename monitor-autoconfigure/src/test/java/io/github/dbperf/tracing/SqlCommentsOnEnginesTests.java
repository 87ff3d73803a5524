package io.github.dbperf.tracing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.statistics.Window;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * SQL comments on real servers: the database's own view of a running statement names the
 * route and the repository method; dbperf's fingerprints are the same with and without
 * them; a statement that came with a comment is sent as it is. A running statement is
 * found by polling the server and then cancelled: no sleep is long or short enough by
 * chance.
 */
class SqlCommentsOnEnginesTests {

	@Test
	void pgStatActivityNamesTheRouteAndTheRepositoryMethodOfARunningStatement() throws Exception {
		try (RunningApplication application = RunningApplication.start(Engine.POSTGRES,
				"dbperf.sql-comments.enabled=true", "spring.application.name=shop", "dbperf.slow-query.log=false")) {
			String query = whileRunning(application, "pg_sleep", () -> {
				try (Scope unit = DbPerf.scope("nightly import")) {
					application.bean(AuthorRepository.class).sleep(600_000);
				}
			});
			assertThat(query).isEqualTo("select pg_sleep($1) /*application='shop',"
					+ "db_repository='AuthorRepository.sleep',framework='spring',route='nightly%20import'*/");
		}
	}

	@Test
	void theServerLogOfStatementsByDurationShowsTheComment() throws Exception {
		String database = "logged" + System.nanoTime() % 100000;
		Map<String, String> connection = Engine.POSTGRES.connection(database);
		try (Connection admin = DriverManager.getConnection(connection.get("url"), "postgres", "postgres")) {
			// Every statement of this database's sessions goes to the server log with its
			// duration, as a DBA's log_min_duration_statement does for the slow ones.
			admin.createStatement().execute("alter database " + database + " set log_min_duration_statement = 0");
		}
		try (RunningApplication application = RunningApplication.start(Engine.POSTGRES,
				"spring.datasource.url=" + connection.get("url"), "dbperf.sql-comments.enabled=true",
				"spring.application.name=logged-shop", "dbperf.slow-query.log=false")) {
			assertThat(application.get("/authors/1").statusCode()).isEqualTo(200);
			try (Connection admin = DriverManager.getConnection(connection.get("url"), "postgres", "postgres");
					ResultSet log = admin.createStatement().executeQuery("select pg_read_file(pg_current_logfile())")) {
				assertThat(log.next()).isTrue();
				List<String> lines = log.getString(1)
					.lines()
					.filter((line) -> line.contains("duration:") && line.contains("logged-shop"))
					.toList();
				assertThat(lines).as(log.getString(1))
					.anyMatch((line) -> line
						.matches(".* LOG:  duration: [0-9.]+ ms  execute <unnamed>: " + java.util.regex.Pattern
							.quote("select a1_0.id,a1_0.name from author a1_0 where a1_0.id=$1 "
									+ "/*action='author',application='logged-shop',controller='AuthorController',"
									+ "db_repository='AuthorRepository.findById',framework='spring',"
									+ "route='GET%20%2Fauthors%2F%7Bid%7D'*/")));
			}
		}
	}

	@Test
	void withTraceparentTheCommentCarriesTheSpanTheStatementRanIn() throws Exception {
		try (RunningApplication application = RunningApplication.start(TraceContextTests.TracedApplication.class,
				Engine.POSTGRES, "dbperf.sql-comments.enabled=true", "dbperf.sql-comments.traceparent=true",
				"spring.application.name=shop", "dbperf.slow-query.log=false")) {
			Tracer tracer = application.bean(Tracer.class);
			Span request = tracer.nextSpan().name("nightly import").start();
			String query;
			try {
				query = whileRunning(application, "pg_sleep", () -> {
					try (Tracer.SpanInScope scope = tracer.withSpan(request);
							Scope unit = DbPerf.scope("nightly import")) {
						application.bean(AuthorRepository.class).sleep(600_000);
					}
				});
			}
			finally {
				request.end();
			}
			assertThat(query).isEqualTo("select pg_sleep($1) /*application='shop',"
					+ "db_repository='AuthorRepository.sleep',framework='spring',route='nightly%20import',"
					+ "traceparent='00-" + request.context().traceId() + "-" + request.context().spanId() + "-01'*/");
		}
	}

	@Test
	void aStatementThatCameWithACommentIsSentAsItIs() throws Exception {
		try (RunningApplication application = RunningApplication.start(Engine.POSTGRES,
				"dbperf.sql-comments.enabled=true", "dbperf.slow-query.log=false")) {
			String query = whileRunning(application, "pg_sleep", () -> {
				try (Scope unit = DbPerf.scope("nightly import")) {
					application.bean(JdbcTemplate.class).queryForList("/* mine */ select pg_sleep(600)");
				}
			});
			assertThat(query).isEqualTo("/* mine */ select pg_sleep(600)");
		}
	}

	@Test
	void pgStatStatementsKeepsTheSameEntriesWithCommentsAsWithout() throws Exception {
		List<String> with = pgStatStatementsEntries(true);
		List<String> without = pgStatStatementsEntries(false);
		// The same entries, each with the same calls: the server's query id ignores the
		// comment; the text it keeps is the first one it saw, with its comment.
		assertThat(with).anyMatch((entry) -> entry.contains("route='GET%20%2Fauthors%2F%7Bid%7D'*/"));
		assertThat(with.stream().map((entry) -> entry.replaceAll(" /\\*.*\\*/", "")).sorted().toList())
			.isEqualTo(without.stream().sorted().toList())
			.contains("3 select a1_0.id,a1_0.name from author a1_0 where a1_0.id=$1");
	}

	@Test
	void mariaDbKeepsTheSameDigestsWithCommentsAsWithout() throws Exception {
		List<String> with = performanceSchemaDigests(true);
		List<String> without = performanceSchemaDigests(false);
		// The digest leaves comments out: the same digests, each with the same count.
		// dbperf's join matches as many of the server's statements either way.
		assertThat(with).isEqualTo(without)
			.anyMatch((entry) -> entry.startsWith("3 SELECT `a1_0` . `id` , `a1_0` . `name` FROM `author`"));
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void fingerprintsAndResultsAreTheSameWithCommentsAndWithout(Engine engine) throws Exception {
		List<String> without = workload(engine, false);
		List<String> with = workload(engine, true);
		assertThat(with).isEqualTo(without).anyMatch((line) -> line.contains("from author"));
		assertThat(with).noneMatch((line) -> line.contains("/*"));
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void batchesGeneratedKeysAndServerPreparedStatementsKeepWorkingWithComments(Engine engine) throws Exception {
		try (RunningApplication application = RunningApplication.start(engine, "dbperf.sql-comments.enabled=true",
				"dbperf.slow-query.log=false")) {
			AuthorRepository authors = application.bean(AuthorRepository.class);
			JdbcTemplate jdbc = application.bean(JdbcTemplate.class);
			List<Long> ids;
			int[] batch;
			try (Scope scope = DbPerf.scope("import")) {
				// Generated keys: an identity insert per author, each id read back.
				ids = authors
					.saveAll(java.util.stream.IntStream.range(0, 20).mapToObj((i) -> new Author("a" + i)).toList())
					.stream()
					.map(Author::getId)
					.toList();
				// A JDBC batch of one prepared statement, its comment set once at
				// prepare.
				batch = jdbc.batchUpdate("insert into book (title, price) values (?, ?)",
						java.util.stream.IntStream.range(0, 20).mapToObj((i) -> new Object[] { "t" + i, i }).toList());
				// The same statement many times over one connection: past PgJDBC's
				// prepareThreshold (5) it runs server-prepared, with the same text.
				for (Long id : ids) {
					assertThat(authors.findById(id)).get().extracting(Author::getName).isNotNull();
				}
			}
			assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSize(20);
			assertThat(java.util.Arrays.stream(batch).boxed().toList()).hasSize(20)
				.allMatch((rows) -> rows == 1 || rows == java.sql.Statement.SUCCESS_NO_INFO);
			assertThat(jdbc.queryForObject("select count(*) from book where title like 't%'", Integer.class))
				.isEqualTo(20);
			assertThat(application.bean(StatementStatistics.class).top(StatementOrder.CALLS, 1000, Window.ALL, false))
				.anySatisfy((statement) -> assertThat(statement.sql())
					.isEqualTo("insert into book (title, price) values (?, ?)"))
				.allSatisfy((statement) -> assertThat(statement.sql()).doesNotContain("/*"));
		}
	}

	/** The ids and texts of the statements of a workload, and its results. */
	private static List<String> workload(Engine engine, boolean comments) throws Exception {
		try (RunningApplication application = RunningApplication.start(engine,
				"dbperf.sql-comments.enabled=" + comments, "dbperf.slow-query.log=false")) {
			assertThat(application.get("/authors/1").statusCode()).isEqualTo(200);
			assertThat(application.get("/authors").statusCode()).isEqualTo(200);
			List<String> results = List.of(application.get("/authors/1").body(), application.get("/authors").body());
			return java.util.stream.Stream
				.concat(results.stream(),
						application.bean(StatementStatistics.class)
							.top(StatementOrder.CALLS, 1000, Window.ALL, false)
							.stream()
							.map((statement) -> statement.id() + " " + statement.sql())
							.sorted())
				.toList();
		}
	}

	private static List<String> pgStatStatementsEntries(boolean comments) throws Exception {
		try (RunningApplication application = RunningApplication.start(Engine.POSTGRES,
				"dbperf.sql-comments.enabled=" + comments, "dbperf.slow-query.log=false")) {
			String url = application.context().getEnvironment().getProperty("spring.datasource.url");
			try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
				connection.createStatement().execute("create extension if not exists pg_stat_statements");
				DatabaseStatistics database = application.bean(DatabaseStatistics.class);
				database.stopScheduledReads();
				connection.createStatement().execute("select pg_stat_statements_reset()");
				database.readNow();
				for (int i = 1; i <= 3; i++) {
					assertThat(application.get("/authors/" + i).statusCode()).isEqualTo(200);
				}
				assertThat(application.get("/authors").statusCode()).isEqualTo(200);
				database.readNow();
				// dbperf's join of the server's statements to its fingerprints: every one
				// matched, comments or not.
				assertThat(database.views().get(0).matchRate()).as(database.views().toString()).isEqualTo(1.0);
				try (PreparedStatement entries = connection
					.prepareStatement("select query, calls from pg_stat_statements "
							+ "where dbid = (select oid from pg_database where datname = current_database()) "
							+ "and query not like '%pg_stat_statements%' and query not like 'SET %'");
						ResultSet rows = entries.executeQuery()) {
					List<String> queries = new java.util.ArrayList<>();
					while (rows.next()) {
						queries.add(rows.getLong(2) + " " + rows.getString(1));
					}
					return queries;
				}
			}
		}
	}

	private static List<String> performanceSchemaDigests(boolean comments) throws Exception {
		try (RunningApplication application = RunningApplication.start(Engine.MARIADB,
				"dbperf.sql-comments.enabled=" + comments, "dbperf.slow-query.log=false")) {
			DatabaseStatistics database = application.bean(DatabaseStatistics.class);
			database.stopScheduledReads();
			JdbcTemplate jdbc = new JdbcTemplate(application.bean(DataSourceMonitor.class).target("dataSource"));
			String schema = jdbc.queryForObject("select database()", String.class);
			jdbc.execute("truncate table performance_schema.events_statements_summary_by_digest");
			database.readNow();
			for (int i = 1; i <= 3; i++) {
				assertThat(application.get("/authors/" + i).statusCode()).isEqualTo(200);
			}
			assertThat(application.get("/authors").statusCode()).isEqualTo(200);
			database.readNow();
			String matched = "matched " + database.views().get(0).matchedStatements() + " of "
					+ database.views().get(0).serverStatements();
			return java.util.stream.Stream.concat(java.util.stream.Stream.of(matched), jdbc.queryForList(
					"select count_star, digest_text from performance_schema.events_statements_summary_by_digest "
							+ "where schema_name = ? and digest_text not like '%performance_schema%' "
							+ "and digest_text not like 'SELECT `database` ( )%' "
							// Session settings and transaction control: as many as the
							// pool opened connections, which is its own business.
							+ "and digest_text not like 'SET %' and digest_text not like 'COMMIT%' "
							+ "and digest_text not like 'ROLLBACK%'",
					schema)
				.stream()
				.map((row) -> row.get("count_star") + " " + row.get("digest_text"))
				.sorted()).toList();
		}
	}

	/**
	 * What {@code pg_stat_activity} shows of a statement while it runs, read from a
	 * connection of the test's own; the statement is cancelled once seen.
	 */
	private static String whileRunning(RunningApplication application, String marker, Runnable statement)
			throws Exception {
		String url = application.context().getEnvironment().getProperty("spring.datasource.url");
		CompletableFuture<Void> running = CompletableFuture.runAsync(statement);
		AtomicReference<String> seen = new AtomicReference<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
				seen.set(activity(connection, marker));
				return seen.get() != null;
			});
			try (PreparedStatement cancel = connection.prepareStatement("select pg_cancel_backend(pid) "
					+ "from pg_stat_activity where query like ? and pid <> pg_backend_pid()")) {
				cancel.setString(1, "%" + marker + "%");
				cancel.execute();
			}
		}
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> running.get(60, TimeUnit.SECONDS));
		return seen.get();
	}

	private static String activity(Connection connection, String marker) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select query from pg_stat_activity "
				+ "where query like ? and state = 'active' and pid <> pg_backend_pid()")) {
			query.setString(1, "%" + marker + "%");
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

}
