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

	private final UnitsOfWork units;

	/**
	 * Create the handler of one application context.
	 * @param units that context's units of work
	 */
	public ScheduledUnitOfWorkHandler(UnitsOfWork units) {
		this.units = units;
	}

	@Override
	public void onStart(ScheduledTaskObservationContext context) {
		String entrypoint = "scheduled " + context.getTargetClass().getSimpleName() + "."
				+ context.getMethod().getName();
		context.put(UnitOfWork.class, this.units.begin(entrypoint));
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
