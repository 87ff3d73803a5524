package io.github.dbperf.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.persistence.EntityManagerFactory;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;
import io.github.dbperf.attribution.OrmCause;

import io.github.dbperf.capture.CallerThreadSink;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
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
			try (Scope unit = DbPerf.scope("lazy")) {
				context.getBean(TransactionTemplate.class)
					.executeWithoutResult((status) -> authors.findAll().forEach((author) -> author.getBooks().size()));
				entities[0] = unit.entitiesLoaded();
			}
			assertThat(causesOf(Operation.SELECT)).extracting(OrmCause::toString)
				.containsExactly("query", "collection-load Author.books");
			// One author and its one book.
			assertThat(entities[0]).isEqualTo(2);

			this.events.clear();
			context.getBean(JdbcTemplate.class).queryForObject("select count(*) from author", Long.class);
			assertThat(causesOf(Operation.SELECT)).containsExactly(OrmCause.JDBC);

			// A flush that wrote an entity, at a commit outside any repository call and
			// unit of work, ends there: what runs next is not part of it.
			Author gone = authors.save(new Author("Gone"));
			context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> authors.delete(gone));
			this.events.clear();
			authors.findByName("Le Guin");
			assertThat(causesOf(Operation.SELECT)).containsExactly(OrmCause.QUERY);
		});
	}

	@Test
	void hibernateRunsDbPerfListenersOnlyInContextsDbPerfMonitors() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.run((context) -> assertThat(dbPerfListeners(context)).contains("HibernateCauses$Begins",
					"HibernateCauses$Ends", "HibernateCauses$Write", "HibernateCauses$EntityCount"));
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.enabled=false")
			.run((context) -> {
				assertThat(dbPerfListeners(context)).isEmpty();
				// Hibernate still runs its own: the application is unchanged.
				assertThat(listeners(context, EventType.LOAD)).isNotEmpty();
			});
		// An application can turn them off for itself.
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("spring.jpa.properties.dbperf.orm.causes=false")
			.run((context) -> assertThat(dbPerfListeners(context)).isEmpty());
	}

	private static List<String> dbPerfListeners(ApplicationContext context) {
		return Stream
			.of(EventType.LOAD, EventType.INIT_COLLECTION, EventType.AUTO_FLUSH, EventType.PRE_INSERT,
					EventType.POST_LOAD)
			.flatMap((type) -> listeners(context, type).stream())
			.filter((name) -> name.startsWith(HibernateCauses.class.getSimpleName()))
			.distinct()
			.toList();
	}

	private static List<String> listeners(ApplicationContext context, EventType<?> type) {
		EventListenerRegistry registry = context.getBean(EntityManagerFactory.class)
			.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.getService(EventListenerRegistry.class);
		List<String> names = new ArrayList<>();
		registry.getEventListenerGroup(type)
			.fireEventOnEachListener(null, (listener, event) -> names
				.add(listener.getClass().getName().substring(listener.getClass().getPackageName().length() + 1)));
		return names;
	}

	private List<OrmCause> causesOf(Operation operation) {
		return this.events.stream()
			.filter((event) -> event.operation() == operation)
			.map(StatementEvent::cause)
			.toList();
	}

}
