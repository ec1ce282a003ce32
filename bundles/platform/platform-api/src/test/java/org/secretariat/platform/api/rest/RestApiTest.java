package org.secretariat.platform.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RestApiTest {

    @Test
    void pathsAreDecidedAsTheServerRoutesThem() {
        assertTrue(RestApi.isApiPath("/api/platform/session"));
        assertTrue(RestApi.isApiPath("/%61pi/platform/session"));
        assertTrue(RestApi.isApiPath("/app/../api/platform/users"));
        assertTrue(RestApi.isApiPath("/api/x|y"));
        assertFalse(RestApi.isApiPath("/app/"));
        assertFalse(RestApi.isApiPath("/apiary"));
        assertFalse(RestApi.isApiPath(null));
        assertEquals("/api/a b", RestApi.decodedPath("/api/a%20b"));
    }
}
