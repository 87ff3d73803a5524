package io.github.dbperf.capture;

import java.util.List;

import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every statement of real Spring Data JPA repositories is captured, classified and
 * attributed, on each real engine.
 */
class CaptureOnEnginesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES);

	@ParameterizedTest
	@EnumSource(Engine.class)
	void statementsAreCountedPerOperationAndAttributedToRepositoryMethods(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			assertThat(context).hasNotFailed();
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			BookRepository books = context.getBean(BookRepository.class);

			Author author = authors.save(new Author("Le Guin"));
			books.saveAll(List.of(new Book("Earthsea", 10, author), new Book("Lathe", 12, author)));
			assertThat(authors.findById(author.getId())).isPresent();
			assertThat(authors.findByName("Le Guin")).hasSize(1);
			assertThat(books.raisePrices()).isEqualTo(2);
			books.deleteAllInBatch();

			assertThat(count(context, "AuthorRepository", "save", "insert", "success")).isEqualTo(1);
			assertThat(count(context, "BookRepository", "saveAll", "insert", "success")).isEqualTo(2);
			assertThat(count(context, "AuthorRepository", "findById", "select", "success")).isEqualTo(1);
			assertThat(count(context, "AuthorRepository", "findByName", "select", "success")).isEqualTo(1);
			assertThat(count(context, "BookRepository", "raisePrices", "update", "success")).isEqualTo(1);
			assertThat(count(context, "BookRepository", "deleteAllInBatch", "delete", "success")).isEqualTo(1);

			DistributionSummary perCall = registry(context).get("dbperf.repository.statements")
				.tag("repository", "BookRepository")
				.tag("method", "saveAll")
				.summary();
			assertThat(perCall.count()).isEqualTo(1);
			assertThat(perCall.totalAmount()).isEqualTo(2);
		});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void failingStatementIsRecordedWithErrorOutcomeAndStillFailsTheCaller(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			assertThat(authors.insertWithId(1000)).isEqualTo(1);
			// The duplicate key fails when executed, on every engine.
			assertThatException().isThrownBy(() -> authors.insertWithId(1000));
			assertThat(count(context, "AuthorRepository", "insertWithId", "insert", "success")).isEqualTo(1);
			assertThat(count(context, "AuthorRepository", "insertWithId", "insert", "error")).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void statementsOutsideRepositoriesAreAttributedToNone(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.queryForObject("select count(*) from author", Long.class);
			jdbc.queryForObject("select count(*) from author", Long.class);
			assertThat(count(context, "none", "none", "select", "success")).isEqualTo(2);
		});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void nestedRepositoryCallsAttributeToTheInnermostAndCountForTheOutermost(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			authors.save(new Author("Butler"));
			assertThat(authors.countViaFindAll()).isEqualTo(1);
			assertThat(count(context, "AuthorRepository", "findAll", "select", "success")).isEqualTo(1);
			DistributionSummary outer = registry(context).get("dbperf.repository.statements")
				.tag("repository", "AuthorRepository")
				.tag("method", "countViaFindAll")
				.summary();
			assertThat(outer.totalAmount()).isEqualTo(1);
		});
	}

	private static long count(ApplicationContext context, String repository, String method, String operation,
			String outcome) {
		Timer timer = registry(context).find("dbperf.statements")
			.tag("repository", repository)
			.tag("method", method)
			.tag("operation", operation)
			.tag("outcome", outcome)
			.tag("datasource", "dataSource")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static MeterRegistry registry(ApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

}
