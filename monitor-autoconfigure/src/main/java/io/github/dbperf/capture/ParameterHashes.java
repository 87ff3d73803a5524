package io.github.dbperf.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * A statement's bound parameters: a hash, enough to tell whether two executions used the
 * same values without keeping any, and the values themselves for plan capture.
 */
final class ParameterHashes {

	private ParameterHashes() {
	}

	/**
	 * The values bound by {@code setXxx(index, value)}, in index order.
	 */
	static List<Object> values(QueryInfo query) {
		List<List<ParameterSetOperation>> all = query.getParametersList();
		if (all.isEmpty()) {
			return List.of();
		}
		TreeMap<Integer, Object> byIndex = new TreeMap<>();
		for (ParameterSetOperation parameter : all.get(0)) {
			Object[] args = parameter.getArgs();
			if (args.length >= 2 && args[0] instanceof Integer index) {
				byIndex.put(index, ParameterSetOperation.isSetNullParameterOperation(parameter) ? null : args[1]);
			}
		}
		return Collections.unmodifiableList(new ArrayList<>(byIndex.values()));
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
