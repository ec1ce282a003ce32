package org.secretariat.sponsorship.impl.domain;

/** Whether a sponsored delegate came: the whole meeting, part of it, or not at all. */
public enum AttendanceKind {
    ATTENDED,
    PARTLY,
    NO_SHOW
}
