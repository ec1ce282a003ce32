package org.secretariat.it;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Sessions end when the configured timeout passes: with an idle timeout of zero minutes
 * ({@code org.secretariat.security}, {@code idleTimeoutMinutes}) a session is over by its next request.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SessionTimeoutIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PlatformOptions.platform("session-timeout", PlatformOptions.freePort(),
                Map.of("org.secretariat.security.config", "idleTimeoutMinutes=I\"0\"\n"));
    }

    @Test
    public void aSessionEndsWhenItsIdleTimeoutHasPassed() throws Exception {
        Http http = new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, http.await("/api/platform/health", 200, Duration.ofSeconds(60)).status);
        // The configuration may arrive a moment after the start: wait until a fresh session no longer survives.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            assertEquals(200, http.login("admin", PlatformOptions.ADMIN_PASSWORD).status);
            Thread.sleep(20);
            status = http.get("/api/platform/session").status;
        } while (status == 200 && System.nanoTime() < deadline);
        assertEquals("the idle session has ended", 401, status);
    }
}
