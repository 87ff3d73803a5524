package io.github.dbperf.capture;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * dbperf's {@link Statement}: a plain delegating class (no reflection, no argument
 * arrays) that times each {@code execute*} call, hands it to the
 * {@link StatementListener} after it completed, and counts the rows read from the result
 * sets it returns. Generated from {@code java.sql.Statement}; the execute, batch and
 * result-set methods are dbperf's own.
 */
@SuppressWarnings("deprecation")
class LeanStatement implements Statement, ProxyJdbcObject {

	final Statement target;

	final String sql;

	final StatementListener listener;

	private final Connection connection;

	private final ProxyConfig proxyConfig;

	/** The borrow of the connection it runs on: its statements' time. */
	private final Borrows.Borrow borrow;

	Object[] parameters;

	int parameterCount;

	private int batchSize;

	private List<String> batchSql;

	/** The event of the last execution, while its result set may still be asked for. */
	private StatementEvent lastEvent;

	private CountingResultSet openResultSet;

	LeanStatement(Statement target, String sql, Connection connection, ProxyConfig proxyConfig,
			StatementListener listener) {
		this.target = target;
		this.sql = sql;
		this.connection = connection;
		this.proxyConfig = proxyConfig;
		this.listener = listener;
		this.borrow = (connection instanceof LeanConnection lean) ? lean.borrow : Borrows.Borrow.NONE;
	}

	@Override
	public Object getTarget() {
		return this.target;
	}

	@Override
	public ProxyConfig getProxyConfig() {
		return this.proxyConfig;
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.target.isWrapperFor(type);
	}

	/**
	 * An execution ended.
	 * @param startNanos {@code System.nanoTime()} when it began; the end is read here,
	 * once
	 */
	final void executed(String sql, long startNanos, boolean success, Object result) {
		long endNanos = System.nanoTime();
		this.borrow.executed(startNanos, endNanos);
		reportRows();
		this.lastEvent = this.listener.executed(this.target, sql, endNanos - startNanos, endNanos, success, 0, result,
				this.parameters, this.parameterCount);
	}

	final ResultSet countRows(ResultSet resultSet) {
		if (resultSet == null || this.lastEvent == null) {
			return resultSet;
		}
		reportRows();
		this.openResultSet = new CountingResultSet(resultSet, this, this.listener, this.lastEvent);
		this.lastEvent = null;
		return this.openResultSet;
	}

	final void reportRows() {
		CountingResultSet open = this.openResultSet;
		if (open != null) {
			this.openResultSet = null;
			open.report();
		}
	}

	final void bind(int index, Object value) {
		if (this.parameters == null) {
			this.parameters = new Object[Math.max(8, index)];
		}
		else if (index > this.parameters.length) {
			this.parameters = Arrays.copyOf(this.parameters, Math.max(index, this.parameters.length * 2));
		}
		if (index > 0) {
			this.parameters[index - 1] = value;
			this.parameterCount = Math.max(this.parameterCount, index);
		}
	}

	@Override
	public void addBatch(String sql) throws SQLException {
		this.target.addBatch(this.listener.outgoing(sql));
		if (this.batchSql == null) {
			this.batchSql = new ArrayList<>();
		}
		this.batchSql.add(sql);
		this.batchSize++;
	}

	final void batchAdded() {
		this.batchSize++;
	}

	@Override
	public void clearBatch() throws SQLException {
		this.target.clearBatch();
		this.batchSize = 0;
		this.batchSql = null;
	}

