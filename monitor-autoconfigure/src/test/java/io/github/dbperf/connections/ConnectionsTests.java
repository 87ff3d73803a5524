package io.github.dbperf.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.Borrows;
import io.github.dbperf.internal.InternalFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one borrow adds up to, on a clock the test moves: transactions from auto-commit
 * and commits, their idle time, the wait, and a connection told once when it stays out.
 */
class ConnectionsTests {

	private final AtomicLong clock = new AtomicLong(1_000);

	private final List<String> told = new ArrayList<>();

	private final Connections connections = new Connections(new UnitsOfWork(new InternalFailures()),
			new CallSites(List.of()), Duration.ofNanos(1_000), new InternalFailures(), this.clock::get, false);

	ConnectionsTests() {
		this.connections.listeners(List.of(new ConnectionListener() {

			@Override
			public void acquired(ConnectionBorrow borrow) {
				ConnectionsTests.this.told.add("acquired wait=" + borrow.waitNanos());
			}

			@Override
			public void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
				ConnectionsTests.this.told.add("transaction " + transaction);
			}

			@Override
			public void returned(ConnectionBorrow borrow, long heldNanos) {
				ConnectionsTests.this.told.add("returned held=" + heldNanos + " idle=" + borrow.idleInTransactionNanos()
						+ " transactions=" + borrow.transactions());
			}

			@Override
			public void stillOut(ConnectionBorrow borrow, long heldNanos) {
				ConnectionsTests.this.told.add("still out " + heldNanos);
			}

		}));
	}

	@Test
	void aTransactionRunsFromAutoCommitOffToCommitAndItsIdleTimeIsWhatStatementsDidNotTake() {
		Borrows borrows = this.connections.apply("ds");
		long requested = borrows.requesting();
		this.clock.addAndGet(30);
		Borrows.Borrow borrow = borrows.acquired(requested);
		this.clock.addAndGet(10);
		borrow.autoCommit(false);
		statement(borrow, 5);
		this.clock.addAndGet(95);
		borrow.ended(true);
		this.clock.addAndGet(10);
		borrow.autoCommit(true);
		statement(borrow, 7);
		this.clock.addAndGet(43);
		borrow.returned();
		assertThat(this.told).containsExactly("acquired wait=30",
				"transaction TransactionEnd[nanos=100, dbNanos=5, statements=1, committed=true, longestIdleNanos=95]",
				"returned held=170 idle=95 transactions=1");
	}

	@Test
	void withAutoCommitOffFromThePoolEachCommitOrRollbackEndsATransactionBegunAtTheOneBefore() {
		Borrows borrows = this.connections.apply("ds");
		Borrows.Borrow borrow = borrows.acquired(borrows.requesting());
		statement(borrow, 10);
		this.clock.addAndGet(40);
		borrow.ended(true);
		this.clock.addAndGet(30);
		borrow.ended(false);
		assertThat(this.told).containsExactly("acquired wait=0",
				"transaction TransactionEnd[nanos=50, dbNanos=10, statements=1, committed=true, longestIdleNanos=40]",
				"transaction TransactionEnd[nanos=30, dbNanos=0, statements=0, committed=false, longestIdleNanos=30]");
	}

	@Test
	void aCommitInAutoCommitModeEndsNoTransaction() {
		Borrows borrows = this.connections.apply("ds");
		Borrows.Borrow borrow = borrows.acquired(borrows.requesting());
		borrow.autoCommit(true);
		statement(borrow, 10);
		this.clock.addAndGet(50);
		borrow.ended(true);
		borrow.autoCommit(true);
		assertThat(this.told).containsExactly("acquired wait=0");
	}

	@Test
	void aConnectionOutPastTheLeakThresholdIsToldOnceAndNoLongerOutOnceReturned() {
		Borrows borrows = this.connections.apply("ds");
		Borrows.Borrow borrow = borrows.acquired(borrows.requesting());
		this.clock.addAndGet(999);
		this.connections.watch();
		assertThat(this.told).containsExactly("acquired wait=0");
		this.clock.addAndGet(1);
		this.connections.watch();
		this.clock.addAndGet(5_000);
		this.connections.watch();
		assertThat(this.told).containsExactly("acquired wait=0", "still out 1000");
		assertThat(this.connections.open("ds")).hasSize(1);
		assertThat(this.connections.out("ds")).isOne();
		borrow.returned();
		assertThat(this.connections.open("ds")).isEmpty();
		assertThat(this.connections.out("ds")).isZero();
	}

	@Test
	void threadsAreWaitingFromTheRequestUntilThePoolAnswersEitherWay() {
		Borrows borrows = this.connections.apply("ds");
		long first = borrows.requesting();
		long second = borrows.requesting();
		assertThat(this.connections.waiting("ds")).isEqualTo(2);
		borrows.acquired(first);
		borrows.failed(second);
		assertThat(this.connections.waiting("ds")).isZero();
		assertThat(this.connections.waiting("other")).isZero();
	}

	@Test
	void aWaitNamesTheConnectionsOutSinceItBeganThoseReturnedMeanwhileIncluded() {
		Borrows borrows = this.connections.apply("ds");
		Borrows.Borrow holder = borrows.acquired(borrows.requesting());
		this.clock.addAndGet(5);
		Borrows.Borrow returnedBefore = borrows.acquired(borrows.requesting());
		returnedBefore.returned();
		long waitBegan = borrows.requesting();
		this.clock.addAndGet(20);
		// It hands its connection to the waiter.
		holder.returned();
		Borrows.Borrow waiter = borrows.acquired(waitBegan);
		assertThat(this.connections.outSince("ds", (ConnectionBorrow) waiter, waitBegan))
			.extracting(OpenConnection::heldNanos)
			.containsExactly(25L);
		assertThat(this.connections.outSince("other", (ConnectionBorrow) waiter, waitBegan)).isEmpty();
	}

	@Test
	void aHolderReturningWhileTheWaiterIsBeingToldIsStillAHolder() {
		Connections connections = new Connections(new UnitsOfWork(new InternalFailures()), new CallSites(List.of()),
				Duration.ZERO, new InternalFailures(), this.clock::get, false);
		Borrows borrows = connections.apply("ds");
		Borrows.Borrow first = borrows.acquired(borrows.requesting());
		Borrows.Borrow second = borrows.acquired(borrows.requesting());
		long waitBegan = borrows.requesting();
		this.clock.addAndGet(10);
		first.returned();
		List<OpenConnection> holders = new ArrayList<>();
		connections.listeners(List.of(new ConnectionListener() {

			@Override
			public void acquired(ConnectionBorrow borrow) {
				// The other holder goes back on its own thread before the waiter's
				// holders
				// are read.
				second.returned();
				holders.addAll(connections.outSince("ds", borrow, waitBegan));
			}

		}));
		borrows.acquired(waitBegan);
		assertThat(holders).hasSize(2);
		assertThat(connections.waiting("ds")).isZero();
	}

	@Test
	void aTransactionIsIdleWhenItHeldItsConnectionLongIdleHalfOfItAndIdleAtAStretch() {
		// A remote call of 300 between two statements, held 400 in all.
		assertThat(new TransactionEnd(400, 60, 2, true, 300).isIdle(200)).isTrue();
		// Shorter than the threshold.
		assertThat(new TransactionEnd(150, 10, 2, true, 140).isIdle(200)).isFalse();
		// Mostly statements.
		assertThat(new TransactionEnd(400, 300, 50, true, 100).isIdle(200)).isFalse();
		// Idle half of it in many small gaps: a loop of statements, not a call.
		assertThat(new TransactionEnd(400, 100, 50, true, 20).isIdle(200)).isFalse();
	}

	/** A statement that runs now, on the test's clock, for this long. */
	private void statement(Borrows.Borrow borrow, long nanos) {
		long start = this.clock.get();
		borrow.executed(start, this.clock.addAndGet(nanos));
	}

}
