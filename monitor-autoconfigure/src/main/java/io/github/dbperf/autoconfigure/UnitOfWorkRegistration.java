package io.github.dbperf.autoconfigure;

import java.util.List;

import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.StatementSink;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;

/**
 * Once every bean exists, hands this context's {@link UnitOfWorkListener}s to its units
 * of work and the application's {@link StatementSink} beans to its monitor (late, so a
 * sink that needs a repository creates no bean cycle); ends {@code startup} when the
 * application is ready; lets go when the context closes.
 */
final class UnitOfWorkRegistration implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent>,
		ApplicationContextAware, DisposableBean {

	private ApplicationContext context;

	private final ObjectProvider<UnitsOfWork> units;

	private final ObjectProvider<UnitOfWorkListener> listeners;

	private final ObjectProvider<DataSourceMonitor> monitor;

	private final ObjectProvider<StatementSink> sinks;

	private final boolean includeValues;

	UnitOfWorkRegistration(ObjectProvider<UnitsOfWork> units, ObjectProvider<UnitOfWorkListener> listeners,
			ObjectProvider<DataSourceMonitor> monitor, ObjectProvider<StatementSink> sinks, boolean includeValues) {
		this.includeValues = includeValues;
		this.units = units;
		this.listeners = listeners;
		this.monitor = monitor;
		this.sinks = sinks;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.units.getObject().listeners(this.listeners.orderedStream().toList());
		this.monitor.getObject().sinks().addApplicationSinks(this.sinks.orderedStream().toList(), this.includeValues);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// A child context's event reaches its parent too: only this context's own counts.
		UnitsOfWork units = this.units.getIfAvailable();
		if (units != null && event.getApplicationContext() == this.context) {
			units.applicationReady(true);
		}
	}

	@Override
	public void destroy() {
		UnitsOfWork units = this.units.getIfAvailable();
		if (units != null) {
			units.listeners(List.of());
		}
	}

}
