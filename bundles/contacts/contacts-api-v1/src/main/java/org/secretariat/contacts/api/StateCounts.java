package org.secretariat.contacts.api;

/** How many states have each status, for the website and reports. */
public final class StateCounts {

    private final int stateParties;
    private final int signatories;
    private final int notParty;

    public StateCounts(int stateParties, int signatories, int notParty) {
        this.stateParties = stateParties;
        this.signatories = signatories;
        this.notParty = notParty;
    }

    public int stateParties() {
        return stateParties;
    }

    public int signatories() {
        return signatories;
    }

    public int notParty() {
        return notParty;
    }
}
