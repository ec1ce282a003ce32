// After generation: the parameters' rules, which Maven checks only when it asks for them interactively,
// and the files a jar cannot carry under their real names.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

def properties = request.properties
def moduleId = properties.getProperty('moduleId')
def entity = properties.getProperty('entity')
def entities = properties.getProperty('entities')
def javaPackage = properties.getProperty('package')
Path root = Paths.get(request.outputDirectory, request.artifactId)

def problems = []
if (!(moduleId ==~ /[a-z][a-z0-9]*/)) {
    problems << "moduleId '${moduleId}' must be lower-case letters and digits, starting with a letter: it names the module's " +
            "persistence unit, its tables, its permissions (dotted lower-case words) and its REST root (give -DmoduleId=...)"
} else if (moduleId == 'platform') {
    problems << "moduleId 'platform' is the platform's own: /api/platform is refused to modules"
}
if (!(entity ==~ /[A-Z][A-Za-z0-9]*/)) {
    problems << "entity '${entity}' must be a Java class name of letters and digits starting with a capital, e.g. Report"
}
if (!(entities ==~ /[a-z][a-z0-9-]*/)) {
    problems << "entities '${entities}' must be a path segment of lower-case letters, digits and '-', e.g. reports"
}
if (!(javaPackage ==~ /[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*/)) {
    problems << "package '${javaPackage}' is not a Java package name of lower-case words (give -Dpackage=...)"
}
if (problems) {
    root.toFile().deleteDir()
    throw new IllegalArgumentException('The module was not generated: ' + problems.join('; '))
}

Files.move(root.resolve('gitignore'), root.resolve('.gitignore'))
println "Module ${moduleId} generated in ${root}: cd ${request.artifactId} && mvn install"
