package io.github.dbperf.attribution;

import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Marks the moment a request's handler returned: from then on the response is written (a
 * view renders, a body is serialised), and what the ORM loads then is loaded late.
 * Changes nothing in the request or the response.
 */
@ControllerAdvice
public final class ResponsePhase implements HandlerInterceptor, ResponseBodyAdvice<Object> {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		responding((handler instanceof HandlerMethod method) ? method.getMethod() : null);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		responding(returnType.getMethod());
		return body;
	}

	private static void responding(Method handler) {
		UnitOfWork unit = Attribution.current().unit();
		if (unit != null && !unit.isResponding()) {
			unit.responding(handler);
		}
	}

}
