package io.github.dbperf.capture;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * dbperf's {@link Connection}: a plain delegating class whose statements are dbperf's
 * ({@link LeanStatement}, {@link LeanPreparedStatement}, {@link LeanCallableStatement}).
 * Generated from {@code java.sql.Connection}.
 */
class LeanConnection implements Connection, ProxyJdbcObject {

	private final Connection target;

	private final ProxyConfig proxyConfig;

	private final StatementListener listener;

	/**
	 * This borrow's figures: statements add to it, transactions and close end parts of
	 * it.
	 */
	final Borrows.Borrow borrow;

	private boolean closed;

	LeanConnection(Connection target, ProxyConfig proxyConfig, StatementListener listener, Borrows.Borrow borrow) {
		this.target = target;
		this.proxyConfig = proxyConfig;
		this.listener = listener;
		this.borrow = borrow;
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

	@Override
	public Statement createStatement() throws SQLException {
		return new LeanStatement(this.target.createStatement(), null, this, this.proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement prepareStatement(String a0) throws SQLException {
		return new LeanPreparedStatement(this.target.prepareStatement(this.listener.outgoing(a0)), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public CallableStatement prepareCall(String a0) throws SQLException {
		return new LeanCallableStatement(this.target.prepareCall(this.listener.outgoing(a0)), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public String nativeSQL(String a0) throws SQLException {
		return this.target.nativeSQL(a0);
	}

	@Override
	public void setAutoCommit(boolean a0) throws SQLException {
		this.target.setAutoCommit(a0);
		this.borrow.autoCommit(a0);
	}

	@Override
	public boolean getAutoCommit() throws SQLException {
		return this.target.getAutoCommit();
	}

	@Override
	public void commit() throws SQLException {
		this.target.commit();
		this.borrow.ended(true);
	}

	@Override
	public void rollback() throws SQLException {
		this.target.rollback();
		this.borrow.ended(false);
	}

	@Override
	public void close() throws SQLException {
		// Told before the pool takes it back: a thread waiting for it then still waits,
		// so this borrow is known to have held the pool during that wait. Closing twice
		// is allowed and returns it once.
		if (!this.closed) {
			this.closed = true;
			this.borrow.returned();
		}
		this.target.close();
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.target.isClosed();
	}

	@Override
	public DatabaseMetaData getMetaData() throws SQLException {
		return this.target.getMetaData();
	}

	@Override
	public void setReadOnly(boolean a0) throws SQLException {
		this.target.setReadOnly(a0);
	}

	@Override
	public boolean isReadOnly() throws SQLException {
		return this.target.isReadOnly();
	}

	@Override
	public void setCatalog(String a0) throws SQLException {
		this.target.setCatalog(a0);
	}

	@Override
	public String getCatalog() throws SQLException {
		return this.target.getCatalog();
	}

	@Override
	public void setTransactionIsolation(int a0) throws SQLException {
		this.target.setTransactionIsolation(a0);
	}

	@Override
	public int getTransactionIsolation() throws SQLException {
		return this.target.getTransactionIsolation();
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
	public Statement createStatement(int a0, int a1) throws SQLException {
		return new LeanStatement(this.target.createStatement(a0, a1), null, this, this.proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
		return new LeanPreparedStatement(this.target.prepareStatement(this.listener.outgoing(a0), a1, a2), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
		return new LeanCallableStatement(this.target.prepareCall(this.listener.outgoing(a0), a1, a2), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public Map<String, Class<?>> getTypeMap() throws SQLException {
		return this.target.getTypeMap();
	}

	@Override
	public void setTypeMap(Map<String, Class<?>> a0) throws SQLException {
		this.target.setTypeMap(a0);
	}

	@Override
	public void setHoldability(int a0) throws SQLException {
		this.target.setHoldability(a0);
	}

	@Override
	public int getHoldability() throws SQLException {
		return this.target.getHoldability();
	}

	@Override
	public Savepoint setSavepoint() throws SQLException {
		return this.target.setSavepoint();
	}

	@Override
	public Savepoint setSavepoint(String a0) throws SQLException {
		return this.target.setSavepoint(a0);
	}

	@Override
	public void rollback(Savepoint a0) throws SQLException {
		this.target.rollback(a0);
	}

	@Override
	public void releaseSavepoint(Savepoint a0) throws SQLException {
		this.target.releaseSavepoint(a0);
	}

	@Override
	public Statement createStatement(int a0, int a1, int a2) throws SQLException {
		return new LeanStatement(this.target.createStatement(a0, a1, a2), null, this, this.proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
		return new LeanPreparedStatement(this.target.prepareStatement(this.listener.outgoing(a0), a1, a2, a3), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
		return new LeanCallableStatement(this.target.prepareCall(this.listener.outgoing(a0), a1, a2, a3), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
		return new LeanPreparedStatement(this.target.prepareStatement(this.listener.outgoing(a0), a1), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
		return new LeanPreparedStatement(this.target.prepareStatement(this.listener.outgoing(a0), a1), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
		return new LeanPreparedStatement(this.target.prepareStatement(this.listener.outgoing(a0), a1), a0, this,
				this.proxyConfig, this.listener);
	}

	@Override
	public Clob createClob() throws SQLException {
		return this.target.createClob();
	}

	@Override
	public Blob createBlob() throws SQLException {
		return this.target.createBlob();
	}

	@Override
	public NClob createNClob() throws SQLException {
		return this.target.createNClob();
	}

	@Override
	public SQLXML createSQLXML() throws SQLException {
		return this.target.createSQLXML();
	}

	@Override
	public boolean isValid(int a0) throws SQLException {
		return this.target.isValid(a0);
	}

	@Override
	public void setClientInfo(String a0, String a1) throws SQLClientInfoException {
		this.target.setClientInfo(a0, a1);
	}

	@Override
	public void setClientInfo(Properties a0) throws SQLClientInfoException {
		this.target.setClientInfo(a0);
	}

	@Override
	public String getClientInfo(String a0) throws SQLException {
		return this.target.getClientInfo(a0);
	}

	@Override
	public Properties getClientInfo() throws SQLException {
		return this.target.getClientInfo();
	}

	@Override
	public Array createArrayOf(String a0, Object[] a1) throws SQLException {
		return this.target.createArrayOf(a0, a1);
	}

	@Override
	public Struct createStruct(String a0, Object[] a1) throws SQLException {
		return this.target.createStruct(a0, a1);
	}

	@Override
	public void setSchema(String a0) throws SQLException {
		this.target.setSchema(a0);
	}

	@Override
	public String getSchema() throws SQLException {
		return this.target.getSchema();
	}

	@Override
	public void abort(Executor a0) throws SQLException {
		this.target.abort(a0);
	}

	@Override
	public void setNetworkTimeout(Executor a0, int a1) throws SQLException {
		this.target.setNetworkTimeout(a0, a1);
	}

	@Override
	public int getNetworkTimeout() throws SQLException {
		return this.target.getNetworkTimeout();
	}

	@Override
	public void beginRequest() throws SQLException {
		this.target.beginRequest();
	}

	@Override
	public void endRequest() throws SQLException {
		this.target.endRequest();
	}

	@Override
	public boolean setShardingKeyIfValid(ShardingKey a0, ShardingKey a1, int a2) throws SQLException {
		return this.target.setShardingKeyIfValid(a0, a1, a2);
	}

	@Override
	public boolean setShardingKeyIfValid(ShardingKey a0, int a1) throws SQLException {
		return this.target.setShardingKeyIfValid(a0, a1);
	}

	@Override
	public void setShardingKey(ShardingKey a0, ShardingKey a1) throws SQLException {
		this.target.setShardingKey(a0, a1);
	}

	@Override
	public void setShardingKey(ShardingKey a0) throws SQLException {
		this.target.setShardingKey(a0);
	}

}
