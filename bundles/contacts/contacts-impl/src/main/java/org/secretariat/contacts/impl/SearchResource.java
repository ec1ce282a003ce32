package org.secretariat.contacts.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/** One search box across states, organisations and people: the first matches of each, by name. */
@Component(service = SearchResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final int LIMIT = 20;

    @Reference
    private StateCatalogue catalogue;

    @Reference
    private ContactBook contacts;

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    public Map<String, Object> search(@QueryParam("q") String q) {
        if (q == null || q.trim().length() < 2) {
            throw ApiException.badRequest("q", "q needs at least 2 characters");
        }
        String pattern = Names.containsPattern(q);
        List<Map<String, Object>> states = Transactions.read(catalogue.store(), em -> em.createQuery(
                "SELECT DISTINCT n.iso2 FROM StateName n WHERE n.nameKey LIKE :pattern ESCAPE '\\' ORDER BY n.iso2", String.class)
                .setParameter("pattern", pattern).setMaxResults(LIMIT).getResultList()).stream()
                .map(iso2 -> catalogue.state(iso2).orElseThrow())
                .map(state -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("iso2", state.iso2());
                    json.put("name", state.name("en"));
                    json.put("status", state.status());
                    return json;
                }).collect(Collectors.toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("states", states);
        body.put("contacts", contacts.search(q, LIMIT).stream().map(c -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", c.kind());
            json.put("id", c.id());
            json.put("name", c.name());
            return json;
        }).collect(Collectors.toList()));
        return body;
    }
}
