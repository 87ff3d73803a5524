package io.github.dbperf.autoconfigure;

import java.util.List;

import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Hands the application's {@link UnitOfWorkListener}s to the thread-bound units of work
 * once every bean exists, ends the {@code startup} unit when the application is ready,
 * and lets go when the context closes.
 */
final class UnitOfWorkRegistration
		implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private final ObjectProvider<UnitOfWorkListener> listeners;

	private List<UnitOfWorkListener> registered = List.of();

	UnitOfWorkRegistration(ObjectProvider<UnitOfWorkListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.registered = this.listeners.orderedStream().toList();
		UnitOfWork.listeners(this.registered);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		UnitOfWork.applicationReady(true);
	}

	@Override
	public void destroy() {
		UnitOfWork.listeners(List.of());
	}

}
