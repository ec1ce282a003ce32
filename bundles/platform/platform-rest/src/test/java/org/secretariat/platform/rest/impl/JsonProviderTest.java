package org.secretariat.platform.rest.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.rest.Cursor;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The API's JSON writer: the body written whole, without flushing the response stream before its end. */
class JsonProviderTest {

    @Test
    void aValueIsWrittenWithoutFlushingTheResponse() throws Exception {
        int[] flushes = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Convention on Cluster Munitions");
        value.put("since", LocalDate.of(2010, 8, 1));
        value.put("none", null);
        new JsonProvider().writeTo(value, Map.class, Map.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        assertEquals("{\"name\":\"Convention on Cluster Munitions\",\"since\":\"2010-08-01\"}", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, flushes[0], "the runtime commits the response once the body is complete, with its length");
    }

    @Test
    void aPageReadByCursorLeavesOutItsTotalAndNumber() throws Exception {
        ObjectMapper mapper = JsonProvider.objectMapper();
        PageRequest numbered = PageRequest.parse("2", "1", null, null, Set.of("name"), "name");
        assertEquals("{\"items\":[\"a\"],\"total\":7,\"page\":2,\"size\":1}",
                mapper.writeValueAsString(Page.of(List.of("a"), 7, numbered)));
        assertEquals("{\"items\":[],\"total\":0,\"page\":0,\"size\":1}",
                mapper.writeValueAsString(Page.of(List.of(), 0, PageRequest.parse(null, "1", null, Set.of("name"), "name"))));
        PageRequest byCursor = PageRequest.parse(null, "1", null, "", Set.of("name"), "name");
        String json = mapper.writeValueAsString(Page.of(List.of("a"), 7, byCursor, Cursor.after(byCursor, "a", 4)));
        assertEquals("{\"items\":[\"a\"],\"size\":1,\"next\":\"" + Cursor.after(byCursor, "a", 4).encode() + "\"}", json);
    }
}
