package org.secretariat.platform.rest.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.cluster.ClusterNodes;
import org.secretariat.platform.api.health.HealthContributor;
import org.secretariat.platform.api.rest.ApiReadiness;
import org.secretariat.platform.api.persistence.SchemaVersions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.Role;

/**
 * The platform's own REST resources under {@code /api/platform}. The services it reports on are
 * optional references: health must answer, and answer 503, precisely when they are missing.
 */
@Component(service = PlatformResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(secretariat.datasource=platform)")
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConventionProfile profile;

    /** The profile's service properties: its file's keys, including those modules read themselves. */
    @Reference(service = ConventionProfile.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Map<String, Object> profileProperties;

    /**
     * The {@code conventionEntryIntoForce} read from the properties map it came from. SCR's map is a
     * synchronised dictionary that every call of the public profile would queue on (bench/rest.sh,
     * JFR); SCR sets a new map whenever the properties change, so the value read from this one stays true.
     */
    private volatile ReadFrom conventionEntryIntoForce = new ReadFrom(null, null);

    private record ReadFrom(Map<String, Object> properties, Object value) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaVersions schemaVersions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime jaxrs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ApiReadiness readiness;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<HealthContributor> contributors;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClusterNodes clusterNodes;

    @Activate
    public PlatformResource(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /**
     * 200 when every bundle is active, every component satisfied and the database answers; 503
     * otherwise. Public, for monitors; the problems themselves are shown to administrators only.
     */
    @GET
    @Path("health")
    @PermitAll
    @org.secretariat.platform.api.rest.Answers(value = Map.class)
    @Summary("Check the platform's health: 200 when ready, 503 otherwise; administrators also see the problems")
    public Response health(@Context SecurityContext security) {
        boolean details = security != null && security.isUserInRole(Role.Names.ADMINISTRATOR);
        HealthCheck.Report report = new HealthCheck(context, scr, dataSource, jaxrs, readiness, contributors == null ? List.of() : contributors).check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.up() ? "UP" : "DOWN");
        body.put("database", report.databaseProblem == null ? Map.of("status", "UP")
                : details ? Map.of("status", "DOWN", "problem", report.databaseProblem) : Map.of("status", "DOWN"));
        body.put("modules", report.modules.stream().map(module -> module(module, details)).collect(Collectors.toList()));
        ClusterNodes cluster = clusterNodes;
        if (details && cluster != null && report.databaseProblem == null) {
            body.put("node", cluster.thisNode());
            body.put("nodes", nodes(cluster));
        }
        return Response.status(report.up() ? 200 : 503).entity(body).build();
    }

    /**
     * The nodes sharing the database with their last heartbeat: a node that died shows {@code alive: false}
     * and does not make this one DOWN (it keeps serving).
     */
    private static List<Map<String, Object>> nodes(ClusterNodes cluster) {
        try {
            return cluster.nodes().stream().map(node -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", node.id());
                json.put("address", node.address());
                json.put("startedAt", node.startedAt().toString());
                json.put("lastHeartbeat", node.lastHeartbeat().toString());
                json.put("alive", node.alive());
                return json;
            }).collect(Collectors.toList());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Map<String, Object> module(HealthCheck.ModuleHealth module, boolean details) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", module.id);
        json.put("version", module.version);
        json.put("state", module.problems.isEmpty() ? "ACTIVE" : "FAILING");
        if (details && !module.problems.isEmpty()) {
            json.put("problems", module.problems);
        }
        return json;
    }

    /**
     * The convention profile (public: the website and every module show it). The whole file, the keys
     * modules own included ({@code documentSymbolPattern}, {@code meetingTypes}: meetings;
     * {@code entryIntoForce}: contacts), as the platform reads them: those modules check them and say
     * in health when one is wrong. An {@code entryIntoForce} that is not a rule is left out.
     */
    @GET
    @Path("profile")
    @PermitAll
    @SuppressWarnings("deprecation")
    @Summary("Read the convention profile: name, acronym, languages, themes, fiscal year, currency (public)")
    public Map<String, Object> profile() {
        ConventionProfile current = profile;
        if (current == null) {
            throw new ApiException(503, "The convention profile is not configured: edit etc/org.secretariat.profile.config", null);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", current.name());
        json.put("acronym", current.acronym());
        json.put("workingLanguages", current.workingLanguages());
        json.put("thematicAreas", current.thematicAreas());
        json.put("documentSymbolPattern", current.documentSymbolPattern());
        json.put("fiscalYearStart", current.fiscalYearStart().toString().substring(2));
        json.put("currency", current.currency().getCurrencyCode());
        json.put("entryIntoForce", entryIntoForce(current));
        json.put("meetingTypes", current.meetingTypes());
        Map<String, Object> properties = profileProperties;
        ReadFrom read = this.conventionEntryIntoForce;
        if (read.properties() != properties) {
            read = new ReadFrom(properties, properties == null ? null : properties.get("conventionEntryIntoForce"));
            this.conventionEntryIntoForce = read;
        }
        Object conventionEntryIntoForce = read.value();
        json.put("conventionEntryIntoForce", conventionEntryIntoForce == null || conventionEntryIntoForce.toString().isBlank()
                ? null : conventionEntryIntoForce.toString().strip());
        return json;
    }

    @SuppressWarnings("deprecation")
    private static String entryIntoForce(ConventionProfile profile) {
        try {
            return profile.entryIntoForceRule().toString();
        } catch (IllegalStateException notARule) {
            return null;
        }
    }

    /** Each module's schema version, as recorded by the platform's migrations. */
    @GET
    @Path("schema")
    @RolesAllowed(Role.Names.ADMINISTRATOR)
    @Summary("Read each module's database schema version (administrators)")
    public List<SchemaVersions.SchemaVersion> schema() {
        SchemaVersions current = schemaVersions;
        if (current == null) {
            throw new ApiException(503, "The persistence service is not running", null);
        }
        return current.all();
    }
}
