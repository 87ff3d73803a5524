package io.github.dbperf.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sample app with dbperf on and off under the same fixed, bounded HTTP load on
 * loopback: each run starts the app in its own JVM (same settings), warms it up, then
 * sends a fixed number of requests from a fixed number of workers and reports throughput
 * and p99. A discarded on/off pair warms the load generator; then runs alternate on/off
 * to spread drift evenly, and each round's on/off ratio is reported too.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.dbperf.benchmarks.EndToEnd
 * sample-app/target/dbperf-sample-app-0.1.0-SNAPSHOT.jar [rounds] [requests]}; with
 * {@code -Ddbperf.e2e.app-cpus=0} (and the harness under {@code taskset -c 1}) app and load
 * generator run on separate cores.
 */
public final class EndToEnd {

	private static final int PORT = 18080;

	private static final int WORKERS = 4;

	private static final String[] PATHS = { "/authors/%d", "/authors/%d/books", "/authors/fetched", "/reviews/good" };

	private EndToEnd() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of((args.length > 0) ? args[0] : "sample-app/target/dbperf-sample-app-0.1.0-SNAPSHOT.jar");
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int requests = (args.length > 2) ? Integer.parseInt(args[2]) : 20_000;
		if (!Files.exists(jar)) {
			throw new IllegalArgumentException(jar + " not found: run ./mvnw -pl sample-app -am package -DskipTests");
		}
		// One discarded pair first: the load generator (this JVM, its HTTP client, the JIT) warms up
		// over its first runs, which otherwise favours whichever configuration runs second.
		run(jar, true, requests);
		run(jar, false, requests);
		List<Result> on = new ArrayList<>();
		List<Result> off = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			for (boolean enabled : (round % 2 == 1) ? new boolean[] { true, false } : new boolean[] { false, true }) {
				Result result = run(jar, enabled, requests);
				System.out.printf("round %d dbperf %-3s %8.0f req/s  p99 %6.2f ms%n", round, enabled ? "on" : "off",
						result.throughput(), result.p99Millis());
				(enabled ? on : off).add(result);
			}
		}
		double onThroughput = median(on.stream().mapToDouble(Result::throughput).toArray());
		double offThroughput = median(off.stream().mapToDouble(Result::throughput).toArray());
		double onP99 = median(on.stream().mapToDouble(Result::p99Millis).toArray());
		double offP99 = median(off.stream().mapToDouble(Result::p99Millis).toArray());
		System.out.println();
		System.out.println("| dbperf | throughput (median req/s) | p99 (median ms) |");
		System.out.println("|---|---|---|");
		System.out.printf("| off | %.0f | %.2f |%n", offThroughput, offP99);
		System.out.printf("| on | %.0f | %.2f |%n", onThroughput, onP99);
		System.out.printf("| on / off | %.3f | %.3f |%n", onThroughput / offThroughput, onP99 / offP99);
		// The same from each round's own pair: drift between rounds cancels out.
		double[] throughputRatios = new double[rounds];
		double[] p99Ratios = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			throughputRatios[i] = on.get(i).throughput() / off.get(i).throughput();
			p99Ratios[i] = on.get(i).p99Millis() / off.get(i).p99Millis();
		}
		System.out.printf("| median of the rounds' on / off | %.3f | %.3f |%n", median(throughputRatios),
				median(p99Ratios));
	}

	private static Result run(Path jar, boolean enabled, int requests) throws Exception {
		List<String> command = new ArrayList<>();
		String appCpus = System.getProperty("dbperf.e2e.app-cpus");
		if (appCpus != null) {
			// The app on its own CPUs (run the harness itself under taskset on the others): the load
			// generator no longer competes with the app for the same cores.
			command.addAll(List.of("taskset", "-c", appCpus));
		}
		command.addAll(List.of("java", "-Xms512m", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + PORT,
				"--dbperf.enabled=" + enabled, "--logging.level.root=WARN"));
		Process app = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			awaitStarted(http);
			load(http, requests / 2);
			return load(http, requests);
		}
		finally {
			app.destroy();
			app.waitFor();
		}
	}

	private static void awaitStarted(HttpClient http) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (get(http, "/authors/1") == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The sample app did not start within 60 s");
	}

	private static Result load(HttpClient http, int requests) throws Exception {
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
					int status = get(http, path);
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
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all.length / (elapsed / 1e9), all[(int) (all.length * 0.99) - 1] / 1e6);
	}

	private static int get(HttpClient http, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private record Result(double throughput, double p99Millis) {

	}

}
