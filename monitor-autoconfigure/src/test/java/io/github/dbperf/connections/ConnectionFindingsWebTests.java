package io.github.dbperf.connections;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.statistics.ConnectionSnapshot;
import io.github.dbperf.statistics.ConnectionStatistics;
import io.github.dbperf.statistics.Window;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pool of two connections on each engine, over HTTP: a transaction that holds its
 * connection while it waits (the gate stands for a remote call) makes the fast route
 * wait, and both are named; its fixed twin, which waits outside its transaction, makes
 * neither; a connection never closed is told while it is out, the second time with the
 * line that borrowed it.
 */
class ConnectionFindingsWebTests {

	private static final String[] POOL_OF_TWO = { "spring.datasource.hikari.maximum-pool-size=2",
			"spring.datasource.hikari.minimum-idle=2", "dbperf.connections.wait-threshold=50ms",
			"dbperf.connections.hold-threshold=100ms", "management.endpoints.web.exposure.include=dbperf",
			"management.endpoint.dbperf.access=unrestricted" };

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aTransactionHoldingThePoolIsNamedWhileTheFastRouteWaitsAndItsFixedTwinIsNot(Engine engine) throws Exception {
		try (RunningApplication application = RunningApplication.start(PoolApplication.class, engine, POOL_OF_TWO)) {
			Gate gate = application.bean(Gate.class);
			Connections connections = application.bean(Connections.class);
			ExecutorService clients = Executors.newFixedThreadPool(4);
			try {
				List<Future<HttpResponse<String>>> holding = List.of(clients.submit(() -> application.get("/reserve")),
						clients.submit(() -> application.get("/reserve")));
				await().until(() -> gate.arrived() == 2);
				Future<HttpResponse<String>> waiting = clients.submit(() -> application.get("/fast"));
				await().until(() -> connections.waiting("dataSource") == 1);
				// The fast route has waited at least this long, however busy the machine.
				Thread.sleep(200);
				gate.open(2);
				assertThat(waiting.get().statusCode()).isEqualTo(200);
				for (Future<HttpResponse<String>> response : holding) {
					assertThat(response.get().statusCode()).isEqualTo(200);
				}
			}
			finally {
				clients.shutdownNow();
			}
			List<Finding> findings = application.bean(Findings.class).snapshot();
			Finding poolWait = only(findings, FindingKind.POOL_WAIT, "GET /fast");
			Finding.PoolWaitDetails wait = (Finding.PoolWaitDetails) poolWait.details();
			assertThat(wait.dataSource()).isEqualTo("dataSource");
			assertThat(wait.waitMillis()).isGreaterThanOrEqualTo(200);
			assertThat(wait.holders()).extracting(Finding.Holder::entrypoint).containsExactly("GET /reserve");
			assertThat(wait.holders().get(0).borrows()).isEqualTo(2);
			assertThat(poolWait.suggestions().get(0))
				.contains("its connections were held by 'GET /reserve' (2 borrows, ");
			Finding idle = only(findings, FindingKind.IDLE_IN_TRANSACTION, "GET /reserve");
			assertThat(idle.repository() + "." + idle.method()).isEqualTo("TicketService.reserve");
			assertThat(idle.callSite()).startsWith(TicketController.class.getName() + ".reserve(");
			Finding.IdleTransactionDetails transaction = (Finding.IdleTransactionDetails) idle.details();
			assertThat(transaction.transaction()).isEqualTo(TicketService.class.getName() + ".reserve");
			assertThat(transaction.statements()).isEqualTo(1);
			assertThat(transaction.idleMillis()).isGreaterThanOrEqualTo(200);
			// Two idle transactions: the first is taken for a possible warm-up, the
			// second told.
			assertThat(idle.occurrences()).as("%s", findings).isEqualTo(1);
			// dbperf's wait holds the pool's own: Hikari times the inside of the same
			// call.
			ConnectionSnapshot fast = snapshot(application, "GET /fast");
			Timer acquire = application.bean(MeterRegistry.class).get("hikaricp.connections.acquire").timer();
			assertThat(fast.waitMaxMillis()).isGreaterThanOrEqualTo(200)
				.isGreaterThanOrEqualTo(acquire.max(java.util.concurrent.TimeUnit.MILLISECONDS) - 0.01);
			assertThat(snapshot(application, "GET /reserve").idleInTransactionPercent()).isGreaterThan(50);

			assertThat(application.delete("/actuator/dbperf").statusCode()).isIn(200, 204);
			ExecutorService fixed = Executors.newFixedThreadPool(4);
			try {
				List<Future<HttpResponse<String>>> outside = List.of(
						fixed.submit(() -> application.get("/reserve-outside")),
						fixed.submit(() -> application.get("/reserve-outside")));
				await().until(() -> gate.arrived() == 4);
				// Nobody holds a connection while the gate is shut: the fast route
				// answers.
				assertThat(CompletableFuture.supplyAsync(() -> get(application, "/fast"), fixed).get().statusCode())
					.isEqualTo(200);
				gate.open(2);
				for (Future<HttpResponse<String>> response : outside) {
					assertThat(response.get().statusCode()).isEqualTo(200);
				}
			}
			finally {
				fixed.shutdownNow();
			}
			List<Finding> after = application.bean(Findings.class).snapshot();
			assertThat(after).as("%s", after)
				.extracting(Finding::kind)
				.doesNotContain(FindingKind.POOL_WAIT, FindingKind.IDLE_IN_TRANSACTION, FindingKind.CONNECTION_LEAK);
		}
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aConnectionNeverClosedIsToldWhileItIsOutAndThenWithTheLineThatBorrowedIt(Engine engine) throws Exception {
		try (RunningApplication application = RunningApplication.start(PoolApplication.class, engine,
				"spring.datasource.hikari.maximum-pool-size=3", "dbperf.connections.leak-threshold=1s")) {
			assertThat(application.get("/leak").statusCode()).isEqualTo(200);
			Finding first = await().until(() -> leak(application), (finding) -> finding != null);
			assertThat(first.callSite()).isEqualTo("unknown");
			Finding.LeakDetails details = (Finding.LeakDetails) first.details();
			assertThat(details.unitEnded()).isTrue();
			assertThat(details.statements()).isEqualTo(1);
			assertThat(details.heldMillis()).isGreaterThanOrEqualTo(1000);
			assertThat(application.get("/leak").statusCode()).isEqualTo(200);
			Finding second = await().until(() -> leak(application),
					(finding) -> finding != null && finding.occurrences() == 2);
			assertThat(second.callSite()).startsWith(TicketController.class.getName() + ".leak(");
			assertThat(application.postJson("/release", "").body()).isEqualTo("2");
			assertThat(application.bean(Connections.class).open("dataSource")).isEmpty();
		}
	}

	private static Finding leak(RunningApplication application) {
		return application.bean(Findings.class)
			.snapshot()
			.stream()
			.filter((finding) -> finding.kind() == FindingKind.CONNECTION_LEAK)
			.findFirst()
			.orElse(null);
	}

	private static Finding only(List<Finding> findings, FindingKind kind, String entrypoint) {
		List<Finding> matching = findings.stream()
			.filter((finding) -> finding.kind() == kind && finding.entrypoint().equals(entrypoint))
			.toList();
		assertThat(matching).as("%s in %s among %s", kind, entrypoint, findings).hasSize(1);
		return matching.get(0);
	}

	private static ConnectionSnapshot snapshot(RunningApplication application, String entrypoint) {
		return application.bean(ConnectionStatistics.class)
			.snapshot(Window.ALL)
			.stream()
			.filter((snapshot) -> snapshot.entrypoint().equals(entrypoint))
			.findFirst()
			.orElseThrow();
	}

	private static HttpResponse<String> get(RunningApplication application, String path) {
		try {
			return application.get(path);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