	@Override
	public int[] executeBatch() throws SQLException {
		int size = this.batchSize;
		List<String> statements = this.batchSql;
		this.batchSize = 0;
		this.batchSql = null;
		long start = System.nanoTime();
		try {
			int[] result = this.target.executeBatch();
			batchExecuted(statements, size, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			batchExecuted(statements, size, start, false, null);
			throw ex;
		}
	}

	@Override
	public long[] executeLargeBatch() throws SQLException {
		int size = this.batchSize;
		List<String> statements = this.batchSql;
		this.batchSize = 0;
		this.batchSql = null;
		long start = System.nanoTime();
		try {
			long[] result = this.target.executeLargeBatch();
			batchExecuted(statements, size, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			batchExecuted(statements, size, start, false, null);
			throw ex;
		}
	}

	private void batchExecuted(List<String> statements, int size, long startNanos, boolean success, Object result) {
		long endNanos = System.nanoTime();
		long elapsedNanos = endNanos - startNanos;
		this.borrow.executed(startNanos, endNanos);
		reportRows();
		if (statements == null) {
			this.lastEvent = this.listener.executed(this.target, this.sql, elapsedNanos, endNanos, success, size,
					result, this.parameters, this.parameterCount);
		}
		else {
			this.listener.executedBatch(this.target, statements, elapsedNanos, endNanos, success, result);
		}
	}

	@Override
	public ResultSet getResultSet() throws SQLException {
		return countRows(this.target.getResultSet());
	}

	@Override
	public Connection getConnection() throws SQLException {
		return this.connection;
	}

	@Override
	public void close() throws SQLException {
		reportRows();
		this.target.close();
	}

	@Override
	public ResultSet executeQuery(String a0) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			ResultSet result = this.target.executeQuery(this.listener.outgoing(a0));
			executed(sql, start, true, result);
			return countRows(result);
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int executeUpdate(String a0) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			int result = this.target.executeUpdate(this.listener.outgoing(a0));
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int getMaxFieldSize() throws SQLException {
		return this.target.getMaxFieldSize();
	}

	@Override
	public void setMaxFieldSize(int a0) throws SQLException {
		this.target.setMaxFieldSize(a0);
	}

	@Override
	public int getMaxRows() throws SQLException {
		return this.target.getMaxRows();
	}

	@Override
	public void setMaxRows(int a0) throws SQLException {
		this.target.setMaxRows(a0);
	}

	@Override
	public void setEscapeProcessing(boolean a0) throws SQLException {
		this.target.setEscapeProcessing(a0);
	}

	@Override
	public int getQueryTimeout() throws SQLException {
		return this.target.getQueryTimeout();
	}

	@Override
	public void setQueryTimeout(int a0) throws SQLException {
		this.target.setQueryTimeout(a0);
	}

	@Override
	public void cancel() throws SQLException {
		this.target.cancel();
	}

	@Override
	public SQLWarning getWarnings() throws SQLException {
		return this.target.getWarnings();
	}

	@Override
	public void clearWarnings() throws SQLException {
		this.target.clearWarnings();
	}

	@Override
	public void setCursorName(String a0) throws SQLException {
		this.target.setCursorName(a0);
	}

	@Override
	public boolean execute(String a0) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			boolean result = this.target.execute(this.listener.outgoing(a0));
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int getUpdateCount() throws SQLException {
		return this.target.getUpdateCount();
	}

	@Override
	public boolean getMoreResults() throws SQLException {
		return this.target.getMoreResults();
	}

	@Override
	public void setFetchDirection(int a0) throws SQLException {
		this.target.setFetchDirection(a0);
	}

	@Override
	public int getFetchDirection() throws SQLException {
		return this.target.getFetchDirection();
	}

	@Override
	public void setFetchSize(int a0) throws SQLException {
		this.target.setFetchSize(a0);
	}

	@Override
	public int getFetchSize() throws SQLException {
		return this.target.getFetchSize();
	}

	@Override
	public int getResultSetConcurrency() throws SQLException {
		return this.target.getResultSetConcurrency();
	}

	@Override
	public int getResultSetType() throws SQLException {
		return this.target.getResultSetType();
	}

	@Override
	public boolean getMoreResults(int a0) throws SQLException {
		return this.target.getMoreResults(a0);
	}

	@Override
	public ResultSet getGeneratedKeys() throws SQLException {
		return this.target.getGeneratedKeys();
	}

	@Override
	public int executeUpdate(String a0, int a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			int result = this.target.executeUpdate(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int executeUpdate(String a0, int[] a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			int result = this.target.executeUpdate(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int executeUpdate(String a0, String[] a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			int result = this.target.executeUpdate(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public boolean execute(String a0, int a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			boolean result = this.target.execute(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public boolean execute(String a0, int[] a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			boolean result = this.target.execute(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public boolean execute(String a0, String[] a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			boolean result = this.target.execute(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int getResultSetHoldability() throws SQLException {
		return this.target.getResultSetHoldability();
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.target.isClosed();
	}

	@Override
	public void setPoolable(boolean a0) throws SQLException {
		this.target.setPoolable(a0);
	}

	@Override
	public boolean isPoolable() throws SQLException {
		return this.target.isPoolable();
	}

	@Override
	public void closeOnCompletion() throws SQLException {
		this.target.closeOnCompletion();
	}

	@Override
	public boolean isCloseOnCompletion() throws SQLException {
		return this.target.isCloseOnCompletion();
	}

	@Override
	public long getLargeUpdateCount() throws SQLException {
		return this.target.getLargeUpdateCount();
	}

	@Override
	public void setLargeMaxRows(long a0) throws SQLException {
		this.target.setLargeMaxRows(a0);
	}

	@Override
	public long getLargeMaxRows() throws SQLException {
		return this.target.getLargeMaxRows();
	}

	@Override
	public long executeLargeUpdate(String a0) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			long result = this.target.executeLargeUpdate(this.listener.outgoing(a0));
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public long executeLargeUpdate(String a0, int a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			long result = this.target.executeLargeUpdate(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public long executeLargeUpdate(String a0, int[] a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			long result = this.target.executeLargeUpdate(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public long executeLargeUpdate(String a0, String[] a1) throws SQLException {
		String sql = a0;
		long start = System.nanoTime();
		try {
			long result = this.target.executeLargeUpdate(this.listener.outgoing(a0), a1);
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public String enquoteLiteral(String a0) throws SQLException {
		return this.target.enquoteLiteral(a0);
	}

	@Override
	public String enquoteIdentifier(String a0, boolean a1) throws SQLException {
		return this.target.enquoteIdentifier(a0, a1);
	}

	@Override
	public boolean isSimpleIdentifier(String a0) throws SQLException {
		return this.target.isSimpleIdentifier(a0);
	}

	@Override
	public String enquoteNCharLiteral(String a0) throws SQLException {
		return this.target.enquoteNCharLiteral(a0);
	}

}
