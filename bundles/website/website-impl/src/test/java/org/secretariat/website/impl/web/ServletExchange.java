package org.secretariat.website.impl.web;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One request to the public site's servlet and what it answered, without a server: the servlet API
 * calls {@link PublicSite} makes, answered from plain fields (anything else fails the test).
 */
final class ServletExchange {

    final String method;
    final String uri;
    final Map<String, String> requestHeaders = new HashMap<>();
    int status = 200;
    final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    ServletExchange(String method, String uri) {
        this.method = method;
        this.uri = uri;
    }

    ServletExchange header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    ServletExchange run(PublicSite site) throws Exception {
        site.service(request(), response());
        return this;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getMethod": return method;
                        case "getRequestURI": return uri;
                        case "getHeader": return requestHeaders.get((String) args[0]);
                        case "getDateHeader":
                            String value = requestHeaders.get((String) args[0]);
                            return value == null ? -1L : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                        case "getParameterMap": return Map.of();
                        case "getQueryString": return null;
                        case "isSecure": return false;
                        case "getServerPort": return 8395;
                        case "getServerName": return "localhost";
                        default: throw new UnsupportedOperationException("request." + m.getName());
                    }
                });
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader": headers.put((String) args[0], (String) args[1]); return null;
                        case "setDateHeader":
                            headers.put((String) args[0], DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli((Long) args[1]).atZone(ZoneOffset.UTC)));
                            return null;
                        case "setStatus": status = (Integer) args[0]; return null;
                        case "sendError": status = (Integer) args[0]; return null;
                        case "setContentType": headers.put("Content-Type", (String) args[0]); return null;
                        case "setContentLength": headers.put("Content-Length", args[0].toString()); return null;
                        case "setContentLengthLong": headers.put("Content-Length", args[0].toString()); return null;
                        case "getOutputStream": return out;
                        case "isCommitted": return false;
                        case "reset": headers.clear(); body.reset(); return null;
                        case "sendRedirect": status = 302; headers.put("Location", (String) args[0]); return null;
                        default: throw new UnsupportedOperationException("response." + m.getName());
                    }
                });
    }
}
