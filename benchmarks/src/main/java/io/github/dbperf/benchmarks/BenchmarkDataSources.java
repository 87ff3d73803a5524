package io.github.dbperf.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.p6spy.engine.spy.P6DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.autoconfigure.DbPerfAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfConnectionsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfDatabaseStatisticsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfExplainAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfMetricsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfOrmAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfStatisticsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfTracingAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfWebAttributionAutoConfiguration;
import io.github.dbperf.capture.DataSourceWrapper;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementListener;
import io.github.dbperf.capture.StatementRecorders;
import io.github.dbperf.capture.StatementSinks;
import io.github.dbperf.capture.WallClock;
import io.github.dbperf.internal.InternalFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.DataSourceObservationListener;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The DataSources compared, each over its own HikariCP pool on one in-memory H2 database.
 */
final class BenchmarkDataSources {

	static final String URL = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";

	static final int ROWS = 1000;

	/**
	 * The "traced" variant's tracer: Micrometer Tracing's OpenTelemetry bridge over the
	 * SDK, sampling every span, exporting none.
	 */
	static final Tracer TRACER = tracer();

	private BenchmarkDataSources() {
	}

	static HikariDataSource pool(String name) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(URL);
		config.setUsername("sa");
		config.setPoolName(name);
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(4);
		return new HikariDataSource(config);
	}

	static void createTable(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists book (id bigint primary key, title varchar(100), price int)");
			statement.execute("delete from book");
			statement
				.execute("insert into book select x, 'Title ' || x, mod(x, 50) from system_range(1, " + ROWS + ")");
		}
	}

	/**
	 * Build one variant.
	 * @param variant raw, proxy, capture, full, comments (full with SQL comments),
	 * unfollowed (full without following connections), traced (full with a tracer in the
	 * context, statement spans off), listener (full with an application's no-op
	 * datasource-proxy listener bean), p6spy or micrometer
	 * @param pool the pool underneath
	 * @return the DataSource to benchmark
	 */
	static DataSource of(String variant, HikariDataSource pool) {
		return switch (variant) {
			case "raw" -> pool;
			case "proxy" -> ProxyDataSourceBuilder.create("proxy", pool).listener(new NoOpListener()).build();
			case "capture" -> DataSourceWrapper.wrap(pool, "capture", listener("capture", List.of()));
			case "full" -> autoConfigured(pool);
			case "comments" -> autoConfigured(pool, "dbperf.sql-comments.enabled=true");
			case "unfollowed" -> autoConfigured(pool, "dbperf.connections.enabled=false");
			case "traced" -> autoConfigured(pool, TRACER);
			case "listener" -> autoConfigured(pool, new NoOpListener());
			case "p6spy" -> p6spy(pool);
			case "micrometer" -> micrometer(pool);
			default -> throw new IllegalArgumentException("Unknown variant " + variant);
		};
	}

	private static StatementListener listener(String name, List<io.github.dbperf.capture.StatementSink> sinks) {
		InternalFailures failures = new InternalFailures();
		UnitsOfWork units = new UnitsOfWork(failures);
		units.applicationReady(true);
		return new StatementListener(name, new SqlFingerprinter(),
				new StatementSinks(sinks, new StatementRecorders(failures), failures), threshold(), units, null,
				new WallClock());
	}

	private static SlowQueryThreshold threshold() {
		return new SlowQueryThreshold(Duration.ofMillis(500));
	}

	/**
	 * dbperf exactly as an application gets it: the starter's auto-configurations in a
	 * Spring context whose only DataSource bean is the pool, bound to a registry, ready.
	 */
	static DataSource autoConfigured(HikariDataSource pool, String... properties) {
		return autoConfigured(pool, (Object) null, properties);
	}

	/**
	 * dbperf as an application with one more bean gets it (a tracer, a datasource-proxy
	 * listener).
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static DataSource autoConfigured(HikariDataSource pool, Object bean, String... properties) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		Map<String, Object> values = new HashMap<>();
		for (String property : properties) {
			values.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", values));
		context.registerBean("dataSource", DataSource.class, () -> pool);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		context.registerBean(MeterRegistry.class, () -> registry);
		if (bean != null) {
			context.registerBean((Class) bean.getClass(), () -> bean);
		}
		// Every auto-configuration of the starter, in its order.
		context.register(DbPerfAutoConfiguration.class, DbPerfStatisticsAutoConfiguration.class,
				DbPerfConnectionsAutoConfiguration.class, DbPerfOrmAutoConfiguration.class,
				DbPerfTracingAutoConfiguration.class, DbPerfWebAttributionAutoConfiguration.class,
				DbPerfExplainAutoConfiguration.class, DbPerfDatabaseStatisticsAutoConfiguration.class,
				DbPerfMetricsAutoConfiguration.class);
		context.refresh();
		// What Boot's metrics auto-configuration and ApplicationReadyEvent do in an
		// application.
		context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
		context.getBean(UnitsOfWork.class).applicationReady(true);
		return context.getBean("dataSource", DataSource.class);
	}

	private static Tracer tracer() {
		SdkTracerProvider provider = SdkTracerProvider.builder().build();
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		return new OtelTracer(provider.get("dbperf-benchmark"), current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
	}

	private static DataSource p6spy(HikariDataSource pool) {
		// p6spy with its logging off: no appender output, no categories logged.
		System.setProperty("p6spy.config.appender", NoOpP6Logger.class.getName());
		System.setProperty("p6spy.config.autoflush", "false");
		return new P6DataSource(pool);
	}

	private static DataSource micrometer(HikariDataSource pool) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		DataSourceObservationListener listener = new DataSourceObservationListener(observations);
		return ProxyDataSourceBuilder.create("micrometer", pool).listener(listener).methodListener(listener).build();
	}

	static final class NoOpListener implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

	}

}
