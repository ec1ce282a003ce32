package org.secretariat.platform.modules.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.Role;

/** The module operations over REST, for administrators; the same service as the Gogo commands. */
@Component(service = ModulesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMINISTRATOR)
public class ModulesResource {

    /** The settings, the file they are kept in, and what each repository gave when read just now. */
    public record RepositoriesView(String file, List<String> repositories, List<String> mavenRepositories, List<String> mavenModules,
            List<RepositoryStatus> status) {
    }

    private final ModuleManager manager;
    private final ModuleRepositories repositories;

    @Activate
    public ModulesResource(@Reference ModuleManager manager, @Reference ModuleRepositories repositories) {
        this.manager = manager;
        this.repositories = repositories;
    }

    /** Where modules come from, each repository read just now with what it gave and its problems. */
    @GET
    @Path("repositories")
    @Summary("Read the module repositories and what each offers now (administrators)")
    public RepositoriesView repositories() {
        return repositoriesView(repositories.refresh());
    }

    /** Sets the repositories (kept in the configuration file of the administrator's etc folder). */
    @PUT
    @Path("repositories")
    @Consumes(MediaType.APPLICATION_JSON)
    @Summary("Set the module repositories: folders, Maven repositories and Maven modules (administrators)")
    public RepositoriesView setRepositories(RepositorySettings body) {
        return repositoriesView(repositories.change(body));
    }

    private RepositoriesView repositoriesView(List<RepositoryStatus> status) {
        RepositorySettings settings = repositories.settings();
        java.nio.file.Path file = repositories.configFile();
        return new RepositoriesView(file == null ? null : file.toString(), settings.repositories(), settings.mavenRepositories(),
                settings.mavenModules(), status);
    }

    @GET
    @Summary("List the installed modules, the versions the repositories offer and the last operations (administrators)")
    public Map<String, Object> list() {
        List<Map<String, Object>> installed = new ArrayList<>();
        for (InstalledModule module : manager.installed()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", module.moduleId);
            json.put("version", module.version);
            json.put("previousVersion", module.previousVersion);
            Map<String, Bundle> bundles = manager.bundlesOf(module.moduleId);
            boolean active = !bundles.isEmpty() && bundles.values().stream().allMatch(b -> b.getState() == Bundle.ACTIVE)
                    && manager.missingBundles(module).isEmpty();
            json.put("state", active ? "ACTIVE" : "FAILING");
            json.put("bundles", bundles.values().stream().map(b -> b.getSymbolicName() + " " + b.getVersion()).collect(Collectors.toList()));
            json.put("updatedAt", module.updatedAt);
            installed.add(json);
        }
        List<Map<String, Object>> available = new ArrayList<>();
        for (Map.Entry<String, NavigableMap<Version, ModuleFeature>> entry : manager.available().entrySet()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", entry.getKey());
            json.put("versions", entry.getValue().values().stream().map(f -> f.versionText).collect(Collectors.toList()));
            available.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("installed", installed);
        body.put("available", available);
        body.put("running", manager.currentOperation());
        List<Map<String, Object>> operations = new ArrayList<>();
        for (ModuleOperationRecord record : manager.latestOperations()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("module", record.moduleId);
            json.put("operation", record.operation.toLowerCase());
            json.put("from", record.fromVersion);
            json.put("to", record.toVersion);
            json.put("state", record.state);
            json.put("stepsDone", record.stepsDone);
            json.put("stepsTotal", record.stepsTotal);
            json.put("outcome", record.outcome);
            json.put("startedAt", record.startedAt);
            json.put("endedAt", record.endedAt);
            operations.add(json);
        }
        body.put("lastOperations", operations);
        return body;
    }

    /** What is running now, for a page that shows progress while an operation runs. */
    @GET
    @Path("operation")
    @Summary("Read the module operation running now and its phase, to follow its progress (administrators)")
    public Map<String, Object> operation() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", manager.currentOperation());
        body.put("phase", manager.currentPhase());
        return body;
    }

    @POST
    @Path("{id}/install")
    @Summary("Install a module, or with dryRun=true see its plan first (administrators)")
    public Map<String, Object> install(@PathParam("id") String id, @QueryParam("version") String version,
            @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        return run(Plan.Operation.INSTALL, id, version, dryRun, security);
    }

    @POST
    @Path("{id}/upgrade")
    @Summary("Upgrade a module to a newer version, its data kept; dryRun=true shows the plan (administrators)")
    public Map<String, Object> upgrade(@PathParam("id") String id, @QueryParam("version") String version,
            @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        return run(Plan.Operation.UPGRADE, id, version, dryRun, security);
    }

    @POST
    @Path("{id}/rollback")
    @Summary("Roll a module back to the version installed before, its data kept; dryRun=true shows the plan (administrators)")
    public Map<String, Object> rollback(@PathParam("id") String id, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        return run(Plan.Operation.ROLLBACK, id, null, dryRun, security);
    }

    @DELETE
    @Path("{id}")
    @Summary("Uninstall a module, its data kept for a reinstall; dryRun=true shows the plan (administrators)")
    public Map<String, Object> uninstall(@PathParam("id") String id, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        return run(Plan.Operation.UNINSTALL, id, null, dryRun, security);
    }

    private Map<String, Object> run(Plan.Operation operation, String id, String version, String dryRun, SecurityContext security) {
        boolean dry;
        if (dryRun == null || dryRun.equalsIgnoreCase("false")) {
            dry = false;
        } else if (dryRun.isEmpty() || dryRun.equalsIgnoreCase("true")) {
            dry = true;
        } else {
            throw ApiException.badRequest("dryRun", "dryRun must be true or false");
        }
        ModuleManager.Result result;
        try {
            result = manager.execute(operation, id, version, dry, security.getUserPrincipal().getName());
        } catch (ModuleOperationException e) {
            throw new ApiException(e.status, e.getMessage(), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", operation.name().toLowerCase());
        body.put("module", id);
        body.put("from", result.plan.fromVersion);
        body.put("to", result.plan.toVersion);
        body.put("dryRun", result.dryRun);
        body.put("steps", result.plan.steps.stream().map(Plan.Step::toString).collect(Collectors.toList()));
        body.put("refresh", result.plan.refreshed);
        body.put("migrations", result.plan.migrations);
        body.put("kept", result.plan.kept);
        body.put("configurations", result.plan.configurations);
        body.put("message", result.message);
        return body;
    }
}
