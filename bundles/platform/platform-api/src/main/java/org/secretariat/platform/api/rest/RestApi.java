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
}
