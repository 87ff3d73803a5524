package io.github.dbperf.capture;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A {@link ResultSet} that counts the rows the application reads and reports them once,
 * when the rows run out or the result set is closed: a plain delegating class (no
 * reflection, no allocation per row or per column read).
 */
@SuppressWarnings("deprecation")
final class CountingResultSet implements ResultSet {

	private final ResultSet target;

	private final Statement statement;

	private final StatementListener listener;

	private final StatementEvent event;

	private long rows;

	private boolean reported;

	CountingResultSet(ResultSet target, Statement statement, StatementListener listener, StatementEvent event) {
		this.target = target;
		this.statement = statement;
		this.listener = listener;
		this.event = event;
	}

	/**
	 * Report the rows read so far, once (the statement that owns this result set is
	 * closing or running again).
	 */
	void report() {
		if (!this.reported) {
			this.reported = true;
			this.listener.rowsRead(this.event, this.rows);
		}
	}

	@Override
	public boolean next() throws SQLException {
		boolean next = this.target.next();
		if (next) {
			this.rows++;
		}
		else {
			report();
		}
		return next;
	}

	@Override
	public void close() throws SQLException {
		try {
			this.target.close();
		}
		finally {
			report();
		}
	}

	@Override
	public Statement getStatement() throws SQLException {
		return this.statement;
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this.target) ? type.cast(this.target) : this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this.target) || this.target.isWrapperFor(type);
	}

	@Override
	public boolean wasNull() throws SQLException {
		return this.target.wasNull();
	}

	@Override
	public String getString(int a0) throws SQLException {
		return this.target.getString(a0);
	}

	@Override
	public boolean getBoolean(int a0) throws SQLException {
		return this.target.getBoolean(a0);
	}

	@Override
	public byte getByte(int a0) throws SQLException {
		return this.target.getByte(a0);
	}

	@Override
	public short getShort(int a0) throws SQLException {
		return this.target.getShort(a0);
	}

	@Override
	public int getInt(int a0) throws SQLException {
		return this.target.getInt(a0);
	}

	@Override
	public long getLong(int a0) throws SQLException {
		return this.target.getLong(a0);
	}

	@Override
	public float getFloat(int a0) throws SQLException {
		return this.target.getFloat(a0);
	}

	@Override
	public double getDouble(int a0) throws SQLException {
		return this.target.getDouble(a0);
	}

	@Override
	@Deprecated
	public BigDecimal getBigDecimal(int a0, int a1) throws SQLException {
		return this.target.getBigDecimal(a0, a1);
	}

	@Override
	public byte[] getBytes(int a0) throws SQLException {
		return this.target.getBytes(a0);
	}

	@Override
	public Date getDate(int a0) throws SQLException {
		return this.target.getDate(a0);
	}

	@Override
	public Time getTime(int a0) throws SQLException {
		return this.target.getTime(a0);
	}

	@Override
	public Timestamp getTimestamp(int a0) throws SQLException {
		return this.target.getTimestamp(a0);
	}

	@Override
	public InputStream getAsciiStream(int a0) throws SQLException {
		return this.target.getAsciiStream(a0);
	}

	@Override
	@Deprecated
	public InputStream getUnicodeStream(int a0) throws SQLException {
		return this.target.getUnicodeStream(a0);
	}

	@Override
	public InputStream getBinaryStream(int a0) throws SQLException {
		return this.target.getBinaryStream(a0);
	}

	@Override
	public String getString(String a0) throws SQLException {
		return this.target.getString(a0);
	}

	@Override
	public boolean getBoolean(String a0) throws SQLException {
		return this.target.getBoolean(a0);
	}

	@Override
	public byte getByte(String a0) throws SQLException {
		return this.target.getByte(a0);
	}

	@Override
	public short getShort(String a0) throws SQLException {
		return this.target.getShort(a0);
	}

	@Override
	public int getInt(String a0) throws SQLException {
		return this.target.getInt(a0);
	}

	@Override
	public long getLong(String a0) throws SQLException {
		return this.target.getLong(a0);
	}

	@Override
	public float getFloat(String a0) throws SQLException {
		return this.target.getFloat(a0);
	}

	@Override
	public double getDouble(String a0) throws SQLException {
		return this.target.getDouble(a0);
	}

	@Override
	@Deprecated
	public BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
		return this.target.getBigDecimal(a0, a1);
	}

	@Override
	public byte[] getBytes(String a0) throws SQLException {
		return this.target.getBytes(a0);
	}

	@Override
	public Date getDate(String a0) throws SQLException {
		return this.target.getDate(a0);
	}

	@Override
	public Time getTime(String a0) throws SQLException {
		return this.target.getTime(a0);
	}

	@Override
	public Timestamp getTimestamp(String a0) throws SQLException {
		return this.target.getTimestamp(a0);
	}

	@Override
	public InputStream getAsciiStream(String a0) throws SQLException {
		return this.target.getAsciiStream(a0);
	}

	@Override
	@Deprecated
	public InputStream getUnicodeStream(String a0) throws SQLException {
		return this.target.getUnicodeStream(a0);
	}

	@Override
	public InputStream getBinaryStream(String a0) throws SQLException {
		return this.target.getBinaryStream(a0);
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
	public String getCursorName() throws SQLException {
		return this.target.getCursorName();
	}

	@Override
	public ResultSetMetaData getMetaData() throws SQLException {
		return this.target.getMetaData();
	}

	@Override
	public Object getObject(int a0) throws SQLException {
		return this.target.getObject(a0);
	}

	@Override
	public Object getObject(String a0) throws SQLException {
		return this.target.getObject(a0);
	}

	@Override
	public int findColumn(String a0) throws SQLException {
		return this.target.findColumn(a0);
	}

	@Override
	public Reader getCharacterStream(int a0) throws SQLException {
		return this.target.getCharacterStream(a0);
	}

	@Override
	public Reader getCharacterStream(String a0) throws SQLException {
		return this.target.getCharacterStream(a0);
	}

	@Override
	public BigDecimal getBigDecimal(int a0) throws SQLException {
		return this.target.getBigDecimal(a0);
	}

	@Override
	public BigDecimal getBigDecimal(String a0) throws SQLException {
		return this.target.getBigDecimal(a0);
	}

	@Override
	public boolean isBeforeFirst() throws SQLException {
		return this.target.isBeforeFirst();
	}

	@Override
	public boolean isAfterLast() throws SQLException {
		return this.target.isAfterLast();
	}

	@Override
	public boolean isFirst() throws SQLException {
		return this.target.isFirst();
	}

	@Override
	public boolean isLast() throws SQLException {
		return this.target.isLast();
	}

	@Override
	public void beforeFirst() throws SQLException {
		this.target.beforeFirst();
	}

	@Override
	public void afterLast() throws SQLException {
		this.target.afterLast();
	}

	@Override
	public boolean first() throws SQLException {
		return this.target.first();
	}

	@Override
	public boolean last() throws SQLException {
		return this.target.last();
	}

	@Override
	public int getRow() throws SQLException {
		return this.target.getRow();
	}

	@Override
	public boolean absolute(int a0) throws SQLException {
		return this.target.absolute(a0);
	}

	@Override
	public boolean relative(int a0) throws SQLException {
		return this.target.relative(a0);
	}

	@Override
	public boolean previous() throws SQLException {
		return this.target.previous();
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
	public int getType() throws SQLException {
		return this.target.getType();
	}

	@Override
	public int getConcurrency() throws SQLException {
		return this.target.getConcurrency();
	}

	@Override
	public boolean rowUpdated() throws SQLException {
		return this.target.rowUpdated();
	}

	@Override
	public boolean rowInserted() throws SQLException {
		return this.target.rowInserted();
	}

	@Override
	public boolean rowDeleted() throws SQLException {
		return this.target.rowDeleted();
	}

	@Override
	public void updateNull(int a0) throws SQLException {
		this.target.updateNull(a0);
	}

	@Override
	public void updateBoolean(int a0, boolean a1) throws SQLException {
		this.target.updateBoolean(a0, a1);
	}

	@Override
	public void updateByte(int a0, byte a1) throws SQLException {
		this.target.updateByte(a0, a1);
	}

	@Override
	public void updateShort(int a0, short a1) throws SQLException {
		this.target.updateShort(a0, a1);
	}

	@Override
	public void updateInt(int a0, int a1) throws SQLException {
		this.target.updateInt(a0, a1);
	}

	@Override
	public void updateLong(int a0, long a1) throws SQLException {
		this.target.updateLong(a0, a1);
	}

	@Override
	public void updateFloat(int a0, float a1) throws SQLException {
		this.target.updateFloat(a0, a1);
	}

	@Override
	public void updateDouble(int a0, double a1) throws SQLException {
		this.target.updateDouble(a0, a1);
	}

	@Override
	public void updateBigDecimal(int a0, BigDecimal a1) throws SQLException {
		this.target.updateBigDecimal(a0, a1);
	}

	@Override
	public void updateString(int a0, String a1) throws SQLException {
		this.target.updateString(a0, a1);
	}

	@Override
	public void updateBytes(int a0, byte[] a1) throws SQLException {
		this.target.updateBytes(a0, a1);
	}

	@Override
	public void updateDate(int a0, Date a1) throws SQLException {
		this.target.updateDate(a0, a1);
	}

	@Override
	public void updateTime(int a0, Time a1) throws SQLException {
		this.target.updateTime(a0, a1);
	}

	@Override
	public void updateTimestamp(int a0, Timestamp a1) throws SQLException {
		this.target.updateTimestamp(a0, a1);
	}

	@Override
	public void updateAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
		this.target.updateAsciiStream(a0, a1, a2);
	}

	@Override
	public void updateBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
		this.target.updateBinaryStream(a0, a1, a2);
	}

	@Override
	public void updateCharacterStream(int a0, Reader a1, int a2) throws SQLException {
		this.target.updateCharacterStream(a0, a1, a2);
	}

	@Override
	public void updateObject(int a0, Object a1, int a2) throws SQLException {
		this.target.updateObject(a0, a1, a2);
	}

	@Override
	public void updateObject(int a0, Object a1) throws SQLException {
		this.target.updateObject(a0, a1);
	}

	@Override
	public void updateNull(String a0) throws SQLException {
		this.target.updateNull(a0);
	}

	@Override
	public void updateBoolean(String a0, boolean a1) throws SQLException {
		this.target.updateBoolean(a0, a1);
	}

	@Override
	public void updateByte(String a0, byte a1) throws SQLException {
		this.target.updateByte(a0, a1);
	}

	@Override
	public void updateShort(String a0, short a1) throws SQLException {
		this.target.updateShort(a0, a1);
	}

	@Override
	public void updateInt(String a0, int a1) throws SQLException {
		this.target.updateInt(a0, a1);
	}

	@Override
	public void updateLong(String a0, long a1) throws SQLException {
		this.target.updateLong(a0, a1);
	}

	@Override
	public void updateFloat(String a0, float a1) throws SQLException {
		this.target.updateFloat(a0, a1);
	}

	@Override
	public void updateDouble(String a0, double a1) throws SQLException {
		this.target.updateDouble(a0, a1);
	}

	@Override
	public void updateBigDecimal(String a0, BigDecimal a1) throws SQLException {
		this.target.updateBigDecimal(a0, a1);
	}

	@Override
	public void updateString(String a0, String a1) throws SQLException {
		this.target.updateString(a0, a1);
	}

	@Override
	public void updateBytes(String a0, byte[] a1) throws SQLException {
		this.target.updateBytes(a0, a1);
	}

	@Override
	public void updateDate(String a0, Date a1) throws SQLException {
		this.target.updateDate(a0, a1);
	}

	@Override
	public void updateTime(String a0, Time a1) throws SQLException {
		this.target.updateTime(a0, a1);
	}

	@Override
	public void updateTimestamp(String a0, Timestamp a1) throws SQLException {
		this.target.updateTimestamp(a0, a1);
	}

	@Override
	public void updateAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
		this.target.updateAsciiStream(a0, a1, a2);
	}

	@Override
	public void updateBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
		this.target.updateBinaryStream(a0, a1, a2);
	}

	@Override
	public void updateCharacterStream(String a0, Reader a1, int a2) throws SQLException {
		this.target.updateCharacterStream(a0, a1, a2);
	}

	@Override
	public void updateObject(String a0, Object a1, int a2) throws SQLException {
		this.target.updateObject(a0, a1, a2);
	}

	@Override
	public void updateObject(String a0, Object a1) throws SQLException {
		this.target.updateObject(a0, a1);
	}

	@Override
	public void insertRow() throws SQLException {
		this.target.insertRow();
	}

	@Override
	public void updateRow() throws SQLException {
		this.target.updateRow();
	}

	@Override
	public void deleteRow() throws SQLException {
		this.target.deleteRow();
	}

	@Override
	public void refreshRow() throws SQLException {
		this.target.refreshRow();
	}

	@Override
	public void cancelRowUpdates() throws SQLException {
		this.target.cancelRowUpdates();
	}

	@Override
	public void moveToInsertRow() throws SQLException {
		this.target.moveToInsertRow();
	}

	@Override
	public void moveToCurrentRow() throws SQLException {
		this.target.moveToCurrentRow();
	}

	@Override
	public Object getObject(int a0, Map<String, Class<?>> a1) throws SQLException {
		return this.target.getObject(a0, a1);
	}

	@Override
	public Ref getRef(int a0) throws SQLException {
		return this.target.getRef(a0);
	}

	@Override
	public Blob getBlob(int a0) throws SQLException {
		return this.target.getBlob(a0);
	}

	@Override
	public Clob getClob(int a0) throws SQLException {
		return this.target.getClob(a0);
	}

	@Override
	public Array getArray(int a0) throws SQLException {
		return this.target.getArray(a0);
	}

	@Override
	public Object getObject(String a0, Map<String, Class<?>> a1) throws SQLException {
		return this.target.getObject(a0, a1);
	}

	@Override
	public Ref getRef(String a0) throws SQLException {
		return this.target.getRef(a0);
	}

	@Override
	public Blob getBlob(String a0) throws SQLException {
		return this.target.getBlob(a0);
	}

	@Override
	public Clob getClob(String a0) throws SQLException {
		return this.target.getClob(a0);
	}

	@Override
	public Array getArray(String a0) throws SQLException {
		return this.target.getArray(a0);
	}

	@Override
	public Date getDate(int a0, Calendar a1) throws SQLException {
		return this.target.getDate(a0, a1);
	}

	@Override
	public Date getDate(String a0, Calendar a1) throws SQLException {
		return this.target.getDate(a0, a1);
	}

	@Override
	public Time getTime(int a0, Calendar a1) throws SQLException {
		return this.target.getTime(a0, a1);
	}

	@Override
	public Time getTime(String a0, Calendar a1) throws SQLException {
		return this.target.getTime(a0, a1);
	}

	@Override
	public Timestamp getTimestamp(int a0, Calendar a1) throws SQLException {
		return this.target.getTimestamp(a0, a1);
	}

	@Override
	public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException {
		return this.target.getTimestamp(a0, a1);
	}

	@Override
	public URL getURL(int a0) throws SQLException {
		return this.target.getURL(a0);
	}

	@Override
	public URL getURL(String a0) throws SQLException {
		return this.target.getURL(a0);
	}

	@Override
	public void updateRef(int a0, Ref a1) throws SQLException {
		this.target.updateRef(a0, a1);
	}

	@Override
	public void updateRef(String a0, Ref a1) throws SQLException {
		this.target.updateRef(a0, a1);
	}

	@Override
	public void updateBlob(int a0, Blob a1) throws SQLException {
		this.target.updateBlob(a0, a1);
	}

	@Override
	public void updateBlob(String a0, Blob a1) throws SQLException {
		this.target.updateBlob(a0, a1);
	}

	@Override
	public void updateClob(int a0, Clob a1) throws SQLException {
		this.target.updateClob(a0, a1);
	}

	@Override
	public void updateClob(String a0, Clob a1) throws SQLException {
		this.target.updateClob(a0, a1);
	}

	@Override
	public void updateArray(int a0, Array a1) throws SQLException {
		this.target.updateArray(a0, a1);
	}

	@Override
	public void updateArray(String a0, Array a1) throws SQLException {
		this.target.updateArray(a0, a1);
	}

	@Override
	public RowId getRowId(int a0) throws SQLException {
		return this.target.getRowId(a0);
	}

	@Override
	public RowId getRowId(String a0) throws SQLException {
		return this.target.getRowId(a0);
	}

	@Override
	public void updateRowId(int a0, RowId a1) throws SQLException {
		this.target.updateRowId(a0, a1);
	}

	@Override
	public void updateRowId(String a0, RowId a1) throws SQLException {
		this.target.updateRowId(a0, a1);
	}

	@Override
	public int getHoldability() throws SQLException {
		return this.target.getHoldability();
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.target.isClosed();
	}

	@Override
	public void updateNString(int a0, String a1) throws SQLException {
		this.target.updateNString(a0, a1);
	}

	@Override
	public void updateNString(String a0, String a1) throws SQLException {
		this.target.updateNString(a0, a1);
	}

	@Override
	public void updateNClob(int a0, NClob a1) throws SQLException {
		this.target.updateNClob(a0, a1);
	}

	@Override
	public void updateNClob(String a0, NClob a1) throws SQLException {
		this.target.updateNClob(a0, a1);
	}

	@Override
	public NClob getNClob(int a0) throws SQLException {
		return this.target.getNClob(a0);
	}

	@Override
	public NClob getNClob(String a0) throws SQLException {
		return this.target.getNClob(a0);
	}

	@Override
	public SQLXML getSQLXML(int a0) throws SQLException {
		return this.target.getSQLXML(a0);
	}

	@Override
	public SQLXML getSQLXML(String a0) throws SQLException {
		return this.target.getSQLXML(a0);
	}

	@Override
	public void updateSQLXML(int a0, SQLXML a1) throws SQLException {
		this.target.updateSQLXML(a0, a1);
	}

	@Override
	public void updateSQLXML(String a0, SQLXML a1) throws SQLException {
		this.target.updateSQLXML(a0, a1);
	}

	@Override
	public String getNString(int a0) throws SQLException {
		return this.target.getNString(a0);
	}

	@Override
	public String getNString(String a0) throws SQLException {
		return this.target.getNString(a0);
	}

	@Override
	public Reader getNCharacterStream(int a0) throws SQLException {
		return this.target.getNCharacterStream(a0);
	}

	@Override
	public Reader getNCharacterStream(String a0) throws SQLException {
		return this.target.getNCharacterStream(a0);
	}

	@Override
	public void updateNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
		this.target.updateNCharacterStream(a0, a1, a2);
	}

	@Override
	public void updateNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
		this.target.updateNCharacterStream(a0, a1, a2);
	}

	@Override
	public void updateAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
		this.target.updateAsciiStream(a0, a1, a2);
	}

	@Override
	public void updateBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
		this.target.updateBinaryStream(a0, a1, a2);
	}

	@Override
	public void updateCharacterStream(int a0, Reader a1, long a2) throws SQLException {
		this.target.updateCharacterStream(a0, a1, a2);
	}

	@Override
	public void updateAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
		this.target.updateAsciiStream(a0, a1, a2);
	}

	@Override
	public void updateBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
		this.target.updateBinaryStream(a0, a1, a2);
	}

	@Override
	public void updateCharacterStream(String a0, Reader a1, long a2) throws SQLException {
		this.target.updateCharacterStream(a0, a1, a2);
	}

	@Override
	public void updateBlob(int a0, InputStream a1, long a2) throws SQLException {
		this.target.updateBlob(a0, a1, a2);
	}

	@Override
	public void updateBlob(String a0, InputStream a1, long a2) throws SQLException {
		this.target.updateBlob(a0, a1, a2);
	}

	@Override
	public void updateClob(int a0, Reader a1, long a2) throws SQLException {
		this.target.updateClob(a0, a1, a2);
	}

	@Override
	public void updateClob(String a0, Reader a1, long a2) throws SQLException {
		this.target.updateClob(a0, a1, a2);
	}

	@Override
	public void updateNClob(int a0, Reader a1, long a2) throws SQLException {
		this.target.updateNClob(a0, a1, a2);
	}

	@Override
	public void updateNClob(String a0, Reader a1, long a2) throws SQLException {
		this.target.updateNClob(a0, a1, a2);
	}

	@Override
	public void updateNCharacterStream(int a0, Reader a1) throws SQLException {
		this.target.updateNCharacterStream(a0, a1);
	}

	@Override
	public void updateNCharacterStream(String a0, Reader a1) throws SQLException {
		this.target.updateNCharacterStream(a0, a1);
	}

	@Override
	public void updateAsciiStream(int a0, InputStream a1) throws SQLException {
		this.target.updateAsciiStream(a0, a1);
	}

	@Override
	public void updateBinaryStream(int a0, InputStream a1) throws SQLException {
		this.target.updateBinaryStream(a0, a1);
	}

	@Override
	public void updateCharacterStream(int a0, Reader a1) throws SQLException {
		this.target.updateCharacterStream(a0, a1);
	}

	@Override
	public void updateAsciiStream(String a0, InputStream a1) throws SQLException {
		this.target.updateAsciiStream(a0, a1);
	}

	@Override
	public void updateBinaryStream(String a0, InputStream a1) throws SQLException {
		this.target.updateBinaryStream(a0, a1);
	}

	@Override
	public void updateCharacterStream(String a0, Reader a1) throws SQLException {
		this.target.updateCharacterStream(a0, a1);
	}

	@Override
	public void updateBlob(int a0, InputStream a1) throws SQLException {
		this.target.updateBlob(a0, a1);
	}

	@Override
	public void updateBlob(String a0, InputStream a1) throws SQLException {
		this.target.updateBlob(a0, a1);
	}

	@Override
	public void updateClob(int a0, Reader a1) throws SQLException {
		this.target.updateClob(a0, a1);
	}

	@Override
	public void updateClob(String a0, Reader a1) throws SQLException {
		this.target.updateClob(a0, a1);
	}

	@Override
	public void updateNClob(int a0, Reader a1) throws SQLException {
		this.target.updateNClob(a0, a1);
	}

	@Override
	public void updateNClob(String a0, Reader a1) throws SQLException {
		this.target.updateNClob(a0, a1);
	}

	@Override
	public <T> T getObject(int a0, Class<T> a1) throws SQLException {
		return this.target.getObject(a0, a1);
	}

	@Override
	public <T> T getObject(String a0, Class<T> a1) throws SQLException {
		return this.target.getObject(a0, a1);
	}

	@Override
	public void updateObject(int a0, Object a1, SQLType a2, int a3) throws SQLException {
		this.target.updateObject(a0, a1, a2, a3);
	}

	@Override
	public void updateObject(String a0, Object a1, SQLType a2, int a3) throws SQLException {
		this.target.updateObject(a0, a1, a2, a3);
	}

	@Override
	public void updateObject(int a0, Object a1, SQLType a2) throws SQLException {
		this.target.updateObject(a0, a1, a2);
	}

	@Override
	public void updateObject(String a0, Object a1, SQLType a2) throws SQLException {
		this.target.updateObject(a0, a1, a2);
	}

}
