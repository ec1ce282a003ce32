package org.secretariat.platform.rest.impl;

import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.persistence.OptimisticLockException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.StorageFailures;
import org.secretariat.platform.api.rest.ApiError;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure leaves the API as {@code {"status":...,"error":"...","field":"..."}}; no stack trace
 * ever reaches a client. Unexpected failures are logged with an incident id that the answer repeats,
 * so a user's report can be matched to the log.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ErrorMapper.NAME)
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public class ErrorMapper implements ExceptionMapper<Throwable> {

    static final String NAME = "secretariat.errors";
    /** SQLSTATE 22021, character not in repertoire: PostgreSQL's answer to a NUL character in text. */
    private static final String NOT_IN_REPERTOIRE = "22021";

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    private final Incidents incidents = new Incidents(LOG);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StorageFailures storage;

    @Override
    public Response toResponse(Throwable failure) {
        ApiError error = toError(failure);
        return Response.status(error.getStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    ApiError toError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException) {
                ApiException api = (ApiException) cause;
                return new ApiError(api.status(), api.getMessage(), api.field());
            }
            if (cause instanceof DomainException) {
                DomainException refusal = (DomainException) cause;
                return new ApiError(status(refusal.kind()), refusal.getMessage(), refusal.field());
            }
            if (cause instanceof JsonProcessingException) {
                return jsonError((JsonProcessingException) cause);
            }
            if (cause instanceof OptimisticLockException) {
                return new ApiError(409, "Someone else changed this record since you read it; reload it and apply your change again", null);
            }
            if (cause instanceof java.sql.SQLException && sqlState(cause).startsWith("23")) {
                // Two requests claimed the same unique value at once (a document symbol, a decision number): the loser retries.
                // Class 23 on every database (Derby's SQLIntegrityConstraintViolationException, PostgreSQL's PSQLException).
                return new ApiError(409, "Another change claimed the same value at the same moment; try again", null);
            }
            if (cause instanceof java.sql.SQLException && NOT_IN_REPERTOIRE.equals(sqlState(cause))) {
                // PostgreSQL refuses the NUL character in text; JSON fields are refused before (TextWithoutNul), this is
                // what comes another way (a CSV, a form field).
                return new ApiError(400, TextWithoutNul.MESSAGE, null);
            }
        }
        if (failure instanceof WebApplicationException) {
            int status = ((WebApplicationException) failure).getResponse().getStatus();
            if (status < 500) {
                return new ApiError(status, clientMessage(status), null);
            }
        }
        StorageFailures guard = storage;
        if (guard != null && guard.report(failure)) {
            return new ApiError(507, "The server's storage is full or read-only: nothing was saved. An administrator must free space in the"
                    + " data folder; the platform takes writes again by itself once there is room", null);
        }
        String incident = UUID.randomUUID().toString();
        incidents.record(incident, failure);
        return new ApiError(500, "Internal error; incident " + incident + " is in the server log", null);
    }

    /** The one place where a service's refusal becomes an HTTP status. */
    static int status(DomainException.Kind kind) {
        switch (kind) {
            case INVALID: return 400;
            case NOT_FOUND: return 404;
            case CONFLICT: return 409;
            default: throw new IllegalArgumentException("no status for " + kind);
        }
    }

    private static ApiError jsonError(JsonProcessingException failure) {
        if (failure instanceof TextWithoutNul.NulInText) {
            return new ApiError(400, TextWithoutNul.MESSAGE, path((JsonMappingException) failure));
        }
        if (failure instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) failure;
            return new ApiError(400, "Unknown field '" + unknown.getPropertyName() + "'", path(unknown));
        }
        if (failure instanceof InvalidFormatException) {
            InvalidFormatException invalid = (InvalidFormatException) failure;
            return new ApiError(400, "Value '" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType()), path(invalid));
        }
        if (failure instanceof JsonMappingException && !((JsonMappingException) failure).getPath().isEmpty()) {
            JsonMappingException mapping = (JsonMappingException) failure;
            return new ApiError(400, "Value has the wrong type or form", path(mapping));
        }
        if (failure instanceof JsonMappingException) {
            return new ApiError(400, "Request body has the wrong form: send a JSON object with the fields this endpoint takes", null);
        }
        return new ApiError(400, "Request body is not valid JSON: " + withoutClassNames(failure.getOriginalMessage()), null);
    }

    private static String sqlState(Throwable sqlException) {
        String state = ((java.sql.SQLException) sqlException).getSQLState();
        return state == null ? "" : state;
    }

    /** Jackson names Java types in backquotes (`java.lang.String`); a client needs none of that. */
    static String withoutClassNames(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.replaceAll("`[\\w.$\\[\\]<>, ]+`", "a value").replaceAll("\\(for (Object|root) starting at.*", "").trim();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "value; expected one of " + java.util.Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type.getName().startsWith("java.time.")) {
            return type.getSimpleName() + " (ISO-8601, e.g. 2011-03-15)";
        }
        return type.getSimpleName();
    }

    /** The dotted path of the field at fault, e.g. {@code participants[2].role}. */
    static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String clientMessage(int status) {
        switch (status) {
            case 400: return "Bad request";
            case 401: return "Authentication required";
            case 403: return "Forbidden";
            case 404: return "Not found";
            case 405: return "Method not allowed";
            case 406: return "Not acceptable: this resource answers application/json";
            case 409: return "Conflict";
            case 415: return "Unsupported media type: send the Content-Type this endpoint takes (application/json; multipart/form-data for uploads; text/csv for imports)";
            default: return Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request refused";
        }
    }
}
