package io.github.dbperf.findings.writes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.capture.CallerThreadSink;
import io.github.dbperf.capture.StatementEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Each write-path pattern next to its fixed twin: identity and sequence ids, a
 * unidirectional and a bidirectional {@code @OneToMany}, a {@code @ManyToMany} List and
 * Set. Its own package, so its entities stay out of the other test applications.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class WritesApplication {

	@Bean
	Recorder recorder() {
		return new Recorder();
	}

	/**
	 * Every statement, as an application's sink sees it.
	 */
	public static class Recorder implements CallerThreadSink {

		private final List<StatementEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void accept(StatementEvent event) {
			this.events.add(event);
		}

		public List<StatementEvent> events() {
			return this.events;
		}

	}

}
