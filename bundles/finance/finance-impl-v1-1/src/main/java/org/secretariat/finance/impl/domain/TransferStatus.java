package org.secretariat.finance.impl.domain;

/** A transfer between budget lines: applied (at once, or when the Director approved it), waiting for the Director, or rejected. */
public enum TransferStatus {
    APPLIED, PENDING, REJECTED
}
