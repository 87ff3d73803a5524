package io.github.dbperf.autoconfigure;

import io.github.dbperf.testsupport.BootAutoConfigurations;
import io.github.dbperf.testsupport.ImportDataSourceAutoConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every invalid {@code dbperf.*} value fails startup with a failure analysis naming the
 * property, the value and the allowed values.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbPerfPropertiesFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, DbPerfAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:analyzer");

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			dbperf.slow-query.threshold      | -5ms  | a positive duration such as 150ms or 2s
			dbperf.slow-query.threshold      | 0s    | a positive duration such as 150ms or 2s
			dbperf.slow-query.threshold      | soon  | a value of type Duration
			dbperf.slow-query.capacity       | 0     | 1 to 100000
			dbperf.statistics.max-statements | 5     | 10 to 1000000
			dbperf.n-plus-one.threshold      | 1     | 2 or more
			dbperf.n-plus-one.mode           | loud  | off, report, strict
			dbperf.explain.interval          | -1m   | zero or a positive duration such as 10m
			dbperf.explain.timeout           | 10ms  | a duration of at least 1s
			dbperf.explain.queue-capacity    | 0     | 1 to 10000
			dbperf.findings.regression.factor    | 1     | a number above 1 such as 3
			dbperf.findings.regression.min-calls | 0     | a positive number of executions such as 20
			dbperf.findings.regression.min-p95   | -1ms  | a duration of zero or more such as 1ms
			dbperf.database-statistics.interval  | 10ms  | a duration of at least 1s such as 1m
			dbperf.findings.unbatched-writes.threshold | 1 | 2 or more
			dbperf.mappings.ignore[0]        | EAGER | such as EAGER_TO_ONE:Book.author
			dbperf.tracing.trace-url         | https://tempo.example/trace | with {traceId} where the trace id goes
			dbperf.connections.wait-threshold | 0ms  | a positive duration such as 100ms
			dbperf.connections.hold-threshold | -1s  | a positive duration such as 500ms
			dbperf.connections.leak-threshold | -1s  | 0 (off) or a positive duration such as 60s
			""")
	void invalidValueIsExplained(String property, String value, String allowed) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new DbPerfPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("a failure analysis").isNotNull();
			assertThat(analysis.getDescription()).contains("'" + property + "'").contains("'" + value + "'");
			assertThat(analysis.getAction()).contains(allowed);
		});
	}

	@Test
	void analyzerIsRegisteredWithSpringBoot(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> new SpringApplicationBuilder(Minimal.class)
					.properties("spring.main.web-application-type=none", "spring.datasource.url=jdbc:h2:mem:registered",
							"dbperf.slow-query.threshold=-1s")
					.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '-1s' for property 'dbperf.slow-query.threshold'")
			.contains("allowed values: a positive duration such as 150ms or 2s");
	}

	@Configuration(proxyBeanMethods = false)
	@Import(ImportDataSourceAutoConfiguration.class)
	@ImportAutoConfiguration(DbPerfAutoConfiguration.class)
	static class Minimal {

	}

}
