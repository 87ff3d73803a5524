package io.github.dbperf.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean looked up late is looked up once the context is ready, then never again: counted
 * lookups, no timing.
 */
class LateBeanTests {

	@Test
	void beforeTheContextIsReadyEachCallLooksUp() {
		CountingProvider provider = new CountingProvider("tracer");
		LateBean<String> bean = new LateBean<>(provider);
		assertThat(bean.get()).isEqualTo("tracer");
		assertThat(bean.get()).isEqualTo("tracer");
		assertThat(provider.lookups).hasValue(2);
	}

	@Test
	void onceTheContextIsReadyTheBeanIsKeptAndNotLookedUpAgain() {
		CountingProvider provider = new CountingProvider("tracer");
		LateBean<String> bean = new LateBean<>(provider);
		bean.afterSingletonsInstantiated();
		for (int i = 0; i < 1000; i++) {
			assertThat(bean.get()).isEqualTo("tracer");
		}
		assertThat(provider.lookups).hasValue(1);
	}

	@Test
	void aBeanThatNoAutoConfigurationProvidedIsNotLookedUpAgainEither() {
		CountingProvider provider = new CountingProvider(null);
		LateBean<String> bean = new LateBean<>(provider);
		bean.afterSingletonsInstantiated();
		for (int i = 0; i < 1000; i++) {
			assertThat(bean.get()).isNull();
		}
		assertThat(provider.lookups).hasValue(1);
	}

	private static final class CountingProvider implements ObjectProvider<String> {

		private final String bean;

		private final AtomicInteger lookups = new AtomicInteger();

		CountingProvider(String bean) {
			this.bean = bean;
		}

		@Override
		public String getObject() {
			return getIfUnique();
		}

		@Override
		public String getObject(Object... args) {
			return getIfUnique();
		}

		@Override
		public String getIfAvailable() {
			return getIfUnique();
		}

		@Override
		public String getIfUnique() {
			this.lookups.incrementAndGet();
			return this.bean;
		}

	}

}
