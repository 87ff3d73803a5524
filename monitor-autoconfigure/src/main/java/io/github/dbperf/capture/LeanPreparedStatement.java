package io.github.dbperf.capture;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

import net.ttddyy.dsproxy.proxy.ProxyConfig;

/**
 * dbperf's {@link PreparedStatement}: {@link LeanStatement} plus the bound values, kept
 * in one array for the N+1 detector's hash and plan capture. Generated from
 * {@code java.sql.PreparedStatement}.
 */
@SuppressWarnings("deprecation")
class LeanPreparedStatement extends LeanStatement implements PreparedStatement {

	private final PreparedStatement prepared;

	LeanPreparedStatement(PreparedStatement target, String sql, Connection connection, ProxyConfig proxyConfig,
			StatementListener listener) {
		super(target, sql, connection, proxyConfig, listener);
		this.prepared = target;
	}

	@Override
	public ResultSet executeQuery() throws SQLException {
		String sql = this.sql;
		long start = System.nanoTime();
		try {
			ResultSet result = this.prepared.executeQuery();
			executed(sql, start, true, result);
			return countRows(result);
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public int executeUpdate() throws SQLException {
		String sql = this.sql;
		long start = System.nanoTime();
		try {
			int result = this.prepared.executeUpdate();
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public void setNull(int a0, int a1) throws SQLException {
		bind(a0, null);
		this.prepared.setNull(a0, a1);
	}

	@Override
	public void setBoolean(int a0, boolean a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setBoolean(a0, a1);
	}

	@Override
	public void setByte(int a0, byte a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setByte(a0, a1);
	}

	@Override
	public void setShort(int a0, short a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setShort(a0, a1);
	}

	@Override
	public void setInt(int a0, int a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setInt(a0, a1);
	}

	@Override
	public void setLong(int a0, long a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setLong(a0, a1);
	}

	@Override
	public void setFloat(int a0, float a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setFloat(a0, a1);
	}

	@Override
	public void setDouble(int a0, double a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setDouble(a0, a1);
	}

	@Override
	public void setBigDecimal(int a0, BigDecimal a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setBigDecimal(a0, a1);
	}

	@Override
	public void setString(int a0, String a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setString(a0, a1);
	}

	@Override
	public void setBytes(int a0, byte[] a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setBytes(a0, a1);
	}

	@Override
	public void setDate(int a0, Date a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setDate(a0, a1);
	}

	@Override
	public void setTime(int a0, Time a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setTime(a0, a1);
	}

	@Override
	public void setTimestamp(int a0, Timestamp a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setTimestamp(a0, a1);
	}

	@Override
	public void setAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setAsciiStream(a0, a1, a2);
	}

	@Override
	@Deprecated
	public void setUnicodeStream(int a0, InputStream a1, int a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setUnicodeStream(a0, a1, a2);
	}

	@Override
	public void setBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setBinaryStream(a0, a1, a2);
	}

	@Override
	public void clearParameters() throws SQLException {
		this.prepared.clearParameters();
		this.parameterCount = 0;
	}

	@Override
	public void setObject(int a0, Object a1, int a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setObject(a0, a1, a2);
	}

	@Override
	public void setObject(int a0, Object a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setObject(a0, a1);
	}

	@Override
	public boolean execute() throws SQLException {
		String sql = this.sql;
		long start = System.nanoTime();
		try {
			boolean result = this.prepared.execute();
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

	@Override
	public void addBatch() throws SQLException {
		this.prepared.addBatch();
		batchAdded();
	}

	@Override
	public void setCharacterStream(int a0, Reader a1, int a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setCharacterStream(a0, a1, a2);
	}

	@Override
	public void setRef(int a0, Ref a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setRef(a0, a1);
	}

	@Override
	public void setBlob(int a0, Blob a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setBlob(a0, a1);
	}

	@Override
	public void setClob(int a0, Clob a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setClob(a0, a1);
	}

	@Override
	public void setArray(int a0, Array a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setArray(a0, a1);
	}

	@Override
	public ResultSetMetaData getMetaData() throws SQLException {
		return this.prepared.getMetaData();
	}

	@Override
	public void setDate(int a0, Date a1, Calendar a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setDate(a0, a1, a2);
	}

	@Override
	public void setTime(int a0, Time a1, Calendar a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setTime(a0, a1, a2);
	}

	@Override
	public void setTimestamp(int a0, Timestamp a1, Calendar a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setTimestamp(a0, a1, a2);
	}

	@Override
	public void setNull(int a0, int a1, String a2) throws SQLException {
		bind(a0, null);
		this.prepared.setNull(a0, a1, a2);
	}

	@Override
	public void setURL(int a0, URL a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setURL(a0, a1);
	}

	@Override
	public ParameterMetaData getParameterMetaData() throws SQLException {
		return this.prepared.getParameterMetaData();
	}

	@Override
	public void setRowId(int a0, RowId a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setRowId(a0, a1);
	}

	@Override
	public void setNString(int a0, String a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setNString(a0, a1);
	}

	@Override
	public void setNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setNCharacterStream(a0, a1, a2);
	}

	@Override
	public void setNClob(int a0, NClob a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setNClob(a0, a1);
	}

	@Override
	public void setClob(int a0, Reader a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setClob(a0, a1, a2);
	}

	@Override
	public void setBlob(int a0, InputStream a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setBlob(a0, a1, a2);
	}

	@Override
	public void setNClob(int a0, Reader a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setNClob(a0, a1, a2);
	}

	@Override
	public void setSQLXML(int a0, SQLXML a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setSQLXML(a0, a1);
	}

	@Override
	public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
		bind(a0, a1);
		this.prepared.setObject(a0, a1, a2, a3);
	}

	@Override
	public void setAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setAsciiStream(a0, a1, a2);
	}

	@Override
	public void setBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setBinaryStream(a0, a1, a2);
	}

	@Override
	public void setCharacterStream(int a0, Reader a1, long a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setCharacterStream(a0, a1, a2);
	}

	@Override
	public void setAsciiStream(int a0, InputStream a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setAsciiStream(a0, a1);
	}

	@Override
	public void setBinaryStream(int a0, InputStream a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setBinaryStream(a0, a1);
	}

	@Override
	public void setCharacterStream(int a0, Reader a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setCharacterStream(a0, a1);
	}

	@Override
	public void setNCharacterStream(int a0, Reader a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setNCharacterStream(a0, a1);
	}

	@Override
	public void setClob(int a0, Reader a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setClob(a0, a1);
	}

	@Override
	public void setBlob(int a0, InputStream a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setBlob(a0, a1);
	}

	@Override
	public void setNClob(int a0, Reader a1) throws SQLException {
		bind(a0, a1);
		this.prepared.setNClob(a0, a1);
	}

	@Override
	public void setObject(int a0, Object a1, SQLType a2, int a3) throws SQLException {
		bind(a0, a1);
		this.prepared.setObject(a0, a1, a2, a3);
	}

	@Override
	public void setObject(int a0, Object a1, SQLType a2) throws SQLException {
		bind(a0, a1);
		this.prepared.setObject(a0, a1, a2);
	}

	@Override
	public long executeLargeUpdate() throws SQLException {
		String sql = this.sql;
		long start = System.nanoTime();
		try {
			long result = this.prepared.executeLargeUpdate();
			executed(sql, start, true, result);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			executed(sql, start, false, null);
			throw ex;
		}
	}

}
