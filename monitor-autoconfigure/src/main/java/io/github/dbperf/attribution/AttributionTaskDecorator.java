package io.github.dbperf.attribution;

import org.springframework.core.task.TaskDecorator;

/**
 * Hands dbperf's attribution to tasks that Boot's task executors run ({@code @Async}
 * methods, tasks submitted to the application's executor, on platform or virtual
 * threads): their statements count for the entry point that submitted them. Carries
 * nothing else.
 */
public final class AttributionTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		Handoff handoff = Handoff.capture();
		if (handoff == null) {
			return runnable;
		}
		return () -> {
			try (Handoff.Scope scope = handoff.open()) {
				runnable.run();
			}
		};
	}

}
