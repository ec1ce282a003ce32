package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OriginCheckTest {

    @Test
    void theForwardedHeaderNamesTheHostAskedFor() {
        assertEquals("secretariat.example.org", AccessFilter.forwardedHost("for=192.0.2.60;proto=https;host=secretariat.example.org"));
        assertEquals("a.example:8443", AccessFilter.forwardedHost("host=\"a.example:8443\", host=b.example"));
        assertNull(AccessFilter.forwardedHost("for=192.0.2.60"));
        assertNull(AccessFilter.forwardedHost(null));
    }
}
