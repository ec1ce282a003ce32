package org.secretariat.platform.rest.impl;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Every text field of a request, as Jackson reads it, without the NUL character (U+0000): PostgreSQL
 * refuses it in text columns, so a request carrying it is answered 400 naming the field, on every
 * database alike, before any service sees it.
 */
final class TextWithoutNul extends StdScalarDeserializer<String> {

    static final String MESSAGE = "Text may not contain the NUL character (U+0000)";

    TextWithoutNul() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new NulInText(parser);
        }
        return text;
    }

    /** The refusal; the error mapper names the field from its path. */
    static final class NulInText extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        NulInText(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }
}
