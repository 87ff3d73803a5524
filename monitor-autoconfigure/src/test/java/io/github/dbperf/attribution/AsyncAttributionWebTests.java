package io.github.dbperf.attribution;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.capture.CallerThreadSink;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements run by {@code @Async} methods and by tasks on Boot's executor count for the
 * request that started them, on platform and on virtual threads.
 */
class AsyncAttributionWebTests {

	@Test
	void asyncWorkCountsForTheRequestThatStartedIt() throws Exception {
		assertAsyncWorkIsAttributed();
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void asyncWorkOnVirtualThreadsCountsForTheRequestThatStartedIt() throws Exception {
		assertAsyncWorkIsAttributed("spring.threads.virtual.enabled=true");
	}

	@Test
	void withPropagationToTasksOffAsyncWorkIsItsOwn() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2,
				"spring.main.sources=" + AsyncConfiguration.class.getName(),
				"dbperf.attribution.propagate-to-tasks=false")) {
			assertThat(app.context().getBeanNamesForType(AttributionTaskDecorator.class)).isEmpty();
			AsyncConfiguration.Recorder recorder = app.bean(AsyncConfiguration.Recorder.class);
			recorder.events.clear();
			assertThat(app.get("/async/3").statusCode()).isEqualTo(200);
			// Each repository call on another thread is a unit of its own, not the
			// request's.
			assertThat(
					recorder.events.stream().filter((event) -> event.fingerprint().sql().contains("where a1_0.name=?")))
				.hasSize(6)
				.allSatisfy((event) -> assertThat(event.entrypoint()).isEqualTo("AuthorRepository.findByName"));
		}
	}

	@Test
	void micrometerContextPropagationCarriesTheUnitOfWork() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2,
				"spring.main.sources=" + AsyncConfiguration.class.getName())) {
			AsyncConfiguration.Recorder recorder = app.bean(AsyncConfiguration.Recorder.class);
			AuthorRepository authors = app.bean(AuthorRepository.class);
			recorder.events.clear();
			io.micrometer.context.ContextSnapshotFactory snapshots = io.micrometer.context.ContextSnapshotFactory
				.builder()
				.build();
			Thread other;
			try (io.github.dbperf.Scope unit = io.github.dbperf.DbPerf.scope("propagated")) {
				// What ContextPropagatingTaskDecorator and Reactor do: capture here,
				// restore there.
				Runnable work = snapshots.captureAll().wrap((Runnable) () -> authors.findByName("carried"));
				other = new Thread(work, "not-the-caller");
				other.start();
				other.join();
			}
			assertThat(recorder.events).filteredOn((event) -> event.fingerprint().sql().contains("where a1_0.name=?"))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.entrypoint()).isEqualTo("propagated");
					assertThat(event.thread()).isEqualTo("not-the-caller");
				});
		}
	}

	private void assertAsyncWorkIsAttributed(String... properties) throws Exception {
		String[] all = new String[properties.length + 1];
		all[0] = "spring.main.sources=" + AsyncConfiguration.class.getName();
		System.arraycopy(properties, 0, all, 1, properties.length);
		try (RunningApplication app = RunningApplication.start(Engine.H2, all)) {
			AsyncConfiguration.Recorder recorder = app.bean(AsyncConfiguration.Recorder.class);
			recorder.events.clear();
			assertThat(app.get("/async/3").statusCode()).isEqualTo(200);
			List<StatementEvent> lookups = recorder.events.stream()
				.filter((event) -> event.fingerprint().sql().contains("where a1_0.name=?"))
				.toList();
			// Three by the @Async method, three by a task on Boot's executor, none on the
			// request thread.
			assertThat(lookups).hasSize(6).allSatisfy((event) -> {
				assertThat(event.entrypoint()).isEqualTo("GET /async/{count}");
				assertThat(event.repositoryMethod().qualifiedName()).isEqualTo("AuthorRepository.findByName");
			});
			assertThat(lookups).extracting(StatementEvent::thread).doesNotContain(recorder.requestThread);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		Lookups lookups(AuthorRepository authors) {
			return new Lookups(authors);
		}

		static class Recorder implements CallerThreadSink {

			final List<StatementEvent> events = new CopyOnWriteArrayList<>();

			volatile String requestThread;

			@Override
			public void accept(StatementEvent event) {
				this.events.add(event);
			}

		}

		static class Lookups {

			private final AuthorRepository authors;

			Lookups(AuthorRepository authors) {
				this.authors = authors;
			}

			@Async
			public CompletableFuture<Integer> lookUp(int count) {
				for (int i = 0; i < count; i++) {
					this.authors.findByName("async" + i);
				}
				return CompletableFuture.completedFuture(count);
			}

		}

		/** Registered as a member class of the configuration. */
		@RestController
		static class AsyncController {

			private final Lookups lookups;

			private final Recorder recorder;

			private final AsyncTaskExecutor executor;

			private final AuthorRepository authors;

			AsyncController(Lookups lookups, Recorder recorder,
					@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, AuthorRepository authors) {
				this.lookups = lookups;
				this.recorder = recorder;
				this.executor = executor;
				this.authors = authors;
			}

			@GetMapping("/async/{count}")
			int lookUp(@PathVariable int count) throws Exception {
				this.recorder.requestThread = Thread.currentThread().getName();
				int byAsync = this.lookups.lookUp(count).get();
				CompletableFuture<Integer> byTask = CompletableFuture.supplyAsync(() -> {
					for (int i = 0; i < count; i++) {
						this.authors.findByName("task" + i);
					}
					return count;
				}, this.executor);
				return byAsync + byTask.get();
			}

		}

	}

}
