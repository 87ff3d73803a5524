package io.github.dbperf.test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.test.app.ShelfApplication;
import io.github.dbperf.test.app.ShelfRepository;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import static io.github.dbperf.test.DbPerfAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An application's own datasource-proxy listener beans run on dbperf's wrapper: the
 * application that used datasource-proxy-spring-boot-starter removes it and its
 * {@link QueryExecutionListener} and {@link MethodExecutionListener} see the same calls,
 * with the same {@link ExecutionInfo} and {@link QueryInfo}; with the starter still
 * there, they are called once, by it.
 */
class ProxyListenersTests {

	private static final String STARTER = "com.github.gavlyukovskiy.boot.jdbc.decorator.DataSourceDecoratorAutoConfiguration";

	private static final String MICROMETER = "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration";

	@Test
	void theListenersSeeTheSameCallsWithoutTheStarterAsWithIt() {
		// The Boot 3.5 build has neither library (their versions are Boot 4's).
		assumeTrue(ClassUtils.isPresent(STARTER, null), "datasource-proxy-spring-boot-starter on the class path");
		List<String> withStarter = observe(MICROMETER);
		List<String> withDbPerfAlone = observe(MICROMETER + "," + STARTER);
		assertThat(withStarter).anyMatch((call) -> call.startsWith("afterQuery"));
		assertThat(withDbPerfAlone).isEqualTo(withStarter);
	}

	@Test
	void eachStatementReachesTheListenersOnceWithItsQueryAndParameters() {
		List<String> calls = observe(MICROMETER + "," + STARTER);
		List<String> queries = calls.stream()
			.filter((call) -> call.startsWith("beforeQuery") || call.startsWith("afterQuery"))
			.toList();
		assertThat(queries).hasSize(2);
		assertThat(queries.get(0)).startsWith("beforeQuery dataSource PREPARED batch=false [select ")
			.endsWith(" where s1_0.name=? [[1, a]]]");
		assertThat(queries.get(1)).startsWith("afterQuery dataSource PREPARED batch=false success=true [select ")
			.endsWith(" where s1_0.name=? [[1, a]]]");
		assertThat(calls).contains("beforeMethod DataSource.getConnection dataSource",
				"beforeMethod Connection.prepareStatement dataSource",
				"beforeMethod PreparedStatement.setString dataSource",
				"beforeMethod PreparedStatement.executeQuery dataSource", "beforeMethod Connection.close dataSource");
	}

	@Test
	void withoutListenerBeansTheConnectionsAreDbPerfsAlone() throws Exception {
		try (ConfigurableApplicationContext context = run(MICROMETER + "," + STARTER)) {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(DataSourceUnwrapper.unwrap(dataSource, ProxyDataSource.class)).isNull();
			try (var connection = dataSource.getConnection()) {
				assertThat(connection.getClass().getName()).isEqualTo("io.github.dbperf.capture.LeanConnection");
				assertThat(connection.unwrap(java.sql.Connection.class).getClass().getName())
					.doesNotStartWith("jdk.proxy");
			}
		}
	}

	private static List<String> observe(String excluded) {
		try (ConfigurableApplicationContext context = run(excluded, Listening.class)) {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(DataSourceUnwrapper.unwrap(dataSource, MonitoredDataSource.class)).isNotNull();
			assertThat(DataSourceUnwrapper.unwrap(dataSource, ProxyDataSource.class) != null)
				.as("wrapped by datasource-proxy-spring-boot-starter")
				.isEqualTo(!excluded.contains(STARTER));
			assertThat(context.getBean(DataSourceMonitor.class).monitored()).hasSize(1);
			RecordingListener listener = context.getBean(RecordingListener.class);
			ShelfRepository shelves = context.getBean(ShelfRepository.class);
			shelves.findByName("warm-up");
			listener.calls.clear();
			try (RecordedStatements recorded = RecordedStatements.start()) {
				shelves.findByName("a");
				assertThat(recorded.stop()).hasSelectCount(1).hasStatementCount(1);
			}
			return List.copyOf(listener.calls);
		}
	}

	/** The application; its arguments override the module's application.properties. */
	private static ConfigurableApplicationContext run(String excluded, Class<?>... sources) {
		return new SpringApplicationBuilder(ShelfApplication.class).sources(sources)
			.web(WebApplicationType.NONE)
			.run("--spring.autoconfigure.exclude=" + excluded, "--spring.datasource.generate-unique-name=true");
	}

	@Configuration(proxyBeanMethods = false)
	static class Listening {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	/** Writes down what each call tells the listener, in order. */
	static class RecordingListener implements QueryExecutionListener, MethodExecutionListener {

		final List<String> calls = new ArrayList<>();

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			this.calls.add("beforeQuery " + execution.getDataSourceName() + " " + execution.getStatementType()
					+ " batch=" + execution.isBatch() + " " + queries(queries));
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			this.calls.add("afterQuery " + execution.getDataSourceName() + " " + execution.getStatementType()
					+ " batch=" + execution.isBatch() + " success=" + execution.isSuccess() + " " + queries(queries));
		}

		@Override
		public void beforeMethod(MethodExecutionContext context) {
			this.calls.add("beforeMethod " + context.getMethod().getDeclaringClass().getSimpleName() + "."
					+ context.getMethod().getName() + " " + dataSourceName(context));
		}

		@Override
		public void afterMethod(MethodExecutionContext context) {
			this.calls.add("afterMethod " + context.getMethod().getDeclaringClass().getSimpleName() + "."
					+ context.getMethod().getName() + " " + dataSourceName(context) + " thrown="
					+ (context.getThrown() != null));
		}

		private static String dataSourceName(MethodExecutionContext context) {
			return (context.getConnectionInfo() != null) ? context.getConnectionInfo().getDataSourceName()
					: context.getProxyConfig().getDataSourceName();
		}

		private static String queries(List<QueryInfo> queries) {
			return queries.stream()
				.map((query) -> query.getQuery() + " "
						+ query.getParametersList()
							.stream()
							.map((parameters) -> parameters.stream()
								.map(ParameterSetOperation::getArgs)
								.map(List::of)
								.map(Object::toString)
								.collect(Collectors.joining(", ")))
							.toList())
				.collect(Collectors.joining(", ", "[", "]"));
		}

	}

}
