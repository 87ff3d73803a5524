package io.github.dbperf.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTests {

	@Test
	void bucketsCoverEveryValueInOrder() {
		int previous = -1;
		for (long micros = 0; micros < 5_000_000; micros += 1 + micros / 50) {
			int index = LatencyHistogram.indexOf(micros * 1000);
			assertThat(index).isGreaterThanOrEqualTo(previous);
			assertThat(LatencyHistogram.lowerBoundOf(index)).isLessThanOrEqualTo(micros * 1000);
			previous = index;
		}
		assertThat(LatencyHistogram.indexOf(Long.MAX_VALUE)).isEqualTo(131);
	}

	@Test
	void percentilesAreWithinTenPercent() {
		LatencyHistogram histogram = new LatencyHistogram();
		for (int i = 1; i <= 1000; i++) {
			histogram.record(i * 1_000_000L);
		}
		assertThat((double) histogram.percentile(50)).isCloseTo(500_000_000, within(50_000_000.0));
		assertThat((double) histogram.percentile(95)).isCloseTo(950_000_000, within(95_000_000.0));
		assertThat((double) histogram.percentile(99)).isCloseTo(990_000_000, within(99_000_000.0));
		assertThat(new LatencyHistogram().percentile(99)).isZero();
	}

}
