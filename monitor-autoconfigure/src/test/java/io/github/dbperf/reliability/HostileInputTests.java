package io.github.dbperf.reliability;

import java.util.Random;

import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile SQL never throws into the application and stays bounded in time, memory and
 * metric cardinality.
 */
class HostileInputTests {

	private final SqlFingerprinter fingerprinter = new SqlFingerprinter();

	@Test
	void oneMegabyteStatementIsFingerprintedQuicklyAndCut() {
		String huge = "select '" + "x".repeat(520_000) + "', " + "a, ".repeat(150_000) + "1 from t where id in ("
				+ "1, ".repeat(10_000) + "2)";
		assertThat(huge.length()).isGreaterThan(1_000_000);
		SqlFingerprint fingerprint = this.fingerprinter.fingerprint(huge);
		assertThat(fingerprint.sql().length()).isLessThanOrEqualTo(SqlFingerprinter.MAX_SQL_LENGTH);
		assertThat(fingerprint.sql()).doesNotContain("xxx");
	}

	@Test
	void randomGarbageNeverThrows() {
		Random random = new Random(42);
		String alphabet = "'\"`$?-/*#\\()[]{},;:.0123456789 \n\tabcXYZéü漢字😀";
		for (int i = 0; i < 50_000; i++) {
			StringBuilder sql = new StringBuilder();
			int length = random.nextInt(80);
			for (int j = 0; j < length; j++) {
				sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			SqlFingerprint fingerprint = this.fingerprinter.fingerprint(sql.toString());
			assertThat(fingerprint.id()).hasSize(16);
		}
	}

	@Test
	void awkwardButValidSqlIsNormalized() {
		assertThat(
				this.fingerprinter.fingerprint("select \"col?\" from \"tab/*x*/\" where n = 'ü''漢字' /* a /* b */ c */")
					.sql())
			.isEqualTo("select \"col?\" from \"tab/*x*/\" where n = ?");
		assertThat(this.fingerprinter.fingerprint("select $tag$ unterminated").sql()).isEqualTo("select ?");
		assertThat(this.fingerprinter.fingerprint("select E'\\\\' || '").sql()).isEqualTo("select ? || ?");
	}

	private static long dbPerfMeters(MeterRegistry registry) {
		return registry.getMeters().stream().filter((meter) -> meter.getId().getName().startsWith("dbperf")).count();
	}

	@Test
	void tenThousandDistinctStatementsKeepMetricCardinalityAndStatisticsBounded() {
		new ApplicationContextRunner().withUserConfiguration(TestApplication.class)
			.withPropertyValues(TestApplication.JPA_PROPERTIES)
			.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.statistics.max-statements=100")
			.run((context) -> {
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				jdbc.queryForObject("select 0 as c0", Integer.class);
				long meters = dbPerfMeters(registry);
				for (int i = 1; i <= 10_000; i++) {
					jdbc.queryForObject("select " + i + " as c" + i, Integer.class);
				}
				assertThat(dbPerfMeters(registry)).isEqualTo(meters);
				StatementStatistics statistics = context.getBean(StatementStatistics.class);
				assertThat(statistics.tracked()).isLessThanOrEqualTo(100);
				assertThat(statistics.evictions()).isGreaterThan(9_000);
			});
	}

}
