package io.github.dbperf.capture;

import java.util.List;
import java.util.Locale;

import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.database.DatabaseView;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Data's derived LIKE queries ({@code StartingWith}, {@code EndingWith},
 * {@code Containing}, {@code Like}, {@code IgnoreCase}, with a {@code Pageable}, a
 * {@code Sort}, {@code Top} and further conditions) as Hibernate renders them on each
 * engine ({@code like ? escape '\'}, {@code '\\'} on MariaDB): each SQL is its own
 * fingerprint, with every keyword after the escape clause, and the database's own
 * statistics join every one of them.
 */
class DerivedLikeQueriesOnEnginesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.slow-query.log=false", "dbperf.database-statistics.interval=1h");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void eachDerivedLikeQueryKeepsItsWholeStatement(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			DatabaseStatistics database = prepare(context, engine);
			workload(context.getBean(AuthorRepository.class));
			List<String> likes = likeFingerprints(context);
			// page 0 and page 1 (with an offset), the count query of the page,
			// ending-with ordered,
			// containing with a further condition and a sort, top 3
			assertThat(likes).hasSize(6).doesNotHaveDuplicates();
			// Only the page's count query ends at its escape clause.
			assertThat(likes).filteredOn((sql) -> afterEscape(sql).isBlank())
				.singleElement()
				.satisfies((sql) -> assertThat(sql).startsWith("select count("));
			assertThat(likes).filteredOn((sql) -> afterEscape(sql).contains("order by")).hasSize(4);
			assertThat(likes).filteredOn((sql) -> afterEscape(sql).contains("and")).hasSize(1);
			assertThat(likes)
				.filteredOn(
						(sql) -> afterEscape(sql).contains("offset") || afterEscape(sql).matches(".*limit \\?, ?\\?.*"))
				.hasSize(1);
			assertThat(likes)
				.filteredOn((sql) -> afterEscape(sql).contains("fetch first") || afterEscape(sql).contains("limit"))
				.hasSize(3);
			assertThat(context.getBean(SqlFingerprinter.class).incomplete()).isZero();
			if (database != null) {
				database.readNow();
				DatabaseView view = database.views().get(0);
				StatementStatistics statistics = context.getBean(StatementStatistics.class);
				for (SqlFingerprint fingerprint : statistics.fingerprints()) {
					if (isLikeQuery(fingerprint.sql())) {
						assertThat(database.figures(fingerprint.id())).as(fingerprint.sql()).isNotNull();
					}
				}
				assertThat(view.elsewhere()).noneSatisfy(
						(statement) -> assertThat(statement.sql().toLowerCase(Locale.ROOT)).contains("author"));
			}
		});
	}

	private static DatabaseStatistics prepare(AssertableApplicationContext context, Engine engine) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		for (int i = 0; i < 12; i++) {
			authors.save(new Author(((i % 2 == 0) ? "Ann" : "Bob") + i));
		}
		if (engine == Engine.H2) {
			return null;
		}
		if (engine == Engine.POSTGRES) {
			context.getBean(JdbcTemplate.class).execute("create extension if not exists pg_stat_statements");
		}
		DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
		// Reads happen when the test says, never in between (the first scheduled one
		// comes 5 s after start).
		database.stopScheduledReads();
		database.readNow();
		return database;
	}

	private static void workload(AuthorRepository authors) {
		for (int i = 0; i < 3; i++) {
			assertThat(authors.findByNameStartingWith("Ann", PageRequest.of(0, 4, Sort.by("name")))).hasSize(4);
			assertThat(authors.findByNameStartingWith("Ann", PageRequest.of(1, 4, Sort.by("name")))).hasSize(2);
			assertThat(authors.findByNameEndingWithOrderByNameDesc("1")).hasSize(2);
			assertThat(authors.findByNameContainingIgnoreCaseAndIdGreaterThan("ob", 0L, Sort.by("name"))).hasSize(6);
			assertThat(authors.findTop3ByNameLike("%n%")).hasSize(3);
		}
	}

	private static List<String> likeFingerprints(AssertableApplicationContext context) {
		return context.getBean(StatementStatistics.class)
			.fingerprints()
			.stream()
			.map(SqlFingerprint::sql)
			.filter(DerivedLikeQueriesOnEnginesTests::isLikeQuery)
			.toList();
	}

	private static boolean isLikeQuery(String sql) {
		String lower = sql.toLowerCase(Locale.ROOT);
		return lower.contains("author") && lower.contains(" like ");
	}

	private static String afterEscape(String sql) {
		String lower = sql.toLowerCase(Locale.ROOT);
		int escape = lower.lastIndexOf("escape ?");
		assertThat(escape).as(sql).isPositive();
		return lower.substring(escape + "escape ?".length());
	}

}
