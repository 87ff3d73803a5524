package io.github.dbperf.capture;

import java.util.Arrays;
import java.util.List;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * A hash of a statement's bound parameters: enough to tell whether two executions used
 * the same values, without keeping any value.
 */
final class ParameterHashes {

	private ParameterHashes() {
	}

	static int of(QueryInfo query) {
		int hash = 1;
		for (List<ParameterSetOperation> parameters : query.getParametersList()) {
			for (ParameterSetOperation parameter : parameters) {
				hash = 31 * hash + Arrays.deepHashCode(parameter.getArgs());
			}
		}
		return hash;
	}

}
