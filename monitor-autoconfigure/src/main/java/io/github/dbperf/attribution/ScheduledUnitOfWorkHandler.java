package io.github.dbperf.attribution;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * Makes each {@code @Scheduled} run a unit of work whose entry point is {@code scheduled
 * Class.method}, through the observation Spring Framework opens around every scheduled
 * task.
 */
public final class ScheduledUnitOfWorkHandler implements ObservationHandler<ScheduledTaskObservationContext> {

	@Override
	public void onStart(ScheduledTaskObservationContext context) {
		String entrypoint = "scheduled " + context.getTargetClass().getSimpleName() + "."
				+ context.getMethod().getName();
		context.put(UnitOfWork.class, UnitOfWork.begin(entrypoint));
	}

	@Override
	public void onStop(ScheduledTaskObservationContext context) {
		UnitOfWork unit = context.get(UnitOfWork.class);
		if (unit != null) {
			unit.close();
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ScheduledTaskObservationContext;
	}

}
