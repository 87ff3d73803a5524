package io.github.dbperf.benchmarks;

import java.util.concurrent.TimeUnit;

import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.SqlFingerprinter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fingerprinting a long Hibernate statement: a cache hit (every statement after the
 * first) and a cold parse (a string never seen).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FingerprintBenchmark {

	static final String HIBERNATE_SQL = "select a1_0.id,a1_0.name,b1_0.author_id,b1_0.id,b1_0.published,b1_0.title,"
			+ "r1_0.book_id,r1_0.id,r1_0.body,r1_0.rating from author a1_0 left join book b1_0 on a1_0.id=b1_0.author_id "
			+ "left join review r1_0 on b1_0.id=r1_0.book_id where a1_0.name like ? escape '' and b1_0.published between ? "
			+ "and ? and r1_0.rating>=? and b1_0.id in (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) order by a1_0.id,b1_0.published desc "
			+ "offset ? rows fetch first ? rows only";

	private final SqlFingerprinter fingerprinter = new SqlFingerprinter();

	private final String sameInstance = HIBERNATE_SQL;

	@Benchmark
	public SqlFingerprint cacheHit() {
		return this.fingerprinter.fingerprint(this.sameInstance);
	}

	@Benchmark
	public SqlFingerprint coldParse() {
		// What a cache miss costs: the parse alone.
		return SqlFingerprinter.compute(HIBERNATE_SQL);
	}

}
