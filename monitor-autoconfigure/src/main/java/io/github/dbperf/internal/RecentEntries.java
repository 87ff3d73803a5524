package io.github.dbperf.internal;

import java.util.Arrays;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * A small table in front of a bounded cache, for the lookups every statement or unit of
 * work makes: the values of recent keys by a hash of the key, found without a lookup in
 * the cache. Racy on purpose: pairs are immutable and checked before use (the key, and
 * whether the value is still live). One hit in eight still reads the cache, so that its
 * eviction keeps seeing what is used.
 *
 * @param <V> the value type
 */
public final class RecentEntries<V> {

	private static final int TOUCH_EVERY = 8;

	private final Pair<V>[] table;

	private final Cache<String, V> cache;

	private final Predicate<V> live;

	/** Hits, counted without synchronization: a sample is enough. */
	private int hits;

	/**
	 * A table in front of a cache.
	 * @param size its slots, a power of two
	 * @param cache the cache it stands in front of
	 * @param live whether a value found in the table may still be used (not evicted)
	 */
	@SuppressWarnings("unchecked")
	public RecentEntries(int size, Cache<String, V> cache, Predicate<V> live) {
		if (Integer.bitCount(size) != 1) {
			throw new IllegalArgumentException("size must be a power of two: " + size);
		}
		this.table = (Pair<V>[]) new Pair<?>[size];
		this.cache = cache;
		this.live = live;
	}

	/**
	 * The value of a key, from the table or else from the cache.
	 * @param key the key
	 * @return the value, or {@code null} when the cache has none
	 */
	public V get(String key) {
		Pair<V> pair = this.table[slot(key)];
		if (pair != null && (pair.key() == key || pair.key().equals(key)) && this.live.test(pair.value())) {
			if ((++this.hits & (TOUCH_EVERY - 1)) == 0) {
				this.cache.getIfPresent(key);
			}
			return pair.value();
		}
		V value = this.cache.getIfPresent(key);
		if (value != null) {
			put(key, value);
		}
		return value;
	}

	/**
	 * Remember a value the cache now holds.
	 * @param key its key
	 * @param value the value
	 */
	public void put(String key, V value) {
		this.table[slot(key)] = new Pair<>(key, value);
	}

	/**
	 * Forget every pair (the cache was cleared).
	 */
	public void clear() {
		Arrays.fill(this.table, null);
	}

	private int slot(String key) {
		return key.hashCode() & (this.table.length - 1);
	}

	private record Pair<V>(String key, V value) {

	}

}
