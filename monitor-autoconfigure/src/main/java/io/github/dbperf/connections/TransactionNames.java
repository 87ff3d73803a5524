package io.github.dbperf.connections;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * The Spring transaction in progress on the calling thread, as its transaction manager
 * named it: the {@code @Transactional} method that began it
 * ({@code com.example.OrderService.placeOrder}). Read while the transaction ends, before
 * Spring clears it; {@code null} without Spring's transaction support.
 */
public final class TransactionNames {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.transaction.support.TransactionSynchronizationManager",
			TransactionNames.class.getClassLoader());

	private TransactionNames() {
	}

	/**
	 * The name of the transaction in progress.
	 * @return {@code com.example.OrderService.placeOrder}, or {@code null}
	 */
	public static @Nullable String current() {
		return PRESENT ? TransactionSynchronizationManager.getCurrentTransactionName() : null;
	}

	/**
	 * Whether the transaction in progress was declared read-only.
	 * @return {@code true} for {@code @Transactional(readOnly = true)}
	 */
	public static boolean readOnly() {
		return PRESENT && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

}
