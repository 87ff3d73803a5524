package io.github.dbperf.internal;

import java.util.function.ToIntBiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * The one way dbperf bounds a map: a Caffeine cache whose upkeep runs on the thread that
 * writes (no pool thread, no sorting of entries; amortised constant time) and whose
 * evictions are counted where the caller wants them counted.
 */
public final class BoundedCaches {

	private BoundedCaches() {
	}

	/**
	 * A cache of at most {@code maximumSize} entries.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param maximumSize the bound
	 * @param evicted told of each entry evicted to keep the bound, may be {@code null}
	 * @return the cache
	 */
	public static <K, V> Cache<K, V> ofSize(long maximumSize, Runnable evicted) {
		Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run).maximumSize(maximumSize);
		return withEvictionCount(builder, evicted).build();
	}

	/**
	 * A cache of at most {@code maximumSize} entries that marks what it evicts.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param maximumSize the bound
	 * @param evicted told of each value evicted to keep the bound, atomically with its
	 * removal
	 * @return the cache
	 */
	public static <K, V> Cache<K, V> ofSizeTellingEvicted(long maximumSize, java.util.function.Consumer<V> evicted) {
		return Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(maximumSize)
			.<K, V>evictionListener((key, value, cause) -> {
				if (cause == RemovalCause.SIZE && value != null) {
					evicted.accept(value);
				}
			})
			.build();
	}

	/**
	 * A cache whose entries weigh at most {@code maximumWeight} in all (bytes of the text
	 * it keeps, for example).
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param maximumWeight the bound
	 * @param weigher the weight of one entry
	 * @return the cache
	 */
	public static <K, V> Cache<K, V> ofWeight(long maximumWeight, ToIntBiFunction<K, V> weigher) {
		return Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumWeight(maximumWeight)
			.<K, V>weigher(weigher::applyAsInt)
			.build();
	}

	private static Caffeine<Object, Object> withEvictionCount(Caffeine<Object, Object> builder, Runnable evicted) {
		if (evicted == null) {
			return builder;
		}
		return builder.evictionListener((Object key, Object value, RemovalCause cause) -> {
			if (cause == RemovalCause.SIZE) {
				evicted.run();
			}
		});
	}

}
