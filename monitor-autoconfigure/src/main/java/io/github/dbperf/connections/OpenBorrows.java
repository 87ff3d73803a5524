package io.github.dbperf.connections;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The borrows out now, in a fixed table of slots: a borrow takes a free slot near its
 * thread's (one compare-and-set, nothing allocated) and frees it when it goes back. More
 * borrows out at once than slots are not tracked (their figures still count; they are
 * left out of who holds the pool and of leak watching).
 */
final class OpenBorrows {

	private final AtomicReferenceArray<ConnectionBorrow> slots;

	private final int mask;

	OpenBorrows(int capacity) {
		if (Integer.bitCount(capacity) != 1) {
			throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
		}
		this.slots = new AtomicReferenceArray<>(capacity);
		this.mask = capacity - 1;
	}

	/**
	 * Track a borrow.
	 * @param borrow the borrow
	 * @return its slot, or -1 when every slot is taken
	 */
	int add(ConnectionBorrow borrow) {
		int start = spread(System.identityHashCode(Thread.currentThread()));
		for (int i = 0; i <= this.mask; i++) {
			int slot = (start + i) & this.mask;
			if (this.slots.get(slot) == null && this.slots.compareAndSet(slot, null, borrow)) {
				return slot;
			}
		}
		return -1;
	}

	/**
	 * Stop tracking a borrow.
	 * @param slot what {@link #add} returned
	 * @param borrow the borrow
	 */
	void remove(int slot, ConnectionBorrow borrow) {
		// Only a null slot is taken: this one holds the borrow until it is cleared here,
		// so a release store is enough.
		if (slot >= 0 && this.slots.get(slot) == borrow) {
			this.slots.lazySet(slot, null);
		}
	}

	/**
	 * Visit every borrow out now.
	 * @param visitor told about each
	 */
	void forEach(Consumer<ConnectionBorrow> visitor) {
		for (int i = 0; i <= this.mask; i++) {
			ConnectionBorrow borrow = this.slots.get(i);
			if (borrow != null) {
				visitor.accept(borrow);
			}
		}
	}

	private static int spread(int hash) {
		return (hash * 0x9E3779B9) >>> 16;
	}

}
