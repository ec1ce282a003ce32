package org.secretariat.expertise.impl.domain;

/** The kinds of help an expert gives, an offer provides and a request asks for. */
public enum HelpKind {
    ADVICE,
    TRAINING,
    FIELD_WORK
}
