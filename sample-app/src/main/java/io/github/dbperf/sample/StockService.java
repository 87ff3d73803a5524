package io.github.dbperf.sample;

import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves a copy of a book with a stock service elsewhere, two ways: the costly way
 * calls the remote service inside its transaction, holding a pooled connection idle for
 * the call ({@code IDLE_IN_TRANSACTION}; under load, {@code POOL_WAIT} for everyone
 * else); its fixed twin calls it first and then reads in a short transaction.
 */
@Service
public class StockService {

	/** How long the "remote stock service" takes: longer than dbperf's hold threshold. */
	static final Duration REMOTE_CALL = Duration.ofMillis(600);

	private final BookRepository books;

	StockService(BookRepository books) {
		this.books = books;
	}

	/**
	 * The costly way: the transaction begins, reads the book, then waits for the remote
	 * service while it holds its connection.
	 * @param bookId the book
	 * @return the title reserved, or {@code null} when there is no such book
	 */
	@Transactional(readOnly = true)
	public String reserve(long bookId) {
		String title = this.books.findById(bookId).map(Book::getTitle).orElse(null);
		askStockService(bookId);
		return title;
	}

	/**
	 * The fix: the remote call first, outside any transaction; then a read that holds a
	 * connection for as long as it runs.
	 * @param bookId the book
	 * @return the title reserved, or {@code null} when there is no such book
	 */
	public String reserveOutsideTransaction(long bookId) {
		askStockService(bookId);
		return this.books.findById(bookId).map(Book::getTitle).orElse(null);
	}

	/** Stands for a call to another service over the network. */
	private static void askStockService(long bookId) {
		try {
			Thread.sleep(REMOTE_CALL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
