package org.secretariat.expertise.impl.profile;

/** Why a profile link opens nothing: 404 not a link of this platform, 410 expired or the profile gone or hidden, 409 changed meanwhile. */
public final class LinkRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    public final int status;
    public final String reason;

    LinkRefusal(int status, String reason) {
        super(reason);
        this.status = status;
        this.reason = reason;
    }
}
