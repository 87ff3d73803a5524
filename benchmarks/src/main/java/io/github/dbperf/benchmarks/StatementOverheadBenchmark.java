package io.github.dbperf.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.DbPerf;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One primary-key lookup through a PreparedStatement (borrow, prepare, bind, execute,
 * read, close) on H2 behind HikariCP, through each variant.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class StatementOverheadBenchmark {

	static final String SQL = "select b1_0.id,b1_0.price,b1_0.title from book b1_0 where b1_0.id=?";

	@State(Scope.Benchmark)
	public static class Target {

		@Param({ "raw", "proxy", "capture", "full", "unfollowed", "comments", "traced", "p6spy", "micrometer" })
		public String variant;

		HikariDataSource pool;

		DataSource dataSource;

		@Setup(Level.Trial)
		public void setUp() throws SQLException {
			this.pool = BenchmarkDataSources.pool(this.variant);
			BenchmarkDataSources.createTable(this.pool);
			this.dataSource = BenchmarkDataSources.of(this.variant, this.pool);
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			this.pool.close();
		}

	}

	/**
	 * In the "traced" variant each benchmark thread works inside a span, as a traced
	 * request's thread would; in the others it does nothing.
	 */
	@State(Scope.Thread)
	public static class Request {

		Span span;

		Tracer.SpanInScope inScope;

		@Setup(Level.Iteration)
		public void open(Target target) {
			if ("traced".equals(target.variant)) {
				this.span = BenchmarkDataSources.TRACER.nextSpan().name("request").start();
				this.inScope = BenchmarkDataSources.TRACER.withSpan(this.span);
			}
		}

		@TearDown(Level.Iteration)
		public void close() {
			if (this.span != null) {
				this.inScope.close();
				this.span.end();
			}
		}

	}

	/** Each benchmark thread works inside one unit of work, as a request thread would. */
	@State(Scope.Thread)
	public static class Unit {

		io.github.dbperf.Scope unit;

		@Setup(Level.Iteration)
		public void open(Request request) {
			this.unit = DbPerf.scope("benchmark");
		}

		@TearDown(Level.Iteration)
		public void close() {
			this.unit.close();
		}

	}

	@Benchmark
	public String lookup(Target target, Unit unit) throws SQLException {
		return lookup(target.dataSource);
	}

	/**
	 * A unit of work with one statement: open, statement, close (a short request). In the
	 * "traced" variant, inside the thread's span: the unit's end puts dbperf's summary on
	 * it.
	 */
	@Benchmark
	public String lookupInOwnUnit(Target target, Request request) throws SQLException {
		try (io.github.dbperf.Scope unit = DbPerf.scope("benchmark")) {
			return lookup(target.dataSource);
		}
	}

	@Benchmark
	@Threads(2)
	public String lookupTwoThreads(Target target, Unit unit) throws SQLException {
		return lookup(target.dataSource);
	}

	static String lookup(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SQL)) {
			statement.setLong(1, 1 + ThreadLocalRandom.current().nextInt(BenchmarkDataSources.ROWS));
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(3);
			}
		}
	}

}
