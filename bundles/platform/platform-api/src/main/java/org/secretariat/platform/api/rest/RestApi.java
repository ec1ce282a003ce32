package org.secretariat.platform.api.rest;

/**
 * The platform's single JAX-RS application. A module's resource joins it with
 * {@code @JaxrsResource @JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)}; its paths then live
 * under {@value #BASE}, and it gets the platform's JSON provider and error mapping.
 */
public final class RestApi {

    /** Name of the application ({@code osgi.jaxrs.name}). */
    public static final String APPLICATION_NAME = "secretariat";

    /** Base path of every REST resource. */
    public static final String BASE = "/api";

    /** Filter that selects the platform application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    private RestApi() {
    }

    /**
     * A request URI's path as the server routes it: percent-decoded and normalised, so {@code /%61pi/x}
     * and {@code /app/../api/x} are both {@code /api/x}. Filters that decide by path use this, never the raw URI.
     */
    public static String decodedPath(String requestUri) {
        if (requestUri == null) {
            return "";
        }
        try {
            return java.net.URI.create(requestUri.replace(" ", "%20")).normalize().getPath();
        } catch (IllegalArgumentException e) {
            // Characters a server accepts but java.net.URI does not (|, ^): decode leniently.
            return java.net.URLDecoder.decode(requestUri.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Whether a request URI is under {@value #BASE}, decoded as the server routes it. */
    public static boolean isApiPath(String requestUri) {
        return decodedPath(requestUri).startsWith(BASE + "/");
    }
}
