package org.secretariat.finance.impl.rest;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** A refused import (400): the error, as every refusal has it, and the report naming every bad line. */
public record ImportRefusal(int status, String error, String field, Object report) {

    /** 200 with the report when no line is wrong; otherwise 400 with the report, nothing imported. */
    static Response answer(Object report, int badLines) {
        if (badLines == 0) {
            return Response.ok(report).build();
        }
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ImportRefusal(400, badLines + " line(s) have errors; nothing was imported", "file", report)).build();
    }
}
