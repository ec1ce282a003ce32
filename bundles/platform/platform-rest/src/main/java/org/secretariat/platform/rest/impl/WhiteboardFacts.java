package org.secretariat.platform.rest.impl;

import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/** What {@link RestRuntimeReadiness} reads off the JAX-RS whiteboard's services and runtime DTO. */
final class WhiteboardFacts {

    private static final String WHITEBOARD_TARGET = "osgi.jaxrs.whiteboard.target";
    private static final String CHANGE_COUNT = "service.changecount";

    private WhiteboardFacts() {
    }

    /** The service ids the runtime accounts for: applications, their resources and extensions, and every failure. */
    static Set<Long> known(RuntimeDTO dto) {
        Set<Long> ids = new HashSet<>();
        if (dto.defaultApplication != null) {
            addApplication(ids, dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            for (ApplicationDTO application : dto.applicationDTOs) {
                addApplication(ids, application);
            }
        }
        addAll(ids, dto.failedApplicationDTOs);
        addAll(ids, dto.failedResourceDTOs);
        addAll(ids, dto.failedExtensionDTOs);
        return ids;
    }

    static void addApplication(Set<Long> ids, ApplicationDTO application) {
        ids.add(application.serviceId);
        addAll(ids, application.resourceDTOs);
        addAll(ids, application.extensionDTOs);
    }

    static void addAll(Set<Long> ids, BaseDTO[] dtos) {
        if (dtos != null) {
            for (BaseDTO dto : dtos) {
                ids.add(dto.serviceId);
            }
        }
    }

    static boolean isRuntime(ServiceReference<?> reference) {
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        return classes instanceof String[] && java.util.Arrays.asList((String[]) classes).contains(JaxrsServiceRuntime.class.getName());
    }

    /** A service that names another whiteboard is none of this one's business. */
    static boolean targetsThisWhiteboard(ServiceReference<?> reference, ServiceReference<JaxrsServiceRuntime> runtime) {
        Object target = reference.getProperty(WHITEBOARD_TARGET);
        if (target == null || runtime == null) {
            return true;
        }
        try {
            Filter filter = FrameworkUtil.createFilter(target.toString());
            return filter.match(runtime);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    static long serviceIdOf(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    static long changeCount(ServiceReference<?> runtime) {
        Object count = runtime == null ? null : runtime.getProperty(CHANGE_COUNT);
        return count instanceof Number ? ((Number) count).longValue() : -1;
    }

    static String eventName(int type) {
        switch (type) {
            case ServiceEvent.REGISTERED: return "registered";
            case ServiceEvent.UNREGISTERING: return "unregistering";
            default: return "modified";
        }
    }
}
