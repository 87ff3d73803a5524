package io.github.dbperf.connections;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * A pool now: the connections out and the threads waiting as dbperf counts them (any
 * pool), and with HikariCP its size, idle connections and waiting threads as the pool
 * counts them (its own borrows included, dbperf's too).
 *
 * @param out connections the application has out now
 * @param waiting threads of the application waiting for one now
 * @param max the pool's maximum size, or {@code null} when the pool does not say
 * @param total connections the pool has open, or {@code null}
 * @param idle connections idle in the pool, or {@code null}
 * @param poolWaiting threads waiting as the pool counts them, or {@code null}
 */
public record PoolState(int out, int waiting, @Nullable Integer max, @Nullable Integer total, @Nullable Integer idle,
		@Nullable Integer poolWaiting) {

	private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			PoolState.class.getClassLoader());

	/**
	 * The state of a pool now.
	 * @param pool the pool dbperf wraps
	 * @param out connections out, as dbperf counts them
	 * @param waiting threads waiting, as dbperf counts them
	 * @return the state
	 */
	public static PoolState of(@Nullable DataSource pool, int out, int waiting) {
		if (HIKARI && pool instanceof HikariDataSource hikari) {
			HikariPoolMXBean mxBean = hikari.getHikariPoolMXBean();
			if (mxBean != null) {
				return new PoolState(out, waiting, hikari.getMaximumPoolSize(), mxBean.getTotalConnections(),
						mxBean.getIdleConnections(), mxBean.getThreadsAwaitingConnection());
			}
			return new PoolState(out, waiting, hikari.getMaximumPoolSize(), null, null, null);
		}
		return new PoolState(out, waiting, null, null, null, null);
	}

}
