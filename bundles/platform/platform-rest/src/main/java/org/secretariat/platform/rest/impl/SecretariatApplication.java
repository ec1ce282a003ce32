package org.secretariat.platform.rest.impl;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.secretariat.platform.api.rest.RestApi;

/**
 * The platform's one JAX-RS application at {@code /api}. It takes the name {@code .default}, so it
 * replaces the whiteboard's default application: every resource registered with just
 * {@code @JaxrsResource} joins it, and no module can end up outside {@code /api} or outside the
 * platform's JSON and error handling. It starts only once those extensions and the security
 * filter (from the security bundle) are there: without the gate, no door opens.
 */
@Component(service = Application.class)
@JaxrsName(RestApi.APPLICATION_NAME)
@JaxrsApplicationBase(RestApi.BASE)
@JaxrsExtensionSelect({"(osgi.jaxrs.name=" + JsonProvider.NAME + ")", "(osgi.jaxrs.name=" + ErrorMapper.NAME + ")",
        "(osgi.jaxrs.name=" + SecretariatApplication.SECURITY_FILTER + ")"})
public class SecretariatApplication extends Application {

    /** The access filter of the security bundle, by its whiteboard name. */
    static final String SECURITY_FILTER = "secretariat.security";
}
