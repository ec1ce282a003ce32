package ${package}.impl.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ${package}.api.${entity}Directory;
import ${package}.api.${entity}Summary;

/** The API's {@link ${entity}Directory} service, over {@link ${entity}Service}. */
@Component(service = ${entity}Directory.class)
public class ${entity}DirectoryService implements ${entity}Directory {

    private final ${entity}Service records;

    @Activate
    public ${entity}DirectoryService(@Reference ${entity}Service records) {
        this.records = records;
    }

    @Override
    public Optional<${entity}Summary> find(long id) {
        return records.find(id).map(found -> new ${entity}Summary(found.id(), found.title()));
    }

    @Override
    public long count() {
        return records.count();
    }
}
