package io.github.dbperf.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * The sample app with dbperf on and off under the same fixed, bounded HTTP load on
 * loopback. Each round starts both configurations side by side, each in its own JVM (same
 * settings, its own port; which one starts first alternates by round), warms both up,
 * then sends short blocks of requests to one and the other in turn (on, off, off, on, ...):
 * drift of the machine (other processes, clock speed, the load generator's own JIT) falls
 * on both alike within seconds, where consecutive whole runs differed by ±15%. Per
 * configuration it reports throughput over its blocks, p99 of all its requests and the CPU
 * time its JVM used per request by kind of thread, JIT compiler threads left out of the
 * total (from {@code /proc}, the least noisy of the three on a shared 2-core machine); per
 * round the on/off ratios, and their medians over the rounds. Warm-up is twice the
 * measured requests: a Spring application's JIT is still compiling after tens of
 * thousands of requests.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.dbperf.benchmarks.EndToEnd
 * sample-app/target/dbperf-sample-app-0.1.0-SNAPSHOT.jar [rounds] [requests]}, requests
 * being what each configuration receives per round after twice as many of warm-up.
 */
public final class EndToEnd {

	private static final int FIRST_PORT = 18080;

	private static final int SECOND_PORT = 18081;

	private static final int WORKERS = 4;

	private static final int BLOCK = 1_000;

	/** Nanoseconds per clock tick of {@code /proc} (USER_HZ, 100 on Linux). */
	private static final long TICK = 10_000_000L;

	/** The mix of pages; {@code -Ddbperf.e2e.paths=/authors/%d,...} measures others (%d: an author id). */
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
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		List<Comparison> comparisons = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			Comparison comparison = round(jar, http, requests, round % 2 == 1);
			comparisons.add(comparison);
			System.out.printf("round %d on  %s%n        off %s%n        on/off throughput %.3f p99 %.3f CPU %.3f%n",
					round, comparison.on().describe(), comparison.off().describe(), comparison.throughputRatio(),
					comparison.p99Ratio(), comparison.cpuRatio());
		}
		System.out.println();
		System.out.println("| on / off, median of " + rounds + " rounds | throughput | p99 | app CPU per request |");
		System.out.println("|---|---|---|---|");
		System.out.printf("| | %.3f | %.3f | %.3f |%n", median(comparisons, Comparison::throughputRatio),
				median(comparisons, Comparison::p99Ratio), median(comparisons, Comparison::cpuRatio));
	}

	private static Comparison round(Path jar, HttpClient http, int requests, boolean onStartsFirst) throws Exception {
		// -Ddbperf.e2e.aa=true runs "off" against "off": the spread of its ratios is the harness's noise.
		// Which JVM starts first, on which port, alternates by round: neither configuration keeps
		// whatever the first (or second) JVM of a pair gains.
		boolean monitored = !Boolean.getBoolean("dbperf.e2e.aa");
		App first = App.start(jar, onStartsFirst && monitored, FIRST_PORT);
		App second = App.start(jar, !onStartsFirst && monitored, SECOND_PORT);
		App on = onStartsFirst ? first : second;
		App off = onStartsFirst ? second : first;
		try {
			on.awaitStarted(http);
			off.awaitStarted(http);
			int blocks = Math.max(2, requests / BLOCK);
			// Warm-up, interleaved block by block, and discarded.
			for (int b = 0; b < 2 * blocks; b++) {
				load(http, on.port(), BLOCK);
				load(http, off.port(), BLOCK);
			}
			Totals onTotals = new Totals(blocks * BLOCK);
			Totals offTotals = new Totals(blocks * BLOCK);
			for (int b = 0; b < blocks; b++) {
				// on, off, off, on, ...: neither goes first more often than the other.
				boolean onFirst = (b % 2 == 0);
				measure(http, onFirst ? on : off, onFirst ? onTotals : offTotals);
				measure(http, onFirst ? off : on, onFirst ? offTotals : onTotals);
			}
			return new Comparison(onTotals.result(), offTotals.result());
		}
		finally {
			on.stop();
			off.stop();
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
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static double median(List<Comparison> comparisons, ToDoubleFunction<Comparison> figure) {
		double[] sorted = comparisons.stream().mapToDouble(figure).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	/** One configuration's JVM. */
	private record App(Process process, int port) {

		static App start(Path jar, boolean enabled, int port) throws IOException {
			try (Socket taken = new Socket("127.0.0.1", port)) {
				// Else the measurement would silently go to whatever answers there (a JVM left from an
				// interrupted run).
				throw new IllegalStateException("Port " + port + " is in use: stop what listens there first");
			}
			catch (ConnectException ex) {
				// free
			}
			List<String> command = List.of("java", "-Xms512m", "-Xmx512m", "-jar", jar.toString(),
					"--server.port=" + port, "--dbperf.enabled=" + enabled, "--logging.level.root=WARN");
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
			try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", "" + this.process.pid(), "task"))) {
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
					// Counted from the state (field 3 of proc_pid_stat(5)): utime is field 14, stime 15.
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

	/** CPU time of a JVM's threads by kind: request threads, GC, JIT compilers, the rest. */
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

		/** All but the JIT compilers, which finish at different moments in two JVMs and are idle in a steady state. */
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

	/** Throughput, p99, and CPU microseconds per request: all but JIT, request threads, GC, JIT. */
	private record Result(double throughput, double p99Millis, double cpuMicrosPerRequest, double requestThreadMicros,
			double gcMicros, double jitMicros) {

		String describe() {
			return String.format("%6.0f req/s p99 %5.2f ms CPU/req %5.1f µs (requests %5.1f, GC %4.1f; JIT %4.1f)",
					this.throughput, this.p99Millis, this.cpuMicrosPerRequest, this.requestThreadMicros, this.gcMicros,
					this.jitMicros);
		}

	}

	private record Comparison(Result on, Result off) {

		double throughputRatio() {
			return this.on.throughput() / this.off.throughput();
		}

		double p99Ratio() {
			return this.on.p99Millis() / this.off.p99Millis();
		}

		double cpuRatio() {
			return this.on.cpuMicrosPerRequest() / this.off.cpuMicrosPerRequest();
		}

	}

}
