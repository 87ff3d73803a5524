package io.github.dbperf.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The sample app with dbperf on and off (and, with {@code -Ddbperf.e2e.p6spy=true}, with
 * p6spy doing nothing) under the same fixed, bounded HTTP load on loopback. Each round
 * starts the configurations side by side, each in its own JVM (same settings, same class
 * path, its own port; which one starts first rotates by round), warms them up, then sends
 * short blocks of requests to one and the next in turn (forwards, then backwards: on,
 * off, off, on, ...): drift of the machine (other processes, clock speed, the load
 * generator's own JIT) falls on all alike within seconds, where consecutive whole runs
 * differed by ±15%. Per configuration it reports throughput over its blocks, p99 of all
 * its requests and the CPU time its JVM used per request by kind of thread, JIT compiler
 * threads left out of the total (from {@code /proc}, the least noisy of the three on a
 * shared 2-core machine); per round the ratios to "off", and their medians over the
 * rounds. Warm-up is twice the measured requests: a Spring application's JIT is still
 * compiling after tens of thousands of requests. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.dbperf.benchmarks.EndToEnd
 * sample-app/target/dbperf-sample-app-0.1.0-SNAPSHOT.jar [rounds] [requests]}, requests
 * being what each configuration receives per round after twice as many of warm-up.
 */
public final class EndToEnd {

	private static final int FIRST_PORT = 18080;

	private static final int WORKERS = 4;

	private static final int BLOCK = 1_000;

	/** Nanoseconds per clock tick of {@code /proc} (USER_HZ, 100 on Linux). */
	private static final long TICK = 10_000_000L;

	/**
	 * The mix of pages; {@code -Ddbperf.e2e.paths=/authors/%d,...} measures others (%d:
	 * an author id).
	 */
	private static final String[] PATHS = System
		.getProperty("dbperf.e2e.paths", "/authors/%d,/authors/%d/books,/authors/fetched,/reviews/good")
		.split(",");

