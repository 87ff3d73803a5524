package io.github.dbperf.findings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.capture.StatementEvents;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.StatementStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gates of a regression (executions in both windows, the recent p95's floor, the
 * factor) and its log throttle, minute by minute with executions of known duration.
 */
class RegressionDetectorTests {

	private static final String SQL = "select * from t where id = ?";

	private final StatementStatistics statistics = new StatementStatistics(100);

	private final List<Finding> begun = new ArrayList<>();

	private final RegressionDetector detector = new RegressionDetector(this.statistics,
			new SlowQueryLog(10, false, false, new CallSites(List.of("com.example")))::callSiteOf, 3.0, 20,
			Duration.ofMillis(1), List.of(this.begun::add));

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private long minute = System.currentTimeMillis() / 60_000;

	@BeforeEach
	void captureLog() {
		this.log.start();
		((Logger) LoggerFactory.getLogger(RegressionDetector.class)).addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		((Logger) LoggerFactory.getLogger(RegressionDetector.class)).detachAppender(this.log);
	}

	@Test
	void threeTimesSlowerWithEnoughCallsInBothWindowsIsARegression() {
		calls(20, 1.0);
		endMinutes(10);
		calls(20, 3.2);
		endMinutes(1);
		assertThat(this.detector.active()).singleElement()
			.satisfies((finding) -> assertThat(finding.kind()).isEqualTo(FindingKind.REGRESSION));
		assertThat(this.begun).hasSize(1);
	}

	@Test
	void fewerCallsThanMinCallsInEitherWindowIsNone() {
		calls(19, 1.0);
		endMinutes(10);
		calls(20, 5.0);
		endMinutes(1);
		assertThat(this.detector.active()).isEmpty();
		calls(20, 1.0);
		endMinutes(10);
		calls(19, 5.0);
		endMinutes(1);
		assertThat(this.detector.active()).isEmpty();
	}

	@Test
	void aRecentP95BelowTheFloorIsNoneHoweverManyTimesSlower() {
		calls(20, 0.1);
		endMinutes(10);
		calls(20, 0.9);
		endMinutes(1);
		assertThat(this.detector.active()).isEmpty();
	}

	@Test
	void lessThanTheFactorIsNone() {
		calls(20, 1.0);
		endMinutes(10);
		calls(20, 2.5);
		endMinutes(1);
		assertThat(this.detector.active()).isEmpty();
	}

	@Test
	void aLastingRegressionBeginsOnceAndIsLoggedOnceInTenMinutes() {
		// A large fast hour, so that the slow minutes leaving the last five do not make
		// the hour before slow.
		calls(4000, 1.0);
		endMinutes(6);
		for (int i = 1; i <= 10; i++) {
			calls(20, 4.0);
			endMinutes(1);
			assertThat(this.detector.active()).as("minute %d", i).hasSize(1);
		}
		assertThat(this.begun).hasSize(1);
		assertThat(this.log.list).hasSize(1);
		// It is the same regression: first seen when it began.
		assertThat(this.detector.active().get(0).firstSeen()).isEqualTo(this.begun.get(0).firstSeen());
		// Ten minutes after the first line, the next.
		calls(20, 4.0);
		endMinutes(1);
		assertThat(this.detector.active()).hasSize(1);
		assertThat(this.begun).hasSize(1);
		assertThat(this.log.list).hasSize(2);
		assertThat(this.log.list.get(1).getFormattedMessage()).contains("Regression");
	}

	private void calls(int count, double millis) {
		for (int i = 0; i < count; i++) {
			this.statistics.accept(StatementEvents.of(SQL, (long) (millis * 1_000_000)));
		}
	}

	private void endMinutes(int minutes) {
		for (int i = 0; i < minutes; i++) {
			this.minute++;
			this.statistics.minuteEnded(this.minute);
			this.detector.minuteEnded(this.minute);
		}
	}

}
