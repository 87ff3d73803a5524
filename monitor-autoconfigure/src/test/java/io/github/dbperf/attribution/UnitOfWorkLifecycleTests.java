package io.github.dbperf.attribution;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.DbPerf;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units of work never outlive themselves: closed out of order or on another thread they
 * leave other units alone, and a scope a bug left open cannot absorb a later request.
 */
class UnitOfWorkLifecycleTests {

	private final List<String> ended = new CopyOnWriteArrayList<>();

	private final UnitsOfWork units = new UnitsOfWork(new InternalFailures());

	@AfterEach
	void clean() {
		Attribution.clear();
	}

	@Test
	void closingAnOuterUnitFirstLeavesTheInnerOneInForceUntilItCloses() {
		this.units.listeners(List.of((unit) -> this.ended.add(unit.entrypoint())));
		UnitOfWork outer = this.units.begin("outer");
		UnitOfWork inner = this.units.begin("inner");
		outer.close();
		assertThat(Attribution.current().unit()).isSameAs(inner);
		inner.close();
		// Both closed: nothing is left on the thread, each ended once.
		assertThat(Attribution.current().unit()).isNull();
		assertThat(this.ended).containsExactly("outer", "inner");
	}

	@Test
	void closingAUnitOnAnotherThreadNeverTouchesThatThreadsUnits() throws Exception {
		this.units.listeners(List.of((unit) -> this.ended.add(unit.entrypoint())));
		UnitOfWork mine = this.units.begin("mine");
		CompletableFuture.runAsync(() -> {
			UnitOfWork theirs = this.units.begin("theirs");
			// Closed here by mistake, on a thread that is not its own.
			mine.close();
			assertThat(Attribution.current().unit()).isSameAs(theirs);
			theirs.close();
		}).get();
		// On its own thread the closed unit is skipped from now on.
		assertThat(Attribution.current().unit()).isNull();
		assertThat(this.ended).containsExactly("mine", "theirs");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aScopeLeftOpenDoesNotAbsorbTheNextRequestAndIsReportedOnce(CapturedOutput output) throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2, "server.tomcat.threads.max=1",
				"server.tomcat.threads.min-spare=1", "spring.main.sources=" + LeakyScopes.class.getName())) {
			// A bug: a request handler on the only request thread opens a scope and never
			// closes it.
			for (int i = 0; i < 3; i++) {
				assertThat(app.get("/leak").statusCode()).isEqualTo(200);
				assertThat(app.get("/authors/1").statusCode()).isEqualTo(200);
			}
			MeterRegistry registry = app.bean(MeterRegistry.class);
			// The filter ends the unit just after the response went out.
			org.awaitility.Awaitility.await()
				.untilAsserted(() -> assertThat(
						registry.get("dbperf.unit.statements").tag("entrypoint", "GET /authors/{id}").summary().count())
					.isEqualTo(3));
			assertThat(registry.find("dbperf.statements").tag("method", "findById").timers())
				.allSatisfy((timer) -> assertThat(timer.count()).isEqualTo(3));
			assertThat(registry.find("dbperf.unit.statements").tag("entrypoint", "leaked-scope").summaries()).isEmpty();
		}
		assertThat(output.getAll().split("was left open on thread", -1)).hasSize(2);
	}

	/** Stands in for application code with a bug. */
	@RestController
	static class LeakyScopes {

		@GetMapping("/leak")
		String leak() {
			DbPerf.scope("leaked-scope");
			return "leaked";
		}

	}

}
