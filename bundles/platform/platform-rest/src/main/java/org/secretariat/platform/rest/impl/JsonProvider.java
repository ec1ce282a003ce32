package org.secretariat.platform.rest.impl;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.RestApi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * JSON for the whole API, one way: dates and times as ISO-8601 strings, nulls left out, an
 * unknown field in a request refused rather than silently dropped, and text with the NUL character
 * refused (PostgreSQL cannot store it; Derby could, so both refuse it alike).
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public class JsonProvider extends JacksonJsonProvider {

    static final String NAME = "secretariat.json";

    public JsonProvider() {
        super(objectMapper());
    }

    static ObjectMapper objectMapper() {
        // No flush of the response stream when a value is written: the JAX-RS runtime closes it after the
        // body anyway. A flush committed the response before its end, so every answer went out chunked in
        // two writes instead of one with its Content-Length (bench/rest.sh: a fifth of a small GET's time).
        // A large body still streams: the server sends each buffer as it fills.
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder().disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM).build())
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .registerModule(new SimpleModule("secretariat-text").addDeserializer(String.class, new TextWithoutNul()))
                .addMixIn(Page.class, PageJson.class);
        // Strict types: a date is an ISO-8601 string (not 123, read as days since 1970) and a real date
        // (not 2011-02-30); a yes/no field is true or false (not 1, "yes" or "maybe").
        mapper.setDefaultLeniency(Boolean.FALSE);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /** A page read by cursor has no total and no number ({@link Page#UNCOUNTED}): left out of the JSON rather than -1. */
    abstract static class PageJson {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Uncounted.class)
        abstract long getTotal();

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Uncounted.class)
        abstract int getPage();
    }

    /** Jackson's filter for {@link PageJson}: true means "leave out". */
    static final class Uncounted {
        @Override
        public boolean equals(Object value) {
            return value instanceof Number && ((Number) value).longValue() == Page.UNCOUNTED;
        }

        @Override
        public int hashCode() {
            return Page.UNCOUNTED;
        }
    }
}
