package io.github.dbperf.reliability;

import java.net.http.HttpResponse;
import java.util.List;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Literals and bound values never leave the JDBC call by default: not in logs, metrics,
 * JSON, HTML or the statistics held in memory. With
 * {@code dbperf.sql.include-parameters=true} the slow-query entries carry them.
 */
class SecretsTests {

	private static final List<String> SECRETS = List.of("hunter2", "ann@example.com", "4111111111111111",
			"bound-secret");

	@Test
	void noChannelShowsLiteralsOrBoundValues() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2, "dbperf.slow-query.threshold=1ns",
				"dbperf.explain.enabled=true", "dbperf.explain.interval=0s", "logging.level.io.github.dbperf=DEBUG",
				"spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=dbperf")) {
			// Attached once Spring Boot configured logging (it resets Logback at
			// startup).
			ListAppender<ILoggingEvent> logs = new ListAppender<>();
			logs.start();
			Logger dbperf = (Logger) LoggerFactory.getLogger("io.github.dbperf");
			dbperf.addAppender(logs);
			runSecrets(app);
			// The plans the channels below are said to show: both slow SELECTs' plans are
			// captured first.
			PlanCapture plans = app.bean(PlanCapture.class);
			org.awaitility.Awaitility.await().until(() -> plans.captured() >= 2);
			assertThat(channels(app)).anySatisfy((channel) -> assertThat(channel).contains("\"plan\""));
			for (String channel : channels(app)) {
				for (String secret : SECRETS) {
					assertThat(channel).doesNotContain(secret);
				}
			}
			String logText = String.join("\n",
					logs.list.stream()
						.filter((line) -> line.getLoggerName().startsWith("io.github.dbperf"))
						.map(ILoggingEvent::getFormattedMessage)
						.toList());
			assertThat(logText).contains("Slow SQL statement").contains("Duplicate queries");
			for (String secret : SECRETS) {
				assertThat(logText).doesNotContain(secret);
			}
			dbperf.detachAppender(logs);
		}
	}

	@Test
	void includeParametersOptsIntoValuesOnSlowQueries() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2, "dbperf.slow-query.threshold=1ns",
				"dbperf.sql.include-parameters=true")) {
			runSecrets(app);
			String json = app.get("/actuator/dbperf?limit=100").body();
			assertThat(json).contains("bound-secret").contains("hunter2");
		}
	}

	@Test
	void applicationSinksSeeNoValuesUnlessParametersAreIncluded() throws Exception {
		for (boolean include : new boolean[] { false, true }) {
			try (RunningApplication app = RunningApplication.start(Engine.H2,
					"spring.main.sources=" + Sinks.class.getName(), "dbperf.slow-query.threshold=1ns",
					"dbperf.sql.include-parameters=" + include)) {
				Sinks.Recording onCaller = app.bean(Sinks.OnCallerThread.class);
				Sinks.Recording offCaller = app.bean(Sinks.OffCallerThread.class);
				runSecrets(app);
				// The sink off the caller's thread is behind a queue: wait for the last
				// statement.
				org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
					System.out.println("COUNTS " + offCaller.events() + " " + onCaller.events() + " OFF "
							+ offCaller.text() + " ON " + onCaller.text());
					return offCaller.events() >= onCaller.events();
				});
				for (Sinks.Recording sink : List.of(onCaller, offCaller)) {
					assertThat(sink.events()).as("%s saw statements", sink).isPositive();
					if (include) {
						assertThat(sink.text()).as("%s with include-parameters", sink)
							.contains("hunter2")
							.contains("bound-secret");
					}
					else {
						assertThat(sink.text()).as("%s", sink).contains("where name = ? or name = ?");
						for (String secret : SECRETS) {
							assertThat(sink.text()).as("%s", sink).doesNotContain(secret);
						}
					}
				}
			}
		}
	}

	private static void runSecrets(RunningApplication app) {
		JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
		jdbc.queryForList(
				"select id from author where name = 'hunter2' or name = 'ann@example.com' or id = 4111111111111111");
		AuthorRepository authors = app.bean(AuthorRepository.class);
		try (Scope unit = DbPerf.scope("secrets")) {
			for (int i = 0; i < 6; i++) {
				authors.findByName("bound-secret");
			}
		}
	}

	private static List<String> channels(RunningApplication app) throws Exception {
		String browser = "text/html,application/xhtml+xml";
		StringBuilder details = new StringBuilder();
		for (StatementSnapshot statement : app.bean(StatementStatistics.class).top(StatementOrder.CALLS, 1000)) {
			details.append(ok(app, "/actuator/dbperf/" + statement.id(), null));
			details.append(ok(app, "/actuator/dbperf/" + statement.id(), browser));
		}
		// The unit of work that bound the secret: its entry point's page, as JSON and as
		// HTML.
		String entrypoint = ok(app, "/actuator/dbperf/entrypoints/secrets", null)
				+ ok(app, "/actuator/dbperf/entrypoints/secrets", browser);
		assertThat(entrypoint).contains("where a1_0.name=?");
		return List.of(ok(app, "/actuator/dbperf?limit=1000", null), ok(app, "/actuator/dbperf?limit=1000", browser),
				ok(app, "/actuator/prometheus", null), details.toString(), entrypoint, jmx(app),
				app.bean(StatementStatistics.class).top(StatementOrder.CALLS, 1000).toString(),
				app.bean(SlowQueryLog.class).recent().toString(), app.bean(Findings.class).snapshot().toString());
	}

	/**
	 * A page's body, which must have been served (an error page would hold no secret).
	 */
	private static String ok(RunningApplication app, String path, String accept) throws Exception {
		HttpResponse<String> response = (accept != null) ? app.get(path, accept) : app.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/**
	 * The report over JMX, where operations return maps of the same data.
	 */
	private static String jmx(RunningApplication app) throws Exception {
		MBeanServer server = app.bean(MBeanServer.class);
		ObjectName name = server
			.queryNames(new ObjectName("org.springframework.boot:type=Endpoint,name=Dbperf,*"), null)
			.iterator()
			.next();
		Object report = server.invoke(name, "report", new Object[] { "calls", 1000 },
				new String[] { String.class.getName(), Integer.class.getName() });
		assertThat(report.toString()).contains("where a1_0.name=?");
		return report.toString();
	}

	/**
	 * An application's own sinks, one on the caller's thread and one behind dbperf's
	 * queue: they keep what they were given as text.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Sinks {

		@org.springframework.context.annotation.Bean
		OnCallerThread onCallerThread() {
			return new OnCallerThread();
		}

		@org.springframework.context.annotation.Bean
		OffCallerThread offCallerThread() {
			return new OffCallerThread();
		}

		abstract static class Recording implements io.github.dbperf.capture.StatementSink {

			private final java.util.Queue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();

			@Override
			public void accept(io.github.dbperf.capture.StatementEvent event) {
				this.seen.add(event.sql() + " " + event.parameters() + " " + event.parametersHash());
			}

			int events() {
				return this.seen.size();
			}

			String text() {
				return String.join("\n", this.seen);
			}

		}

		static class OnCallerThread extends Recording implements io.github.dbperf.capture.CallerThreadSink {

		}

		static class OffCallerThread extends Recording {

		}

	}

}
