package io.github.dbperf.capture;

import java.sql.CallableStatement;
import java.sql.Connection;

import net.ttddyy.dsproxy.proxy.ProxyConfig;

/**
 * The callable statement the generated {@link LeanCallableStatement} delegates to: its
 * own methods add nothing to {@link LeanPreparedStatement}'s timing and bound values.
 */
abstract class CallableStatementCore extends LeanPreparedStatement implements CallableStatement {

	final CallableStatement callable;

	CallableStatementCore(CallableStatement target, String sql, Connection connection, ProxyConfig proxyConfig,
			StatementListener listener) {
		super(target, sql, connection, proxyConfig, listener);
		this.callable = target;
	}

}
