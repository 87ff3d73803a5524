package io.github.dbperf.attribution;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Makes each HTTP request a unit of work whose entry point is {@code METHOD
 * /route/{template}}, from Spring MVC's best-matching pattern: never the raw URI, so the
 * values stay bounded. Requests no handler matched are {@code UNKNOWN}.
 */
public final class RequestUnitOfWorkFilter extends OncePerRequestFilter {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE");

	/**
	 * Route templates come from the handler mappings, a closed set; the bound is a safety
	 * net.
	 */
	private static final int MAX_ROUTES = 4096;

	private static final Logger leakLogger = LoggerFactory.getLogger(RequestUnitOfWorkFilter.class);

	private final UnitsOfWork units;

	private final AtomicBoolean leakReported = new AtomicBoolean();

	private volatile String alreadyFiltered;

	/**
	 * Entry point names by route template, one per HTTP method ({@link #METHODS}, then
	 * {@code OTHER}): built once per route, so a request costs a lookup, not a string.
	 */
	private final ConcurrentHashMap<String, String[]> entrypoints = new ConcurrentHashMap<>();

	/**
	 * Create the filter of one application context.
	 * @param units that context's units of work
	 */
	public RequestUnitOfWorkFilter(UnitsOfWork units) {
		this.units = units;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isAsyncDispatch(request) && Attribution.clear() && this.leakReported.compareAndSet(false, true)) {
			leakLogger.warn("A dbperf unit of work (DbPerf.scope) or repository call was left open on thread '"
					+ Thread.currentThread().getName() + "' before this request; it was discarded. "
					+ "Close scopes with try-with-resources. Reported once.");
		}
		try (UnitOfWork unit = this.units.begin(() -> entrypoint(request), () -> handlerMethod(request))) {
			chain.doFilter(request, response);
		}
	}

	private static Method handlerMethod(HttpServletRequest request) {
		return (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
				? handler.getMethod() : null;
	}

	String entrypoint(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern == null) {
			return null;
		}
		String route = pattern.toString();
		int method = METHODS.indexOf(request.getMethod());
		if (method < 0) {
			method = METHODS.size();
		}
		String[] names = this.entrypoints.get(route);
		if (names == null) {
			names = new String[METHODS.size() + 1];
			if (this.entrypoints.size() < MAX_ROUTES) {
				String[] existing = this.entrypoints.putIfAbsent(route, names);
				names = (existing != null) ? existing : names;
			}
		}
		String name = names[method];
		if (name == null) {
			// A benign race: two threads may build the same name.
			name = ((method < METHODS.size()) ? METHODS.get(method) : "OTHER") + " " + route;
			names[method] = name;
		}
		return name;
	}

	@Override
	protected String getAlreadyFilteredAttributeName() {
		// The default concatenates the filter's name on every request; the name is fixed
		// once
		// the container initialised the filter, which it did before the first request.
		String name = this.alreadyFiltered;
		if (name == null) {
			name = super.getAlreadyFilteredAttributeName();
			this.alreadyFiltered = name;
		}
		return name;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
