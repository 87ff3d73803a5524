package io.github.dbperf.statistics;

import java.util.List;

import io.github.dbperf.capture.StatementEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows of the statistics store: a slot a minute, filled when the minute ends, summed
 * over the window with the minute in progress.
 */
class StatementWindowsTests {

	private static final String SQL = "select * from t where id = ?";

	private final StatementStatistics statistics = new StatementStatistics(100);

	private long minute = MinuteTicker.currentMinute();

	@Test
	void aWindowSumsItsWholeMinutesAndTheMinuteInProgress() {
		calls(3, 2_000_000);
		endMinutes(1);
		calls(2, 4_000_000);
		assertThat(top(Window.ONE_MINUTE).calls()).isEqualTo(5);
		assertThat(top(Window.ONE_MINUTE).totalMillis()).isEqualTo(14.0);
		assertThat(top(Window.ONE_MINUTE).maxMillis()).isEqualTo(4.0);
		endMinutes(1);
		// Three minutes on, the first minute has left the one-minute window but not the
		// five.
		assertThat(top(Window.ONE_MINUTE).calls()).isEqualTo(2);
		endMinutes(1);
		assertThat(this.statistics.top(StatementOrder.CALLS, 10, Window.ONE_MINUTE, true)).isEmpty();
		assertThat(top(Window.FIVE_MINUTES).calls()).isEqualTo(5);
		assertThat(top(Window.ALL).calls()).isEqualTo(5);
	}

	@Test
	void minutesAreOnePointEachEndingWithTheMinuteInProgress() {
		calls(4, 1_000_000);
		endMinutes(2);
		calls(1, 8_000_000);
		List<MinutePoint> points = this.statistics.get(id(), Window.FIFTEEN_MINUTES).minutes();
		assertThat(points).hasSize(16);
		assertThat(points.stream().map(MinutePoint::calls)).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
				0L, 0L, 4L, 0L, 1L);
		assertThat(points.get(15).p95Millis()).isBetween(7.5, 8.0);
		assertThat(points.get(13).p95Millis()).isBetween(0.9, 1.0);
		assertThat(points.get(15).start().getEpochSecond()).isEqualTo(this.minute * 60);
		assertThat(this.statistics.get(id(), Window.ALL).minutes()).hasSize(Window.ALL_POINTS + 1);
	}

	@Test
	void theHighPercentilesOfAMinuteSurviveItsCompaction() {
		// 100 calls over ten latency buckets, 1 ms to 10 ms: more buckets than a minute
		// keeps exactly.
		for (int i = 0; i < 100; i++) {
			calls(1, (1 + i % 10) * 1_000_000L);
		}
		double p95InProgress = top(Window.ONE_MINUTE).p95Millis();
		endMinutes(1);
		assertThat(top(Window.ONE_MINUTE).p95Millis()).isEqualTo(p95InProgress).isBetween(9.0, 10.0);
		assertThat(top(Window.ONE_MINUTE).p99Millis()).isBetween(9.0, 10.0);
	}

	@Test
	void minutesWithoutACloseAreEmptyAndAnHourAndMoreClearsEverything() {
		calls(2, 1_000_000);
		endMinutes(1);
		this.minute += 10;
		this.statistics.minuteEnded(this.minute);
		assertThat(top(Window.FIFTEEN_MINUTES).calls()).isEqualTo(2);
		assertThat(this.statistics.top(StatementOrder.CALLS, 10, Window.FIVE_MINUTES, true)).isEmpty();
		this.minute += RollingMinutes.SLOTS + 5;
		this.statistics.minuteEnded(this.minute);
		assertThat(this.statistics.top(StatementOrder.CALLS, 10, Window.ONE_HOUR, true)).isEmpty();
		assertThat(top(Window.ALL).calls()).isEqualTo(2);
	}

	@Test
	void regressionsCompareTheLastFiveMinutesWithTheHourBefore() {
		calls(30, 1_000_000);
		endMinutes(10);
		calls(30, 6_000_000);
		endMinutes(1);
		long[] seen = new long[4];
		this.statistics.compare(5, (statement, recentCalls, recentP95, beforeCalls, beforeP95) -> {
			seen[0] = recentCalls;
			seen[1] = recentP95;
			seen[2] = beforeCalls;
			seen[3] = beforeP95;
		});
		assertThat(seen[0]).isEqualTo(30);
		assertThat(seen[1]).isBetween(5_500_000L, 6_000_000L);
		assertThat(seen[2]).isEqualTo(30);
		assertThat(seen[3]).isBetween(900_000L, 1_000_000L);
	}

	@Test
	void startupStatementsAreLeftOutOnRequest() {
		this.statistics.accept(StatementEvents.of("create table t (id int)", 1_000_000, "startup"));
		calls(1, 1_000_000);
		assertThat(this.statistics.top(StatementOrder.CALLS, 10, Window.ALL, false)).extracting(StatementSnapshot::sql)
			.containsExactly(SQL);
		assertThat(this.statistics.top(StatementOrder.CALLS, 10, Window.ALL, true)).hasSize(2);
		assertThat(this.statistics.startup(10)).extracting(StatementSnapshot::sql)
			.containsExactly("create table t (id int)");
		assertThat(this.statistics.startup(10).get(0).entrypoints()).containsExactly("startup");
	}

	@Test
	void eachStatementNamesTheEntryPointsThatRanItMostCallsFirst() {
		this.statistics.accept(StatementEvents.of(SQL, 1_000_000, "GET /a"));
		this.statistics.accept(StatementEvents.of(SQL, 1_000_000, "GET /b"));
		this.statistics.accept(StatementEvents.of(SQL, 3_000_000, "GET /b"));
		assertThat(top(Window.ALL).entrypoints()).containsExactly("GET /b", "GET /a");
		assertThat(this.statistics.ranBy("GET /b", 10)).singleElement()
			.satisfies((statement) -> assertThat(statement.calls()).isEqualTo(2))
			.satisfies((statement) -> assertThat(statement.totalMillis()).isEqualTo(4.0));
		assertThat(this.statistics.ranBy("GET /c", 10)).isEmpty();
	}

	private void calls(int count, long nanos) {
		for (int i = 0; i < count; i++) {
			this.statistics.accept(StatementEvents.of(SQL, nanos, "none"));
		}
	}

	private void endMinutes(int minutes) {
		for (int i = 0; i < minutes; i++) {
			this.statistics.minuteEnded(++this.minute);
		}
	}

	private StatementSnapshot top(Window window) {
		return this.statistics.top(StatementOrder.CALLS, 1, window, true).get(0);
	}

	private String id() {
		return top(Window.ALL).id();
	}

}
