package io.github.dbperf.database;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's statement statistics join every statement the application ran, as each
 * server keeps it: MariaDB's digests fold value tuples, {@code IN} lists and
 * {@code LIMIT ?, ?}, upper-case keywords, quote names and cut long texts; PostgreSQL
 * numbers parameters and PgJDBC appends {@code RETURNING} for generated keys.
 */
class StatementJoinOnEnginesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.slow-query.log=false", "dbperf.database-statistics.interval=1h");

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "POSTGRES", "MARIADB" })
	void everyStatementTheApplicationRanIsMatched(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			if (engine == Engine.POSTGRES) {
				jdbc.execute("create extension if not exists pg_stat_statements");
			}
			jdbc.execute("create table item (id int primary key, name varchar(40), note varchar(40))");
			DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
			// Reads happen when the test says, never in between (the first scheduled one
			// comes 5 s after start).
			database.stopScheduledReads();
			database.readNow();
			context.getBean(StatementStatistics.class).reset();

			workload(context, jdbc);
			database.readNow();

			DatabaseView view = database.views().get(0);
			LoggerFactory.getLogger(StatementJoinOnEnginesTests.class)
				.info("{}: {} of {} server statements matched, {} of executions; elsewhere: {}", engine,
						view.matchedStatements(), view.serverStatements(), view.matchRate(), view.elsewhere());
			List<SqlFingerprint> ran = context.getBean(StatementStatistics.class).fingerprints();
			assertThat(ran).hasSizeGreaterThanOrEqualTo(10);
			List<String> unmatched = ran.stream()
				.filter((fingerprint) -> database.figures(fingerprint.id()) == null)
				.map(SqlFingerprint::sql)
				.toList();
			assertThat(unmatched).isEmpty();
			assertThat(view.elsewhere()).isEmpty();
			assertThat(view.ambiguousStatements()).isZero();
			assertThat(view.matchRate()).isEqualTo(1.0);
		});
	}

	private static void workload(AssertableApplicationContext context, JdbcTemplate jdbc) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		// IDENTITY ids: one insert, then several (no JDBC batch with IDENTITY)
		Author first = authors.save(new Author("first"));
		List<Author> saved = authors.saveAll(IntStream.range(0, 6).mapToObj((i) -> new Author("a" + i)).toList());
		// IN lists of several sizes
		authors.findAllById(List.of(first.getId(), saved.get(0).getId()));
		authors.findAllById(saved.stream().map(Author::getId).toList());
		// a paged select with an offset, and the name column (a keyword on MariaDB)
		authors.findByNameStartingWith("a", PageRequest.of(1, 2));
		authors.findByName("first");
		// a JDBC batch, single-row and multi-row inserts
		jdbc.batchUpdate("insert into item (id, name, note) values (?, ?, ?)",
				List.of(new Object[] { 1, "one", "x" }, new Object[] { 2, "two", "y" }));
		jdbc.update("insert into item (id, name, note) values (?, ?, ?)", 3, "three", "z");
		jdbc.update("insert into item (id, name, note) values (?, ?, ?), (?, ?, ?)", 4, "four", "w", 5, "five", "v");
		jdbc.queryForList("select id, name from item where id in (?, ?, ?) order by id limit 2 offset 1", 1, 2, 3);
		// longer than MariaDB's 1,024-byte digests
		jdbc.queryForList(longSelect(), 1);
		jdbc.update("update item set note = ? where id = ?", "u", 1);
		jdbc.update("delete from item where id = ?", 5);
	}

	private static String longSelect() {
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < 90; i++) {
			columns.add("item.name as name_alias_" + i);
		}
		return columns.stream().collect(Collectors.joining(", ", "select ", " from item where id = ?"));
	}

}
