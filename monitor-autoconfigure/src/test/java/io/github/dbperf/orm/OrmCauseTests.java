package io.github.dbperf.orm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.DbPerf;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.CallerThreadSink;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement knows why Hibernate ran it, learnt from Hibernate's own events, on
 * every engine.
 */
class OrmCauseTests {

	private final List<StatementEvent> events = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withBean("recorder", CallerThreadSink.class, () -> this.events::add);

	@ParameterizedTest
	@EnumSource(Engine.class)
	void queriesLoadsFlushesAndPlainJdbcAreToldApart(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			BookRepository books = context.getBean(BookRepository.class);
			this.events.clear();
			Author saved = authors.save(new Author("Le Guin"));
			books.save(new Book("Earthsea", 10, saved));
			assertThat(causesOf(Operation.INSERT)).extracting(OrmCause::toString)
				.containsExactly("flush Author", "flush Book");

			this.events.clear();
			authors.findByName("Le Guin");
			assertThat(causesOf(Operation.SELECT)).containsExactly(OrmCause.QUERY);

			this.events.clear();
			authors.findById(saved.getId());
			assertThat(causesOf(Operation.SELECT)).extracting(OrmCause::toString).containsExactly("entity-load Author");

			this.events.clear();
			int[] entities = new int[1];
			try (UnitOfWork unit = DbPerf.scope("lazy")) {
				context.getBean(TransactionTemplate.class)
					.executeWithoutResult((status) -> authors.findAll().forEach((author) -> author.getBooks().size()));
				entities[0] = unit.entities();
			}
			assertThat(causesOf(Operation.SELECT)).extracting(OrmCause::toString)
				.containsExactly("query", "collection-load Author.books");
			// One author and its one book.
			assertThat(entities[0]).isEqualTo(2);

			this.events.clear();
			context.getBean(JdbcTemplate.class).queryForObject("select count(*) from author", Long.class);
			assertThat(causesOf(Operation.SELECT)).containsExactly(OrmCause.JDBC);
		});
	}

	private List<OrmCause> causesOf(Operation operation) {
		return this.events.stream().filter((event) -> event.operation() == operation).map(StatementEvent::cause)
			.toList();
	}

}
