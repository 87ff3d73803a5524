package io.github.dbperf.metrics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.metrics.TopStatementMeters.Candidate;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top statements as meters: never more than k series, stable membership, series removed
 * when a statement leaves.
 */
class TopStatementMetersTests {

	private final Map<String, Candidate> statements = new LinkedHashMap<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TopStatementMeters meters = new TopStatementMeters(3, this::ranking, this.statements::get,
			new InternalFailures());

	@Test
	void theTopKArePublishedWithTheirFiguresAndNeverMore() {
		for (int i = 1; i <= 10; i++) {
			put("s" + i, i * 100);
		}
		this.meters.bindTo(this.registry);
		this.meters.recompute();
		assertThat(this.meters.members()).containsExactlyInAnyOrder("s10", "s9", "s8");
		assertThat(series()).isEqualTo(3);
		FunctionTimer top = this.registry.get(MeterNames.STATEMENT_TOP).tag("statement", "s10").functionTimer();
		assertThat(top.count()).isEqualTo(10);
		assertThat(top.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isEqualTo(1000);
		assertThat(top.getId().getTag("repository")).isEqualTo("Repository");
		this.meters.close();
	}

	@Test
	void aNewcomerNeedsAMarginAndAMemberLeavesOnlyAfterStayingOut() {
		put("a", 1000);
		put("b", 900);
		put("c", 800);
		this.meters.bindTo(this.registry);
		this.meters.recompute();
		// d edges past c, by less than the margin: nothing flaps.
		put("d", 850);
		this.meters.recompute();
		assertThat(this.meters.members()).containsExactlyInAnyOrder("a", "b", "c");
		// d beats c by more than the margin: c is out of the top, and d takes its place.
		put("d", 2000);
		this.meters.recompute();
		assertThat(this.meters.members()).containsExactlyInAnyOrder("a", "b", "d");
		assertThat(this.registry.find(MeterNames.STATEMENT_TOP).tag("statement", "c").functionTimer()).isNull();
		assertThat(series()).isEqualTo(3);
		// a falls just below c (800), out of the top three, by less than the margin: it
		// stays, its series
		// with it, until it has been out STAY_OUT times in a row; then c takes its place.
		put("a", 790);
		for (int i = 1; i < TopStatementMeters.STAY_OUT; i++) {
			this.meters.recompute();
			assertThat(this.meters.members()).containsExactlyInAnyOrder("a", "b", "d");
			assertThat(this.registry.find(MeterNames.STATEMENT_TOP).tag("statement", "a").functionTimer()).isNotNull();
		}
		this.meters.recompute();
		assertThat(this.meters.members()).containsExactlyInAnyOrder("b", "c", "d");
		assertThat(this.registry.find(MeterNames.STATEMENT_TOP).tag("statement", "a").functionTimer()).isNull();
		assertThat(series()).isEqualTo(3);
		// Far below a newcomer: displaced at once, no waiting.
		put("e", 5000);
		put("b", 10);
		this.meters.recompute();
		assertThat(this.meters.members()).containsExactlyInAnyOrder("c", "d", "e");
		this.meters.close();
	}

	@Test
	void zeroPublishesNothing() {
		TopStatementMeters none = new TopStatementMeters(0, this::ranking, this.statements::get,
				new InternalFailures());
		put("a", 1000);
		none.bindTo(this.registry);
		none.recompute();
		assertThat(this.registry.find(MeterNames.STATEMENT_TOP).meters()).isEmpty();
		none.close();
	}

	private long series() {
		return this.registry.find(MeterNames.STATEMENT_TOP).meters().size();
	}

	private void put(String id, double totalNanos) {
		this.statements.put(id, new Candidate(id, "select", "Repository", "find", "dataSource", (long) totalNanos / 100,
				totalNanos, totalNanos / 10));
	}

	private List<Candidate> ranking() {
		return this.statements.values()
			.stream()
			.sorted(Comparator.comparingDouble(Candidate::totalNanos).reversed())
			.toList();
	}

}