	private EndToEnd() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of((args.length > 0) ? args[0] : "sample-app/target/dbperf-sample-app-0.1.0-SNAPSHOT.jar");
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		int requests = (args.length > 2) ? Integer.parseInt(args[2]) : 40_000;
		if (!Files.exists(jar)) {
			throw new IllegalArgumentException(jar + " not found: run ./mvnw -pl sample-app -am package -DskipTests");
		}
		List<Config> configs = configs();
		List<Ratio> ratios = Ratio.of(configs);
		Path lib = extraClassPath();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		List<Result[]> results = new ArrayList<>();
		try (Database database = Database.fromSettings()) {
			for (int round = 1; round <= rounds; round++) {
				Result[] measured = round(jar, lib, database, http, configs, requests, round);
				results.add(measured);
				System.out.printf("round %d%n", round);
				for (int c = 0; c < configs.size(); c++) {
					System.out.printf("  %-7s %s%n", configs.get(c).label(), measured[c].describe());
				}
				for (Ratio ratio : ratios) {
					double[] figures = ratio.figures(measured);
					System.out.printf("  %s/%s throughput %.3f p99 %.3f CPU %.3f%n", configs.get(ratio.a()).label(),
							configs.get(ratio.b()).label(), figures[0], figures[1], figures[2]);
				}
			}
		}
		System.out.println();
		System.out.println("| median of " + rounds + " rounds | throughput | p99 | app CPU per request |");
		System.out.println("|---|---|---|---|");
		for (Ratio ratio : ratios) {
			System.out.printf("| %s / %s | %.3f | %.3f | %.3f |%n", configs.get(ratio.a()).label(),
					configs.get(ratio.b()).label(), median(results, ratio, 0), median(results, ratio, 1),
					median(results, ratio, 2));
		}
	}

	/**
	 * What runs side by side: dbperf on against off; with {@code -Ddbperf.e2e.p6spy=true}
	 * also p6spy doing nothing (dbperf off, p6spy wrapping the driver with no module but
	 * its own, so no logging at all): the cost of a JDBC wrapper alone on the same pages;
	 * {@code -Ddbperf.e2e.aa=true} off against off, the spread of whose ratios is the
	 * harness's noise. The baseline is last.
	 */
	private static List<Config> configs() {
		if (Boolean.getBoolean("dbperf.e2e.aa")) {
			return List.of(Config.OFF, Config.OFF);
		}
		return Boolean.getBoolean("dbperf.e2e.p6spy") ? List.of(Config.DBPERF, Config.P6SPY, Config.OFF)
				: List.of(Config.DBPERF, Config.OFF);
	}

	/**
	 * One configuration's figures over another's (indices into the configurations):
	 * throughput, p99 and CPU per request.
	 */
	private record Ratio(int a, int b) {

		/**
		 * Every configuration against the baseline (last), and dbperf against p6spy when
		 * both run.
		 */
		static List<Ratio> of(List<Config> configs) {
			int baseline = configs.size() - 1;
			List<Ratio> ratios = new ArrayList<>();
			for (int c = 0; c < baseline; c++) {
				ratios.add(new Ratio(c, baseline));
			}
			if (configs.contains(Config.P6SPY)) {
				ratios.add(new Ratio(configs.indexOf(Config.DBPERF), configs.indexOf(Config.P6SPY)));
			}
			return ratios;
		}

		double[] figures(Result[] round) {
			Result a = round[this.a];
			Result b = round[this.b];
			return new double[] { a.throughput() / b.throughput(), a.p99Millis() / b.p99Millis(),
					a.cpuMicrosPerRequest() / b.cpuMicrosPerRequest() };
		}

	}

	private static Result[] round(Path jar, Path lib, Database database, HttpClient http, List<Config> configs,
			int requests, int round) throws Exception {
		int n = configs.size();
		// Which JVM starts first, on which port, rotates by round: no configuration keeps
		// whatever the first (or second) JVM started gains.
		App[] apps = new App[n];
		try {
			for (int s = 0; s < n; s++) {
				int c = (s + round) % n;
				apps[c] = App.start(jar, lib, configs.get(c), database.create("e2e" + c), FIRST_PORT + s);
			}
			for (App app : apps) {
				app.awaitStarted(http);
			}
			int blocks = Math.max(2, requests / BLOCK);
			// Warm-up, interleaved block by block, and discarded.
			for (int b = 0; b < 2 * blocks; b++) {
				for (App app : apps) {
					load(http, app.port(), BLOCK);
				}
			}
			Totals[] totals = new Totals[n];
			for (int c = 0; c < n; c++) {
				totals[c] = new Totals(blocks * BLOCK);
			}
			for (int b = 0; b < blocks; b++) {
				// Forwards, then backwards (on, off, off, on, ...): none goes first more
				// often.
				for (int i = 0; i < n; i++) {
					int c = (b % 2 == 0) ? i : n - 1 - i;
					measure(http, apps[c], totals[c]);
				}
			}
			Result[] results = new Result[n];
			for (int c = 0; c < n; c++) {
				results[c] = totals[c].result();
			}
			return results;
		}
		finally {
			for (App app : apps) {
				if (app != null) {
					app.stop();
				}
			}
		}
	}

	private static void measure(HttpClient http, App app, Totals totals) throws Exception {
		Cpu before = app.cpu();
		Block block = load(http, app.port(), BLOCK);
		totals.add(block, app.cpu().minus(before));
	}

	private static Block load(HttpClient http, int port, int requests) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
		int perWorker = requests / WORKERS;
		long[][] latencies = new long[WORKERS][perWorker];
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < WORKERS; w++) {
			int worker = w;
			futures.add(workers.submit(() -> {
				for (int i = 0; i < perWorker; i++) {
					String path = String.format(PATHS[i % PATHS.length], 1 + (i * 7 + worker) % 200);
					long begin = System.nanoTime();
					int status = get(http, port, path);
					latencies[worker][i] = System.nanoTime() - begin;
					if (status != 200) {
						throw new IllegalStateException(path + " answered " + status);
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		long elapsed = System.nanoTime() - start;
		workers.shutdown();
		return new Block(Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray(), elapsed);
	}

	private static int get(HttpClient http, int port, String path) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static double median(List<Result[]> results, Ratio ratio, int figure) {
		double[] sorted = results.stream().mapToDouble((round) -> ratio.figures(round)[figure]).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	/** How one JVM of a round runs the sample app. */
	private enum Config {

		/** dbperf as the starter installs it. */
		DBPERF("dbperf", "--dbperf.enabled=true"),

		/**
		 * dbperf off, p6spy wrapping the JDBC driver with nothing but its core module: a
		 * wrapper that records nothing.
		 */
		P6SPY("p6spy", "--dbperf.enabled=false",
				"--spring.datasource.driver-class-name=com.p6spy.engine.spy.P6SpyDriver"),

		/** Neither. */
		OFF("off", "--dbperf.enabled=false");

		private final String label;

		private final List<String> arguments;

		Config(String label, String... arguments) {
			this.label = label;
			this.arguments = List.of(arguments);
		}

		String label() {
			return this.label;
		}

		/**
		 * Its settings on the given database (p6spy's driver takes the URL behind
		 * {@code jdbc:p6spy:}).
		 */
		List<String> arguments(Database.Target database) {
			List<String> arguments = new ArrayList<>(this.arguments);
			String url = database.url();
			if (this == P6SPY) {
				url = "jdbc:p6spy:" + url.substring("jdbc:".length());
			}
			arguments.add("--spring.datasource.url=" + url);
			arguments.addAll(database.settings());
			return arguments;
		}

	}

	/**
	 * The jars {@code package} copies next to {@code benchmarks.jar} (p6spy, the
	 * PostgreSQL driver, Flyway's PostgreSQL support), which every configuration's JVM
	 * gets on its class path through Boot's {@code loader.path}: the same class path for
	 * all, each jar used only where the settings ask for it.
	 */
	private static Path extraClassPath() throws IOException {
		Path self;
		try {
			self = Path.of(EndToEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IOException(ex);
		}
		Path lib = self.resolveSibling("e2e-lib");
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException(lib + " not found: run ./mvnw -pl benchmarks -am package -DskipTests");
		}
		return lib;
	}

	/**
	 * Where the sample app's JVMs keep their data: each its own H2 in memory (the app's
	 * default), or with {@code -Ddbperf.e2e.database=postgresql} each its own database on
	 * one embedded PostgreSQL server with {@code pg_stat_statements} loaded (so dbperf's
	 * database statistics read it, as they would in production), made anew every round.
	 */
	private static final class Database implements AutoCloseable {

		private final EmbeddedPostgres postgres;

		private Database(EmbeddedPostgres postgres) {
			this.postgres = postgres;
		}

		static Database fromSettings() throws IOException {
			String database = System.getProperty("dbperf.e2e.database", "h2");
			return switch (database) {
				case "h2" -> new Database(null);
				case "postgresql" -> new Database(EmbeddedPostgres.builder()
					.setServerConfig("shared_preload_libraries", "pg_stat_statements")
					.start());
				default ->
					throw new IllegalArgumentException("dbperf.e2e.database must be h2 or postgresql, not " + database);
			};
		}

		/** A fresh database for one JVM. */
		Target create(String name) throws SQLException {
			if (this.postgres == null) {
				return new Target("jdbc:h2:mem:catalogue;DB_CLOSE_DELAY=-1", List.of());
			}
			try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name);
				statement.execute("create database " + name);
			}
			return new Target(this.postgres.getJdbcUrl("postgres", name),
					List.of("--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
		}

		/** A database's JDBC URL and the further settings that reach it. */
		record Target(String url, List<String> settings) {

		}

		@Override
		public void close() throws IOException {
			if (this.postgres != null) {
				this.postgres.close();
			}
		}

	}

	/** One configuration's JVM. */
	private record App(Process process, int port) {

		static App start(Path jar, Path lib, Config config, Database.Target database, int port) throws IOException {
			try (Socket taken = new Socket("127.0.0.1", port)) {
				// Else the measurement would silently go to whatever answers there (a JVM
				// left from an
				// interrupted run).
				throw new IllegalStateException("Port " + port + " is in use: stop what listens there first");
			}
			catch (ConnectException ex) {
				// free
			}
			List<String> command = new ArrayList<>(List.of("java", "-Xms512m", "-Xmx512m", "-Dloader.path=" + lib,
					"-Dp6spy.config.modulelist=com.p6spy.engine.spy.P6SpyFactory", "-cp", jar.toString(),
					"org.springframework.boot.loader.launch.PropertiesLauncher", "--server.port=" + port,
					"--logging.level.root=WARN"));
			command.addAll(config.arguments(database));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return new App(process, port);
		}

		void awaitStarted(HttpClient http) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (System.nanoTime() < deadline) {
				try {
					if (get(http, this.port, "/authors/1") == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not up yet
				}
				Thread.sleep(250);
			}
			throw new IllegalStateException("The sample app on port " + this.port + " did not start within 90 s");
		}

		/**
		 * User and system CPU time of the JVM's threads so far, by kind, from
		 * {@code /proc/<pid>/task/<tid>/stat} (clock ticks of 10 ms).
		 */
		Cpu cpu() throws IOException {
			long requests = 0;
			long gc = 0;
			long jit = 0;
			long other = 0;
			try (DirectoryStream<Path> tasks = Files
				.newDirectoryStream(Path.of("/proc", "" + this.process.pid(), "task"))) {
				for (Path task : tasks) {
					String stat;
					try {
						stat = Files.readString(task.resolve("stat"));
					}
					catch (IOException ex) {
						continue; // the thread ended
					}
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					// Counted from the state (field 3 of proc_pid_stat(5)): utime is
					// field 14, stime 15.
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					if (name.startsWith("http-nio-")) {
						requests += ticks;
					}
					else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
						gc += ticks;
					}
					else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
						jit += ticks;
					}
					else {
						other += ticks;
					}
				}
			}
			return new Cpu(requests * TICK, gc * TICK, jit * TICK, other * TICK);
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

	}

	private record Block(long[] latencies, long elapsedNanos) {

	}

	/**
	 * CPU time of a JVM's threads by kind: request threads, GC, JIT compilers, the rest.
	 */
	private record Cpu(long requests, long gc, long jit, long other) {

		static final Cpu NONE = new Cpu(0, 0, 0, 0);

		Cpu minus(Cpu earlier) {
			return new Cpu(this.requests - earlier.requests, this.gc - earlier.gc, this.jit - earlier.jit,
					this.other - earlier.other);
		}

		Cpu plus(Cpu more) {
			return new Cpu(this.requests + more.requests, this.gc + more.gc, this.jit + more.jit,
					this.other + more.other);
		}

		/**
		 * All but the JIT compilers, which finish at different moments in two JVMs and
		 * are idle in a steady state.
		 */
		long steadyState() {
			return this.requests + this.gc + this.other;
		}

	}

	/** What one configuration's measured blocks add up to in a round. */
	private static final class Totals {

		private final long[] latencies;

		private int count;

		private long elapsedNanos;

		private Cpu cpu = Cpu.NONE;

		Totals(int requests) {
			this.latencies = new long[requests];
		}

		void add(Block block, Cpu cpu) {
			System.arraycopy(block.latencies(), 0, this.latencies, this.count, block.latencies().length);
			this.count += block.latencies().length;
			this.elapsedNanos += block.elapsedNanos();
			this.cpu = this.cpu.plus(cpu);
		}

		Result result() {
			long[] sorted = Arrays.copyOf(this.latencies, this.count);
			Arrays.sort(sorted);
			return new Result(this.count / (this.elapsedNanos / 1e9), sorted[(int) (sorted.length * 0.99) - 1] / 1e6,
					perRequest(this.cpu.steadyState()), perRequest(this.cpu.requests()), perRequest(this.cpu.gc()),
					perRequest(this.cpu.jit()));
		}

		private double perRequest(long nanos) {
			return nanos / 1e3 / this.count;
		}

	}

	/**
	 * Throughput, p99, and CPU microseconds per request: all but JIT, request threads,
	 * GC, JIT.
	 */
	private record Result(double throughput, double p99Millis, double cpuMicrosPerRequest, double requestThreadMicros,
			double gcMicros, double jitMicros) {

		String describe() {
			return String.format("%6.0f req/s p99 %5.2f ms CPU/req %5.1f µs (requests %5.1f, GC %4.1f; JIT %4.1f)",
					this.throughput, this.p99Millis, this.cpuMicrosPerRequest, this.requestThreadMicros, this.gcMicros,
					this.jitMicros);
		}

	}

}
