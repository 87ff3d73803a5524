package io.github.dbperf.capture;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Plain JDBC through a monitored DataSource on each engine: Statement, PreparedStatement,
 * CallableStatement, both kinds of batches, failures, and results passed through
 * unchanged.
 */
class JdbcCaptureTests {

	private final List<StatementEvent> events = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withBean("recorder", CallerThreadSink.class, () -> this.events::add);

	@ParameterizedTest
	@EnumSource(Engine.class)
	void batchesAreOneEventPerSqlWithTheirSize(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("create table jdbc_t (id int primary key, v varchar(20))");
				}
				this.events.clear();
				try (PreparedStatement insert = connection
					.prepareStatement("insert into jdbc_t (id, v) values (?, ?)")) {
					for (int i = 1; i <= 3; i++) {
						insert.setInt(1, i);
						insert.setString(2, "v" + i);
						insert.addBatch();
					}
					int[] counts = insert.executeBatch();
					assertThat(counts).hasSize(3);
				}
				assertThat(this.events).singleElement().satisfies((event) -> {
					assertThat(event.operation()).isEqualTo(Operation.INSERT);
					assertThat(event.batchSize()).isEqualTo(3);
					assertThat(event.rows()).isIn(3L, -1L);
					assertThat(event.fingerprint().sql()).isEqualTo("insert into jdbc_t (id, v) values (?, ?)");
				});

				this.events.clear();
				try (Statement statement = connection.createStatement()) {
					statement.addBatch("insert into jdbc_t (id, v) values (10, 'ten')");
					statement.addBatch("update jdbc_t set v = 'eleven' where id = 10");
					assertThat(statement.executeBatch()).hasSize(2);
				}
				assertThat(this.events).extracting(StatementEvent::operation)
					.containsExactly(Operation.INSERT, Operation.UPDATE);
				assertThat(this.events).allSatisfy((event) -> assertThat(event.batchSize()).isEqualTo(2));

				this.events.clear();
				try (PreparedStatement update = connection.prepareStatement("update jdbc_t set v = ? where id <= ?")) {
					update.setString(1, "x");
					update.setInt(2, 2);
					assertThat(update.executeUpdate()).isEqualTo(2);
				}
				assertThat(this.events).singleElement().satisfies((event) -> {
					assertThat(event.rows()).isEqualTo(2);
					assertThat(event.batchSize()).isZero();
				});

				this.events.clear();
				try (PreparedStatement query = connection.prepareStatement("select v from jdbc_t where id = ?")) {
					query.setInt(1, 10);
					try (var rows = query.executeQuery()) {
						assertThat(rows.next()).isTrue();
						assertThat(rows.getString(1)).isEqualTo("eleven");
					}
					assertThat(query.getConnection()).isSameAs(connection);
				}
				assertThat(this.events).singleElement()
					.satisfies((event) -> assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS));

				this.events.clear();
				try (Statement statement = connection.createStatement()) {
					assertThatException()
						.isThrownBy(() -> statement.executeUpdate("insert into jdbc_t (id, v) values (1, 'dup')"));
				}
				assertThat(this.events).singleElement()
					.satisfies((event) -> assertThat(event.outcome()).isEqualTo(Outcome.ERROR));
			}
		});
	}

	@Test
	void callableStatementIsACall() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			this.events.clear();
			try (Connection connection = dataSource.getConnection();
					CallableStatement call = connection.prepareCall("{call ABS(?)}")) {
				call.setInt(1, -7);
				assertThat(call.execute()).isTrue();
				try (var rows = call.getResultSet()) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getInt(1)).isEqualTo(7);
				}
			}
			assertThat(this.events).singleElement()
				.satisfies((event) -> assertThat(event.operation()).isEqualTo(Operation.CALL));
		});
	}

}
