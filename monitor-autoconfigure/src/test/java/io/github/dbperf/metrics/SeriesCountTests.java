package io.github.dbperf.metrics;

import java.util.Map;
import java.util.TreeMap;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.StatementEvents;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series a synthetic application with 200 repository methods and 50 routes exports,
 * per meter: what the README's "series count" table states.
 */
class SeriesCountTests {

	@Test
	void twoHundredRepositoryMethodsAndFiftyRoutesStayWithinAFewThousandSeries() {
		Map<String, Integer> byDefault = seriesPerMeter(false);
		Map<String, Integer> withPercentileHistograms = seriesPerMeter(true);
		System.out.println("Series per meter, 200 repository methods and 50 routes: " + byDefault);
		System.out.println("With percentiles-histogram.dbperf.statements=true: " + withPercentileHistograms);
		// 200 timers × (8 SLO buckets + the +Inf bucket + count + sum) + 200 max gauges.
		assertThat(byDefault.get("dbperf_statements_seconds")).isEqualTo(200 * 12);
		assertThat(byDefault.get("dbperf_unit_statements")).isEqualTo(50 * 3);
		assertThat(withPercentileHistograms.get("dbperf_statements_seconds")).isGreaterThan(200 * 60);
	}

	private static Map<String, Integer> seriesPerMeter(boolean percentileHistograms) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		if (percentileHistograms) {
			registry.config().meterFilter(new MeterFilter() {
				@Override
				public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
					return id.getName().equals(MeterNames.STATEMENTS)
							? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
							: config;
				}
			});
		}
		DeferredMeterRegistry meters = new DeferredMeterRegistry();
		meters.bindTo(registry);
		StatementMetrics statements = new StatementMetrics(meters);
		UnitOfWorkMetrics units = new UnitOfWorkMetrics(meters);
		SqlFingerprinter fingerprinter = new SqlFingerprinter();
		for (int i = 0; i < 200; i++) {
			RepositoryMethod method = new RepositoryMethod("Repository" + (i % 20), "method" + i);
			StatementEvent event = StatementEvents.of(
					fingerprinter.fingerprint("select * from t" + i + " where id = ?"), 1_000_000L * (1 + i % 50),
					method);
			statements.accept(event);
		}
		for (int route = 0; route < 50; route++) {
			io.github.dbperf.attribution.UnitOfWork unit = io.github.dbperf.attribution.UnitOfWork
				.begin("GET /route" + route);
			units.onUnitOfWorkEnd(unit);
			unit.close();
		}
		Map<String, Integer> series = new TreeMap<>();
		for (String line : registry.scrape().split("\n")) {
			if (line.startsWith("dbperf_")) {
				String name = line.substring(0, line.indexOf('{') > 0 ? line.indexOf('{') : line.indexOf(' '));
				series.merge(name.replaceAll("_(bucket|count|sum|max|total)$", ""), 1, Integer::sum);
			}
		}
		registry.close();
		return series;
	}

}
